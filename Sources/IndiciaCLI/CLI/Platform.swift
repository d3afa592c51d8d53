// The C library's `read` and `exit`, named per platform: they are also members of `Platform`, so
// the C functions are reached through these wrappers, one per platform.
#if canImport(Glibc)
    import Glibc
    private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Glibc.read(fd, buffer, count) }
    private func systemExit(_ code: Int32) -> Never { Glibc.exit(code) }
#elseif canImport(Musl)
    import Musl
    private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Musl.read(fd, buffer, count) }
    private func systemExit(_ code: Int32) -> Never { Musl.exit(code) }
#elseif canImport(Darwin)
    import Darwin
    private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int { Darwin.read(fd, buffer, count) }
    private func systemExit(_ code: Int32) -> Never { Darwin.exit(code) }
#endif

/// Every libc call the CLI makes that is not about files (those are IndiciaKit's ``FileSystem``):
/// streams, the terminal, signals, the clock, the environment and the process.
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

    /// The terminal's width in columns, or nil when not a terminal.
    static func terminalWidth(_ fd: Int32) -> Int? {
        var size = winsize()
        guard ioctl(fd, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    /// Path of the running executable (Linux's `/proc/self/exe`; nil elsewhere, where packs are
    /// found from `--packs`, `INDICIA_PACKS` or the working directory).
    static func executablePath() -> String? {
        var buffer = [CChar](repeating: 0, count: 4096)
        let n = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buffer[0..<n].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Today's date in UTC, as days since 1970-01-01 (the only place the CLI reads the clock).
    public static func today() -> Int32 {
        Int32(clamping: time(nil) / 86_400)
    }

    /// The process environment.
    public static func environment() -> [String: String] {
        var result: [String: String] = [:]
        #if canImport(Darwin)
            // Darwin has no `environ` variable for Swift; its C library hands it out by function.
            guard let start = darwinEnvironment().pointee else { return result }
            var pointer = start
        #else
            var pointer = environ
        #endif
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
        // Our own buffer, grown on ERANGE: `getcwd(nil, 0)` allocates inside libc, and freeing that
        // from Swift is refused by AddressSanitizer ("not malloc()-ed").
        var size = 4096
        while size <= 1 << 20 {
            var buffer = [CChar](repeating: 0, count: size)
            if getcwd(&buffer, size) != nil {
                return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            guard errno == ERANGE else { return "." }
            size *= 2
        }
        return "."
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

    /// Whether SIGINT arrived since `catchInterrupt()`.
    static var interrupted: Bool { interruptFlag != 0 }

    /// Number of processors available to this process.
    static var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

    /// Ignore SIGPIPE so a closed output pipe is an I/O error, not a silent kill.
    public static func ignoreBrokenPipe() {
        signal(SIGPIPE, SIG_IGN)
    }
}

#if canImport(Darwin)
    /// `_NSGetEnviron()` from `<crt_externs.h>`: the address of the process's `environ`.
    @_silgen_name("_NSGetEnviron")
    private func darwinEnvironment() -> UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>
#endif

/// Set to 1 by the SIGINT handler (a plain global: signal handlers cannot capture context).
nonisolated(unsafe) private var interruptFlag: sig_atomic_t = 0
