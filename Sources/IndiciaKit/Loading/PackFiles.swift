/// File-system access for pack loading, kept in one place (see `FileSystem`).
enum PackFiles {
    /// A path with `.`/`..` and links resolved, so one file read through two paths is read once.
    static func canonical(_ path: String) -> String {
        FileSystem.realPath(path) ?? path
    }

    /// The pack files at a path: the file itself, or every `.yaml`/`.yml` below a directory.
    static func expand(_ path: String, into problems: inout [Diagnostic]) -> [String] {
        let mark = SourceMark(file: path, line: 1, column: 1)
        switch FileSystem.kind(path) {
        case .directory:
            guard let found = FileSystem.files(under: path, depthLimit: 16) else {
                problems.append(Diagnostic(.error, .unreadable, "the directory cannot be read", at: mark))
                return []
            }
            var files: [String] = []
            for (file, kind) in found.sorted(by: { $0.path < $1.path }) where file.hasSuffix(".yaml") || file.hasSuffix(".yml") {
                // A pack file that is not a readable file is an error, never silently skipped.
                if let problem = problem(kind, at: file) {
                    problems.append(problem)
                } else {
                    files.append(file)
                }
            }
            return files
        case let kind:
            if let problem = problem(kind, at: path) {
                problems.append(problem)
                return []
            }
            return [path]
        }
    }

    /// Why a path named as a pack file cannot be read as one, or nil for a regular file.
    static func problem(_ kind: FileSystem.Kind, at path: String) -> Diagnostic? {
        let mark = SourceMark(file: path, line: 1, column: 1)
        switch kind {
        case .file: return nil
        case .missing: return Diagnostic(.error, .fileNotFound, "no such file or directory", at: mark)
        case .directory: return Diagnostic(.error, .notAFile, "this is a directory, not a pack file", at: mark)
        case .special: return Diagnostic(.error, .unreadable, "this is not a regular file (a FIFO, socket or device), so it is not read", at: mark)
        case .danglingLink: return Diagnostic(.error, .fileNotFound, "this is a symbolic link to a file that does not exist", at: mark)
        case .linkLoop: return Diagnostic(.error, .unreadable, "this is a loop of symbolic links", at: mark)
        }
    }

    /// A file's bytes, refusing anything over `limit` before reading it.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], Diagnostic> {
        let mark = SourceMark(file: path, line: 1, column: 1)
        let kind = FileSystem.kind(path)
        if kind == .missing { return .failure(Diagnostic(.error, .fileNotFound, "no such file", at: mark)) }
        if let problem = problem(kind, at: path) { return .failure(problem) }
        switch FileSystem.read(path, limit: limit) {
        case .success(let bytes): return .success(bytes)
        case .failure(.tooLarge): return .failure(Diagnostic(.error, .fileTooLarge, "file is larger than the limit of \(limit) bytes", at: mark))
        case .failure(.unreadable): return .failure(Diagnostic(.error, .unreadable, "the file cannot be read (check its permissions)", at: mark))
        }
    }
}
