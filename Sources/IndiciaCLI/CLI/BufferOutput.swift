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
