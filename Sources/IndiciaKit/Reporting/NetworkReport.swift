/// The network view built from many results: a training-needs picture across agencies, and
/// anonymised screening statistics with small-number suppression.
///
/// Training results are recognised by convention: values named `rag_<area>`, `gap_<area>`,
/// `coverage_pct_<area>`, `priority_<area>`, `staff_needing_<area>`, `required_<area>`, and
/// `readiness_band`/`readiness_score`. Screening statistics never include case ids or free text.
public struct NetworkReport: Sendable {
    /// One agency's row.
    public struct Agency: Sendable {
        public var name: String
        public var sector: String
        public var outcome: String
        public var readinessBand: String?
        public var readinessScore: Double?
        /// Per area (in `areas` order): RAG, levels short, % trained, priority, staff needing training, required level.
        public var rag: [String]
        public var gap: [Double]
        public var coverage: [Double]
        public var priority: [Double]
        public var staffNeeding: [Double]
        public var required: [Double]
    }

    /// A ranked priority across the network.
    public struct Priority: Sendable {
        public var agency: String
        public var area: String
        public var score: Double
        public var rag: String
        public var gap: Double
    }

    /// A suppressed count: the number, or nil when it is below the threshold (shown as "<N").
    public struct Count: Sendable {
        public var label: String
        public var value: Int?
    }

    /// Area ids and their labels.
    public var areas: [(id: String, label: String)] = []
    public var agencies: [Agency] = []
    public var priorities: [Priority] = []
    /// Staff needing training, by required level (1-4), summed across agencies and areas.
    public var staffByLevel: [(level: Int, staff: Int)] = []
    public var readinessCounts: [(band: String, agencies: Int)] = []

    /// Screening statistics.
    public var screeningCases = 0
    public var suppressionThreshold = 5
    public var byOutcome: [Count] = []
    public var byType: [Count] = []
    public var byIndicator: [Count] = []
    public var bySector: [Count] = []
    /// Records that were error results (not counted anywhere else).
    public var errorRecords = 0
    /// Results of packs the report does not recognise (neither screening nor training needs).
    public var otherRecords = 0
    /// JSON documents that are not results at all (no boolean `ok`), e.g. a draft in the folder.
    public var notResults = 0

    /// Builds the report from results already parsed (``NetworkReportBuilder`` takes them one at a time).
    ///
    /// - Parameters:
    ///   - results: Parsed result lines (error results are counted and skipped).
    ///   - areaLabels: Labels for areas by id (from the pack's `report_areas` table), if known.
    ///   - sectorLabels: Labels for sector ids, if known.
    ///   - suppressBelow: Counts from 1 to this minus 1 are shown as "<N".
    public init(results: [JSONValue], areaLabels: [String: String] = [:], sectorLabels: [String: String] = [:], suppressBelow: Int = 5) {
        var builder = NetworkReportBuilder()
        for result in results { builder.add(result) }
        self = builder.report(areaLabels: areaLabels, sectorLabels: sectorLabels, suppressBelow: suppressBelow)
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
            parts.append("\(otherRecords) \(otherRecords == 1 ? "result" : "results") of packs that are neither screening nor training needs")
        }
        if notResults > 0 { parts.append("\(notResults) JSON \(notResults == 1 ? "document that is" : "documents that are") not a result") }
        guard !parts.isEmpty else { return nil }
        return "Left out: " + parts.joined(separator: "; ") + "."
    }

    /// "<5" for a suppressed count, else the number.
    public func show(_ count: Count) -> String { count.value.map(String.init) ?? "<\(suppressionThreshold)" }
}
