/// A rules file: how a questionnaire's answers are scored and what to do next.
public struct RuleSet: Sendable, Equatable {
    /// Stable id (what `--pack` names).
    public var id: String
    /// The rule set's content revision, from its `revision:` key; not the file format `version:`.
    public var revision: String
    /// Title.
    public var title: String
    /// A short statement of what results mean and do not mean, shown with every result.
    public var disclaimer: String?
    /// The id of the questionnaire it scores.
    public var questionnaireID: String
    /// Ids of the services directories it uses.
    public var directoryIDs: [String]
    /// Ids of the `kind: tables` files whose tables it uses (see ``TableFile``).
    public var sharedTables: [Reference]
    /// Strength tiers, in order (strongest first).
    public var strengths: [Strength]
    /// Categories (dimensions).
    public var categories: [Category]
    /// Lookup tables.
    public var tables: [DataTable]
    /// Named derived values.
    public var values: [DerivedValue]
    /// Indicators, in reporting order.
    public var indicators: [Indicator]
    /// Scores reported in every result.
    public var scores: [Score]
    /// Ordered outcome bands.
    public var outcomes: [OutcomeBand]
    /// Next steps.
    public var recommendations: [Recommendation]
    /// The words the result screen puts before the outcome's label (its `outcome_heading:` key, e.g.
    /// `Overall` for a training-needs pack); ``defaultOutcomeHeading`` when not given.
    public var outcomeHeading: String? = nil
    /// The heading of a result's outcome when the rule set gives none.
    public static let defaultOutcomeHeading = "Level of concern"
    /// What the network report counts from this rule set's results (its `report:` block), if anything.
    public var report: ReportConventions? = nil
    /// Where the file starts.
    public var mark: SourceMark
}
