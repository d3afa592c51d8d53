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
