/// Where a command writes: standard output, standard error, or a buffer in tests.
public protocol OutputSink: AnyObject {
    /// Writes bytes; returns false if the output is broken.
    @discardableResult func write(_ bytes: [UInt8]) -> Bool
    /// Writes raw bytes without an intermediate array.
    @discardableResult func write(raw bytes: UnsafeRawBufferPointer) -> Bool
    /// Writes several buffers in order, as one write where the sink can (a batch of results).
    @discardableResult func write(pieces: [UnsafeRawBufferPointer]) -> Bool
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

    /// Writes several buffers in order, one after another (sinks on a descriptor override this to
    /// hand them to the kernel in one call).
    @discardableResult public func write(pieces: [UnsafeRawBufferPointer]) -> Bool {
        var ok = true
        for piece in pieces where !write(raw: piece) { ok = false }
        return ok
    }

    /// Writes text.
    @discardableResult public func write(_ text: String) -> Bool { write(Array(text.utf8)) }
}
