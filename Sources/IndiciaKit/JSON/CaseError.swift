/// Why one JSON case could not be evaluated; the stream goes on with the next record.
public struct CaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable code: `malformed-json`, `wrong-type`, `unknown-question`, `unknown-choice`,
    /// `out-of-range`, `not-known-not-allowed`, `unknown-field`, `missing-field`, `unknown-pack`,
    /// `duplicate-answer`, `duplicate-field`, `too-many-answers`, `too-long`, `line-too-long`,
    /// `invalid-utf8`, `too-deep`.
    public var code: String
    /// Plain-English message (never containing answer text).
    public var message: String
    /// JSON pointer to the offending value, e.g. `/answers/q07`.
    public var path: String
    /// 1-based byte column in the line, when known.
    public var column: Int?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: Stable code.
    ///   - message: Message.
    ///   - path: JSON pointer.
    ///   - column: Byte column.
    public init(_ code: String, _ message: String, path: String, column: Int? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.column = column
    }

    public var description: String { "\(path): \(message) [\(code)]" }
}
