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
