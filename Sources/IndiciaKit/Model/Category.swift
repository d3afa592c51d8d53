/// A category (dimension) that indicators are grouped under, such as an ILO dimension.
public struct Category: Sendable, Equatable, Hashable {
    /// Stable id.
    public var id: String
    /// Label shown in results.
    public var label: String
    /// Optional explanation.
    public var description: String?
    /// Where it is defined.
    public var mark: SourceMark
}
