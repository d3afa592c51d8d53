/// A problem in an expression, at a scalar offset into its text.
public struct ExpressionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable code (`expr-syntax`, `expr-type`, `unknown-name`, `cycle`, ...).
    public var code: String
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
    public init(_ code: String, _ message: String, at offset: Int) {
        self.code = code
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(offset): \(message)" }
}
