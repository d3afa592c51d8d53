/// A next step shown when its condition holds.
public struct Recommendation: Sendable, Equatable {
    /// Stable id.
    public var id: String
    /// What to do, in plain English.
    public var text: String
    /// When it applies; nil means always.
    public var condition: ExpressionSource?
    /// Ids of services (from the pack's directories) whose contact details go with it.
    public var services: [String]
    /// The public source for the step.
    public var source: String?
    /// Whether the step has been checked against that source.
    public var verified: Bool
    /// Where it is defined.
    public var mark: SourceMark
}
