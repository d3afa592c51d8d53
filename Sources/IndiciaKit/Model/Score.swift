/// A named number reported in every result, such as a weighted total.
public struct Score: Sendable, Equatable {
    /// Stable id.
    public var id: String
    /// Label shown in results.
    public var label: String
    /// How it is computed.
    public var expression: ExpressionSource
    /// Where it is defined.
    public var mark: SourceMark
}
