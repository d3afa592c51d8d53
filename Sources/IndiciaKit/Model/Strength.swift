/// A strength tier for indicators (e.g. the ILO's strong / medium / weak) and its default weight.
public struct Strength: Sendable, Equatable, Hashable {
    /// Stable id, e.g. `strong`.
    public var id: String
    /// Label shown in results.
    public var label: String
    /// Weight an indicator of this strength adds to `weight_sum()` unless it sets its own.
    public var weight: Double
    /// Where it is defined.
    public var mark: SourceMark
}
