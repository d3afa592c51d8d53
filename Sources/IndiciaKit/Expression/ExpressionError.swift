/// A problem in an expression, at a scalar offset into its text.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of problem it is (`expr-syntax`, `expr-type`, `unknown-name`, ...).
    public var code: Diagnostic.Code
    /// The message.
    public var message: String
    /// 0-based offset (in Unicode scalars) into the expression.
    public var offset: Int

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: Stable code.
    ///   - message: Message.
    ///   - offset: Offset into the expression.
    public init(_ code: Diagnostic.Code, _ message: String, at offset: Int) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(offset): \(message)" }
}
