/// How much of an evaluation a result line carries.
///
/// `full` is the explained result (evidence, sources, services, every missing-data list); `summary`
/// keeps what a pipeline acts on (outcome, scores, indicator and next-step ids, category counts and
/// missing-data flags) at a fraction of the size. Both come from ``ResultWriter``.
public enum ResultProfile: String, Sendable, CaseIterable {
    /// The explained result (the default, and what the guided session's `--out` writes).
    case full
    /// Ids, counts and flags only.
    case summary

    /// The name used on the command line (`--result full|summary`).
    public var identifier: String { rawValue }

    /// Every profile name, for messages.
    public static let identifiers = allCases.map(\.identifier)
}
