#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The engine's only file-system access: reading pack files. Plain libc, so the engine does not
/// need Foundation (which would add about 10 MB of memory and milliseconds of start-up).
enum FileSystem {
    enum Kind { case missing, file, directory }

    enum ReadError: Error { case tooLarge, unreadable }

    static func kind(_ path: String) -> Kind {
        var info = stat()
        guard stat(path, &info) == 0 else { return .missing }
        return (info.st_mode & S_IFMT) == S_IFDIR ? .directory : .file
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Every regular file below a directory (following no links), or nil if it cannot be read.
    static func files(under directory: String, depthLimit: Int) -> [String]? {
        guard let handle = opendir(directory) else { return nil }
        defer { closedir(handle) }
        var found: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let full = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR:
                if depthLimit > 0, let nested = files(under: full, depthLimit: depthLimit - 1) { found += nested }
            case S_IFREG:
                found.append(full)
            default:
                continue
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
                    let got = Glibc.read(fd, base, buffer.count)
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
