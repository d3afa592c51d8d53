import IndiciaKit

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
        if bytes.count >= 1 << 16 { return write(pieces: [bytes]) }
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 16 { return flush() }
        return !broken
    }

    /// Writes a batch's buffers straight out in one `writev` (after anything buffered), without
    /// copying them.
    @discardableResult public func write(pieces: [UnsafeRawBufferPointer]) -> Bool {
        guard flush() else { return false }
        if !FileSystem.writeAll(fd, pieces) { broken = true }
        return !broken
    }

    @discardableResult public func flush() -> Bool {
        guard !buffer.isEmpty, !broken else { return !broken }
        if !buffer.withUnsafeBytes({ FileSystem.writeAll(fd, $0) }) { broken = true }
        buffer.removeAll(keepingCapacity: true)
        return !broken
    }
}
