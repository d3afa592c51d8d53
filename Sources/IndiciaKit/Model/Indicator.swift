/// A sign that is present when its condition holds.
public struct Indicator: Sendable, Equatable {
    /// Stable id.
    public var id: String
    /// Short plain-English label.
    public var label: String
    /// Category (dimension) id, if the rule set declares categories.
    public var category: String?
    /// Strength tier id, if the rule set declares strengths.
    public var strength: String?
    /// Weight added to `weight_sum()` (defaults to the strength's weight, else 1).
    public var weight: Double
    /// Free tags for counting, e.g. `labour`, `means`.
    public var tags: [String]
    /// When the indicator is present.
    public var condition: ExpressionSource
    /// The public source it is drawn from.
    public var source: String?
    /// A note for reviewers (what exactly was checked, what was not).
    public var note: String?
    /// Whether the entry has been checked against that primary source.
    public var verified: Bool
    /// Where it is defined.
    public var mark: SourceMark
}
