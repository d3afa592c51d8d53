import IndiciaKit

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
