import IndiciaKit

/// Where a command writes: standard output, standard error, or a buffer in tests.
public protocol OutputSink: AnyObject {
    /// Writes bytes; returns false if the output is broken.
    @discardableResult func write(_ bytes: [UInt8]) -> Bool
    /// Writes raw bytes without an intermediate array.
    @discardableResult func write(raw bytes: UnsafeRawBufferPointer) -> Bool
    /// Pushes buffered bytes out.
    @discardableResult func flush() -> Bool
    /// Whether this is a terminal (for colour and wrapping).
    var isTerminal: Bool { get }
    /// Terminal width, if known.
    var width: Int? { get }
}

extension OutputSink {
    /// Writes raw bytes (sinks that buffer override this to avoid a copy).
    @discardableResult public func write(raw bytes: UnsafeRawBufferPointer) -> Bool { write(Array(bytes)) }

    /// Writes text.
    @discardableResult public func write(_ text: String) -> Bool { write(Array(text.utf8)) }
}

/// Where a command reads from: standard input, a file, or a script in tests.
public protocol InputSource: AnyObject {
    /// Reads up to `capacity` bytes into `buffer`; 0 at end of input, -1 on error.
    func read(into buffer: UnsafeMutableRawBufferPointer) -> Int
    /// Whether a read now would return at once (more input, or the end, is already there).
    /// Streams flush their output before a read that could wait.
    var hasDataWaiting: Bool { get }
    /// Whether this is a terminal.
    var isTerminal: Bool { get }
}

/// Output to a file descriptor, buffered; flushed explicitly (JSON mode flushes before it blocks on input).
public final class FileOutput: OutputSink {
    private let fd: Int32
    private var buffer: [UInt8] = []
    private var broken = false
    public let isTerminal: Bool

    /// Creates an output on a file descriptor.
    ///
    /// - Parameter fd: The descriptor (1 or 2).
    public init(fd: Int32) {
        self.fd = fd
        isTerminal = Platform.isTerminal(fd)
        buffer.reserveCapacity(1 << 16)
    }

    deinit { flush() }

    public var width: Int? { Platform.terminalWidth(fd) }

    @discardableResult public func write(_ bytes: [UInt8]) -> Bool {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { return flush() }
        return !broken
    }

    /// Appends bytes without copying them into a temporary array first.
    @discardableResult public func write(raw bytes: UnsafeRawBufferPointer) -> Bool {
        // Large writes (a batch of results) go straight out, without copying them into the buffer.
        if bytes.count >= 1 << 16 {
            guard flush() else { return false }
            if !FileSystem.writeAll(fd, bytes) { broken = true }
            return !broken
        }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { return flush() }
        return !broken
    }

    @discardableResult public func flush() -> Bool {
        guard !buffer.isEmpty, !broken else { return !broken }
        if !buffer.withUnsafeBytes({ FileSystem.writeAll(fd, $0) }) { broken = true }
        buffer.removeAll(keepingCapacity: true)
        return !broken
    }
}

/// Input from a file descriptor.
public final class FileInput: InputSource {
    private let fd: Int32
    private let owned: Bool
    public let isTerminal: Bool

    /// Creates an input on a file descriptor.
    ///
    /// - Parameters:
    ///   - fd: The descriptor.
    ///   - owned: Whether to close it when done.
    public init(fd: Int32, owned: Bool = false) {
        self.fd = fd
        self.owned = owned
        isTerminal = Platform.isTerminal(fd)
    }

    deinit { if owned { FileSystem.close(fd) } }

    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        return Platform.read(fd, base, buffer.count)
    }

    public var hasDataWaiting: Bool { Platform.readable(fd) }
}

/// Collects output in memory (tests).
public final class BufferOutput: OutputSink {
    /// Everything written.
    public private(set) var bytes: [UInt8] = []
    public let isTerminal: Bool
    public let width: Int?

    /// Creates a buffer.
    ///
    /// - Parameters:
    ///   - isTerminal: Pretend to be a terminal.
    ///   - width: Pretend width.
    public init(isTerminal: Bool = false, width: Int? = nil) {
        self.isTerminal = isTerminal
        self.width = width
    }

    /// Everything written, as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    @discardableResult public func write(_ bytes: [UInt8]) -> Bool {
        self.bytes.append(contentsOf: bytes)
        return true
    }

    @discardableResult public func flush() -> Bool { true }
}

/// Input from bytes in memory (tests).
public final class BufferInput: InputSource {
    private let bytes: [UInt8]
    private var position = 0
    private let chunk: Int
    public let isTerminal = false

    /// Creates an input over text.
    ///
    /// - Parameters:
    ///   - text: The whole input.
    ///   - chunk: At most this many bytes per read, as a pipe may deliver them.
    public init(_ text: String, chunk: Int = .max) {
        bytes = Array(text.utf8)
        self.chunk = max(1, chunk)
    }

    /// Creates an input over raw bytes (which need not be valid UTF-8).
    ///
    /// - Parameters:
    ///   - bytes: The whole input.
    ///   - chunk: At most this many bytes per read.
    public init(bytes: [UInt8], chunk: Int = .max) {
        self.bytes = bytes
        self.chunk = max(1, chunk)
    }

    public func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let n = min(buffer.count, bytes.count - position, chunk)
        guard n > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            guard let base = source.baseAddress else { return }
            buffer.copyMemory(from: UnsafeRawBufferPointer(start: base + position, count: n))
        }
        position += n
        return n
    }

    /// All of it is in memory: a read never waits.
    public var hasDataWaiting: Bool { true }
}

/// The streams and environment a command runs with, injected so tests can script them.
public struct Context {
    public var input: InputSource
    public var output: OutputSink
    public var errors: OutputSink
    public var environment: [String: String]
    public var currentDirectory: String
    /// Today's date (`YYYY-MM-DD`) for the guided CLI to propose; nil means the system clock's.
    public var today: String?

    /// Creates a context.
    ///
    /// - Parameters:
    ///   - input: Standard input.
    ///   - output: Standard output.
    ///   - errors: Standard error.
    ///   - environment: Environment variables.
    ///   - currentDirectory: The working directory.
    ///   - today: Today's date for the guided CLI to propose (nil: the system clock's).
    public init(
        input: InputSource, output: OutputSink, errors: OutputSink, environment: [String: String], currentDirectory: String, today: String? = nil
    ) {
        self.today = today
        self.input = input
        self.output = output
        self.errors = errors
        self.environment = environment
        self.currentDirectory = currentDirectory
    }
}
