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
