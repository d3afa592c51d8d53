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
