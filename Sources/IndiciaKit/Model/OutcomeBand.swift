/// One band of the ordered outcome list; the first whose condition holds is the outcome.
public struct OutcomeBand: Sendable, Equatable {
    /// Stable id.
    public var id: String
    /// Level of concern (higher is more serious).
    public var level: Int
    /// Short label.
    public var label: String
    /// Longer text shown with the result.
    public var summary: String?
    /// When the band applies; nil means always (the fallback band).
    public var condition: ExpressionSource?
    /// Whether the guided CLI interrupts as soon as this band applies (e.g. immediate danger).
    public var urgent: Bool
    /// Where it is defined.
    public var mark: SourceMark
}
