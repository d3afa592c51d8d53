// `read` named per platform (a bare `read` inside a type with a `read` member would mean the member).
#if canImport(Glibc)
    import Glibc
    private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Glibc.read(fd, buffer, count) }
#elseif canImport(Musl)
    import Musl
    private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Musl.read(fd, buffer, count) }
#elseif canImport(Darwin)
    import Darwin
    private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Darwin.read(fd, buffer, count) }
#endif

/// The engine's only file-system access: reading pack files. Plain libc, so the engine does not
/// need Foundation (which would add about 10 MB of memory and milliseconds of start-up).
enum FileSystem {
    /// What is at a path (links followed).
    enum Kind: Equatable {
        case missing
        case file
        case directory
        /// A FIFO, socket or device: never opened (opening a FIFO would wait for a writer).
        case special
        /// A symbolic link whose target does not exist.
        case danglingLink
        /// Symbolic links that lead back to themselves.
        case linkLoop
    }

    enum ReadError: Error { case tooLarge, unreadable }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else {
            if errno == ELOOP { return .linkLoop }
            var link = stat()
            if lstat(path, &link) == 0, (link.st_mode & S_IFMT) == S_IFLNK { return .danglingLink }
            return .missing
        }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .directory
        case S_IFREG: return .file
        default: return .special
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Every entry below a directory that is a regular file, or that is not a directory but is
    /// named as a pack file would be (`*.yaml`, `*.yml`) — with what it is, so a folder, link or
    /// FIFO named like a pack file is reported rather than skipped. Links to files are followed;
    /// links to folders are not (no cycles). Nil if the directory cannot be read.
    static func files(under directory: String, depthLimit: Int) -> [(path: String, kind: Kind)]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var found: [(path: String, kind: Kind)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let full = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            let packName = name.hasSuffix(".yaml") || name.hasSuffix(".yml")
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if packName { found.append((full, .directory)) }
                if depthLimit > 0, let nested = files(under: full, depthLimit: depthLimit - 1) { found += nested }
            case S_IFREG:
                found.append((full, .file))
            case S_IFLNK:
                let target = kind(full)
                if packName || target == .file { found.append((full, target)) }
            default:
                if packName { found.append((full, .special)) }
            }
        }
        return found
    }

    /// A file's bytes, failing if it holds more than `limit` bytes.
    static func read(_ path: String, limit: Int) -> Result<[UInt8], ReadError> {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.unreadable) }
        defer { close(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                while true {
                    let got = systemRead(fd, base, buffer.count)
                    if got < 0 && errno == EINTR { continue }
                    return got
                }
            }
            if n < 0 { return .failure(.unreadable) }
            if n == 0 { return .success(out) }
            out.append(contentsOf: chunk[0..<n])
            if out.count > limit { return .failure(.tooLarge) }
        }
    }
}
