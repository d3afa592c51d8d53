/// One finding about a pack: an error that stops it loading, a warning, or a note.
public struct Diagnostic: Error, Sendable, Equatable, Hashable, CustomStringConvertible {
    /// How serious a finding is.
    public enum Severity: String, Sendable, Equatable, Hashable, Comparable, Codable {
        case note, warning, error

        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            lhs.rank < rhs.rank
        }

        private var rank: Int {
            switch self {
            case .note: return 0
            case .warning: return 1
            case .error: return 2
            }
        }
    }

    /// How serious it is.
    public var severity: Severity
    /// What kind of finding it is; printed as a stable kebab-case code, e.g. `unknown-key`.
    public var code: Code
    /// Plain-English message, without the position.
    public var message: String
    /// Where it is.
    public var mark: SourceMark

    /// Creates a diagnostic.
    ///
    /// - Parameters:
    ///   - severity: How serious it is.
    ///   - code: What kind of finding it is.
    ///   - message: The message.
    ///   - mark: Where it is.
    public init(_ severity: Severity, _ code: Code, _ message: String, at mark: SourceMark) {
        self.severity = severity
        self.code = code
        self.message = message
        self.mark = mark
    }

    /// `path:line:col: severity: message [code]`.
    public var description: String { "\(mark): \(severity.rawValue): \(message) [\(code)]" }
}

extension Diagnostic {
    /// A diagnostic from a YAML syntax error.
    ///
    /// - Parameter error: The syntax error.
    public init(_ error: YAMLSyntaxError) {
        self.init(.error, error.code, error.message, at: error.mark)
    }
}

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
