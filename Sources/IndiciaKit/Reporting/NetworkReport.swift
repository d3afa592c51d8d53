/// The network view built from many results: a training-needs picture across agencies, and
/// anonymised screening statistics with small-number suppression.
///
/// What kind of result each pack produces, and which values the report reads, come from the pack's
/// `report:` block (``ReportConventions``). Screening statistics never include case ids, free text
/// or dates finer than a quarter.
public struct NetworkReport: Sendable {
    /// The training-needs picture (agencies, priorities, capacities, readiness, change between rounds).
    public var training = TrainingNetwork()
    /// Labels and explanations for the training part, from the pack.
    public var trainingLabels = TrainingLabels()

    /// Screening statistics, one per screening pack the results came from.
    public var screening: [ScreeningStatistics] = []
    /// Counts from 1 to this minus 1 are hidden in screening statistics.
    public var suppressionThreshold = 5
    /// Records that were error results (not counted anywhere else).
    public var errorRecords = 0
    /// Results of packs the report does not recognise (neither screening nor training needs).
    public var otherRecords = 0
    /// JSON documents that are not results at all (no boolean `ok`), e.g. a draft in the folder.
    public var notResults = 0
    /// Lines that are not JSON at all.
    public var notJSON = 0

    /// Builds the report from results already parsed (``NetworkReportBuilder`` takes them one at a time).
    ///
    /// - Parameters:
    ///   - results: Parsed result lines (error results are counted and skipped).
    ///   - packs: The packs whose results are counted.
    ///   - suppressBelow: Screening counts from 1 to this minus 1 are hidden.
    public init(results: [JSONValue], packs: [ReportPack], suppressBelow: Int = 5) {
        var builder = NetworkReportBuilder(packs: packs)
        for result in results { builder.add(result) }
        self = builder.report(suppressBelow: suppressBelow)
    }

    /// An empty report; ``NetworkReportBuilder`` fills it in.
    init(suppressBelow: Int) {
        suppressionThreshold = suppressBelow
    }

    /// What was left out of the tables, in one sentence, or nil when nothing was.
    public var leftOut: String? {
        var parts: [String] = []
        if errorRecords > 0 {
            parts.append("\(errorRecords) error \(errorRecords == 1 ? "result" : "results") (records that could not be evaluated)")
        }
        if otherRecords > 0 {
            parts.append("\(otherRecords) \(otherRecords == 1 ? "result" : "results") of packs with no report: block here")
        }
        if notJSON > 0 { parts.append("\(notJSON) \(notJSON == 1 ? "line that is" : "lines that are") not JSON") }
        if notResults > 0 { parts.append("\(notResults) JSON \(notResults == 1 ? "document that is" : "documents that are") not a result") }
        guard !parts.isEmpty else { return nil }
        return "Left out: " + parts.joined(separator: "; ") + "."
    }

}
