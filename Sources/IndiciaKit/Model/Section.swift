/// A titled group of questions, optionally skipped as a whole.
public struct Section: Sendable, Equatable, Hashable {
    /// Stable id.
    public var id: String
    /// Title shown above its questions.
    public var title: String
    /// Optional text shown when the section starts.
    public var intro: String?
    /// Skip logic for the whole section.
    public var showIf: ExpressionSource?
    /// Ids of its questions, in order.
    public var questionIDs: [String]
    /// Where it is defined.
    public var mark: SourceMark
}
