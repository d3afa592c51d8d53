/// One option of a choice question.
public struct Choice: Sendable, Equatable, Hashable {
    /// Stable id used in answers and rules.
    public var id: String
    /// What the person filling in sees.
    public var label: String
    /// Where it is defined.
    public var mark: SourceMark
}
