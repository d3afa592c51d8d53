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
    /// An expression naming one more service from the answers, usually a table lookup keyed by an
    /// answer (`lookup(local_services, council_area, 'children')`): each cell it can give is a
    /// service id, or empty text for none. Lint checks every possible id.
    public var servicesFrom: ExpressionSource?
    /// The public source for the step.
    public var source: String?
    /// Whether the step has been checked against that source.
    public var verified: Bool
    /// Where it is defined.
    public var mark: SourceMark
    /// Whether the guided session shows it as soon as it applies, mid-screening (for advice the
    /// worker needs before asking anything more, such as when the person cannot be seen alone).
    public var immediate: Bool = false
}
