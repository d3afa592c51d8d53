/// A named value computed from answers and other values, such as `is_child`.
public struct DerivedValue: Sendable, Equatable {
    /// Stable id usable in other expressions.
    public var id: String
    /// Optional label shown in results.
    public var label: String?
    /// How it is computed.
    public var expression: ExpressionSource
    /// The public source of the rule, if it encodes one (e.g. a legal definition).
    public var source: String?
    /// Whether the rule was checked against that source.
    public var verified: Bool
    /// Whether it is included in results under `values`.
    public var output: Bool
    /// Where it is defined.
    public var mark: SourceMark
}
