// The C library, named per platform: `read`, `write`, `close`, `rename` and `exit` are also
// members of `Platform`, so the C functions are reached through these wrappers, one per platform.
#if canImport(Glibc)
    import Glibc
    private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Glibc.read(fd, buffer, count) }
    private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { Glibc.write(fd, buffer, count) }
    private func systemClose(_ fd: Int32) -> Int32 { Glibc.close(fd) }
    private func systemRename(_ from: String, _ to: String) -> Int32 { Glibc.rename(from, to) }
    private func systemExit(_ code: Int32) -> Never { Glibc.exit(code) }
#elseif canImport(Musl)
    import Musl
    private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Musl.read(fd, buffer, count) }
    private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { Musl.write(fd, buffer, count) }
    private func systemClose(_ fd: Int32) -> Int32 { Musl.close(fd) }
    private func systemRename(_ from: String, _ to: String) -> Int32 { Musl.rename(from, to) }
    private func systemExit(_ code: Int32) -> Never { Musl.exit(code) }
#elseif canImport(Darwin)
    import Darwin
    private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Darwin.read(fd, buffer, count) }
    private func systemWrite(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int { Darwin.write(fd, buffer, count) }
    private func systemClose(_ fd: Int32) -> Int32 { Darwin.close(fd) }
    private func systemRename(_ from: String, _ to: String) -> Int32 { Darwin.rename(from, to) }
    private func systemExit(_ code: Int32) -> Never { Darwin.exit(code) }
#endif

/// Every libc call the CLI makes, in one place.
public enum Platform {
    /// Whether a file descriptor is a terminal.
    public static func isTerminal(_ fd: Int32) -> Bool { isatty(fd) == 1 }

    /// Reads up to `count` bytes; 0 at end of input, -1 on error (retrying on EINTR).
    static func read(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        while true {
            let n = systemRead(fd, buffer, count)
            // Ctrl-C interrupts a waiting read (no SA_RESTART) so the session can save and stop.
            if n < 0 && errno == EINTR && interruptFlag == 0 { continue }
            return n
        }
    }

    /// Whether a read on `fd` would return at once: data waiting, end of input, or an error.
    /// A regular file always is; a pipe or terminal is only when the writer has sent something.
    static func readable(_ fd: Int32) -> Bool {
        var entry = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        return poll(&entry, 1, 0) > 0 && entry.revents != 0
    }

    /// Writes all bytes; false on error.
    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard var pointer = bytes.baseAddress else { return true }
        var remaining = bytes.count
        while remaining > 0 {
            let n = systemWrite(fd, pointer, remaining)
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            remaining -= n
            pointer += n
        }
        return true
    }

    /// The offset of the first `byte` in `count` bytes at `start`, or nil.
    @inline(__always)
    static func find(_ byte: UInt8, in start: UnsafeRawPointer, count: Int) -> Int? {
        guard count > 0, let hit = memchr(start, Int32(byte), count) else { return nil }
        return start.distance(to: UnsafeRawPointer(hit))
    }

    /// Opens a file for reading; nil if it cannot be opened.
    static func openForReading(_ path: String) -> Int32? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        return fd >= 0 ? fd : nil
    }

    static func close(_ fd: Int32) { _ = systemClose(fd) }

    /// Whether a path is a directory.
    static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether a path exists.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// The terminal's width in columns, or nil when not a terminal.
    static func terminalWidth(_ fd: Int32) -> Int? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Path of the running executable.
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Writes bytes to a file atomically (temp file in the same directory, fsync, rename) with mode 0600.
    ///
    /// An interrupted write leaves any previous file intact.
    /// The folder a file would be written in ("." for a bare name, "/" for a file at the root).
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// Whether a file could be written atomically at `path`: its folder exists and is writable,
    /// and the path is not a folder itself.
    static func canWriteFile(at path: String) -> Bool {
        !isDirectory(path) && isDirectory(folder(of: path)) && access(folder(of: path), W_OK) == 0
    }

    static func writeFileAtomically(_ path: String, _ bytes: [UInt8]) -> Bool {
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

    /// Reads a whole file (up to `limit` bytes); nil if it cannot be read or is larger.
    static func readFile(_ path: String, limit: Int) -> [UInt8]? {
        guard let fd = openForReading(path) else { return nil }
        defer { _ = systemClose(fd) }
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = chunk.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return -1 }
                return read(fd, base, buffer.count)
            }
            if n < 0 { return nil }
            if n == 0 { return out }
            out.append(contentsOf: chunk[0..<n])
            if out.count > limit { return nil }
        }
    }

    /// Today's date in UTC, as days since 1970-01-01 (the only place the CLI reads the clock).
    public static func today() -> Int32 {
        Int32(clamping: time(nil) / 86_400)
    }

    /// The process environment.
    public static func environment() -> [String: String] {
        var result: [String: String] = [:]
        var pointer = environ
        while let entry = pointer.pointee {
            let text = String(cString: entry)
            if let equals = text.firstIndex(of: "=") {
                result[String(text[..<equals])] = String(text[text.index(after: equals)...])
            }
            pointer += 1
        }
        return result
    }

    /// The working directory.
    public static func currentDirectory() -> String {
        guard let path = getcwd(nil, 0) else { return "." }
        defer { free(path) }
        return String(cString: path)
    }

    /// Exits the process.
    public static func exit(_ code: Int32) -> Never { systemExit(code) }

    /// Installs a SIGINT handler that only sets a flag, so the prompt loop can save and exit cleanly.
    static func catchInterrupt() {
        var action = sigaction()
        #if canImport(Darwin)
            action.__sigaction_u.__sa_handler = { _ in interruptFlag = 1 }
        #else
            action.__sigaction_handler.sa_handler = { _ in interruptFlag = 1 }
        #endif
        sigemptyset(&action.sa_mask)
        action.sa_flags = 0
        sigaction(SIGINT, &action, nil)
    }

    /// The regular files directly inside a directory, sorted.
    static func files(in directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var found: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            let full = directory.hasSuffix("/") ? directory + name : directory + "/" + name
            if name != ".", name != "..", isFile(full) { found.append(full) }
        }
        return found.sorted()
    }

    /// Whether a file exists and is a regular file.
    static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Renames a file (atomic within a file system).
    static func rename(_ from: String, to: String) -> Bool { systemRename(from, to) == 0 }

    /// Whether SIGINT arrived since `catchInterrupt()`.
    static var interrupted: Bool { interruptFlag != 0 }

    /// Ignore SIGPIPE so a closed output pipe is an I/O error, not a silent kill.
    public static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }
}

/// Set to 1 by the SIGINT handler (a plain global: signal handlers cannot capture context).
nonisolated(unsafe) private var interruptFlag: sig_atomic_t = 0

extension Platform {
    /// Number of processors available to this process.
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// The offset of the last `byte` in `count` bytes at `start`, or nil.
    static func findLast(_ byte: UInt8, in start: UnsafeRawPointer, count: Int) -> Int? {
        let bytes = start.assumingMemoryBound(to: UInt8.self)
        var index = count - 1
        while index >= 0 {
            if bytes[index] == byte { return index }
            index -= 1
        }
        return nil
    }
}
