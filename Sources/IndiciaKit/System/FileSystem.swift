// The C library's `read`, `writev`, `close` and `rename`, named per platform: `FileSystem` has
// members called `read` and `rename`, so inside it a bare name would mean the member.
#if canImport(Glibc)
    import Glibc
    private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Glibc.read(fd, buffer, count) }
    private func systemWritev(_ fd: Int32, _ vectors: UnsafePointer<iovec>, _ count: Int32) -> Int { Glibc.writev(fd, vectors, count) }
    private func systemClose(_ fd: Int32) -> Int32 { Glibc.close(fd) }
    private func systemRename(_ from: String, _ to: String) -> Int32 { Glibc.rename(from, to) }
#elseif canImport(Musl)
    import Musl
    private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Musl.read(fd, buffer, count) }
    private func systemWritev(_ fd: Int32, _ vectors: UnsafePointer<iovec>, _ count: Int32) -> Int { Musl.writev(fd, vectors, count) }
    private func systemClose(_ fd: Int32) -> Int32 { Musl.close(fd) }
    private func systemRename(_ from: String, _ to: String) -> Int32 { Musl.rename(from, to) }
#elseif canImport(Darwin)
    import Darwin
    private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Darwin.read(fd, buffer, count) }
    private func systemWritev(_ fd: Int32, _ vectors: UnsafePointer<iovec>, _ count: Int32) -> Int { Darwin.writev(fd, vectors, count) }
    private func systemClose(_ fd: Int32) -> Int32 { Darwin.close(fd) }
    private func systemRename(_ from: String, _ to: String) -> Int32 { Darwin.rename(from, to) }
#endif

/// The one file-system layer, shared by the engine (reading pack files) and the CLI (case files,
/// drafts, reports, answer files): what is at a path, folder listings, whole-file reads with a
/// limit, and atomic private writes. Plain libc, so nothing needs Foundation (which would add
/// about 10 MB of memory and milliseconds of start-up). Streams (standard input and output, files
/// read record by record) are the CLI's `Platform`.
package enum FileSystem {
    /// What is at a path (links followed).
    package enum Kind: Equatable, Sendable {
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

    /// Why a file could not be read.
    package enum ReadError: Error, Equatable, Sendable { case tooLarge, unreadable }

    /// What is at a path, following links.
    ///
    /// - Parameter path: The path.
    /// - Returns: Its kind; a dangling link or a link loop is told apart from a missing path.
    package static func kind(_ path: String) -> Kind {
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

    /// Whether a path is a folder (links followed).
    package static func isDirectory(_ path: String) -> Bool { kind(path) == .directory }

    /// Whether a path is a regular file (links followed).
    package static func isFile(_ path: String) -> Bool { kind(path) == .file }

    /// Whether something is at a path (links followed: a dangling link or a loop is not).
    package static func exists(_ path: String) -> Bool {
        switch kind(path) {
        case .file, .directory, .special: return true
        case .missing, .danglingLink, .linkLoop: return false
        }
    }

    /// The absolute path with every link resolved, or nil if it cannot be resolved.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Every entry below a directory that is a regular file, or that is not a directory but is
    /// named as a pack file would be (`*.yaml`, `*.yml`) — with what it is, so a folder, link or
    /// FIFO named like a pack file is reported rather than skipped. Links to files are followed;
    /// links to folders are not (no cycles).
    ///
    /// - Parameters:
    ///   - directory: The folder.
    ///   - depthLimit: How many levels of sub-folders to enter (0: only the folder itself).
    /// - Returns: The entries, in directory order; nil if the directory cannot be read.
    package static func files(under directory: String, depthLimit: Int) -> [(path: String, kind: Kind)]? {
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

    /// The regular files directly inside a folder (links to files followed), sorted by path.
    ///
    /// - Parameter directory: The folder.
    /// - Returns: Their paths; empty if the folder cannot be read.
    package static func files(in directory: String) -> [String] {
        (files(under: directory, depthLimit: 0) ?? []).filter { $0.kind == .file }.map(\.path).sorted()
    }

    /// A file's bytes, failing if it holds more than `limit` bytes.
    ///
    /// - Parameters:
    ///   - path: The file. Check its ``kind(_:)`` first where a FIFO could be named: opening one
    ///     waits for a writer.
    ///   - limit: The most bytes accepted.
    /// - Returns: The bytes, or why not.
    package static func read(_ path: String, limit: Int) -> Result<[UInt8], ReadError> {
        guard let fd = openForReading(path) else { return .failure(.unreadable) }
        defer { _ = systemClose(fd) }
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

    /// Opens a file for reading (close-on-exec).
    ///
    /// - Parameter path: The file.
    /// - Returns: Its file descriptor, or nil if it cannot be opened.
    package static func openForReading(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        return fd >= 0 ? fd : nil
    }

    /// Closes a file descriptor.
    package static func close(_ fd: Int32) { _ = systemClose(fd) }

    /// Writes every byte to a file descriptor, retrying after partial writes and signals: the
    /// several-buffer `writeAll` below, with one buffer.
    ///
    /// - Returns: False on an error.
    package static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool { writeAll(fd, [bytes]) }

    /// Writes several buffers, in order, with as few system calls as the kernel allows (`writev`),
    /// retrying after partial writes and interruptions: a batch of results goes out without being
    /// copied into one buffer first.
    ///
    /// - Returns: False if the descriptor failed.
    package static func writeAll(_ fd: Int32, _ pieces: [UnsafeRawBufferPointer]) -> Bool {
        // At most this many buffers per call (POSIX guarantees at least 16; Linux allows 1024).
        let perCall = 64
        var vectors = pieces.compactMap { piece -> iovec? in
            guard let base = piece.baseAddress, piece.count > 0 else { return nil }
            return iovec(iov_base: UnsafeMutableRawPointer(mutating: base), iov_len: piece.count)
        }
        var next = 0
        while next < vectors.count {
            let count = min(perCall, vectors.count - next)
            let n = vectors.withUnsafeBufferPointer { all -> Int in
                guard let base = all.baseAddress else { return 0 }
                return systemWritev(fd, base + next, Int32(count))
            }
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            // Skip what was written: whole buffers, then part of the next.
            var written = n
            while next < vectors.count, written >= vectors[next].iov_len {
                written -= vectors[next].iov_len
                next += 1
            }
            if written > 0 {
                vectors[next].iov_base += written
                vectors[next].iov_len -= written
            }
        }
        return true
    }

    /// The folder a file would be written in ("." for a bare name, "/" for a file at the root).
    package static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// Whether a file could be written atomically at `path`: its folder exists and is writable,
    /// and the path is not a folder itself.
    package static func canWriteFile(at path: String) -> Bool {
        !isDirectory(path) && isDirectory(folder(of: path)) && access(folder(of: path), W_OK) == 0
    }

    /// Writes bytes to a file atomically, readable and writable only by its owner (mode 0600):
    /// a temporary file in the same folder, written, synced, then renamed over `path`.
    ///
    /// An interrupted write leaves any previous file intact.
    ///
    /// - Returns: False if anything failed (the temporary file is then removed).
    package static func writeFileAtomically(_ path: String, _ bytes: [UInt8]) -> Bool {
        let directory = folder(of: path)
        var template = Array("\(directory)/.indicia-XXXXXX".utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            return mkstemp(base)
        }
        guard fd >= 0 else { return false }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var ok = fchmod(fd, 0o600) == 0
        ok = ok && bytes.withUnsafeBytes { writeAll(fd, $0) }
        ok = ok && fsync(fd) == 0
        _ = systemClose(fd)
        ok = ok && systemRename(temporary, path) == 0
        if !ok { unlink(temporary) }
        return ok
    }

    /// Renames a file (atomic within a file system).
    ///
    /// - Returns: False on an error.
    package static func rename(_ from: String, to: String) -> Bool { systemRename(from, to) == 0 }
}
