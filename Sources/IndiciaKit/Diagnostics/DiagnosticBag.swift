/// Collects diagnostics while a file is decoded, so every problem is reported, not just the first.
public struct DiagnosticBag: Sendable, Equatable {
    /// Everything collected so far, in the order found.
    public private(set) var all: [Diagnostic] = []

    /// Creates an empty bag.
    public init() {}

    /// Whether any error was collected.
    public var hasErrors: Bool { all.contains { $0.severity == .error } }

    /// Adds an error.
    mutating func error(_ code: Diagnostic.Code, _ message: String, at mark: SourceMark) {
        all.append(Diagnostic(.error, code, message, at: mark))
    }

    /// Adds a warning.
    mutating func warning(_ code: Diagnostic.Code, _ message: String, at mark: SourceMark) {
        all.append(Diagnostic(.warning, code, message, at: mark))
    }

    /// Adds one diagnostic.
    mutating func append(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    /// Adds many.
    mutating func append(contentsOf other: [Diagnostic]) {
        all.append(contentsOf: other)
    }
}
