/// What `indicia report` needs to know about a rule set's results, declared in its `report:` block.
///
/// The report never guesses from value names: a result is counted as a screening or a training
/// result because its pack says so, and each count comes from a value the pack names here. Lint
/// checks every name (``Diagnostic/Code/badReport``). See `docs/evidence-base.md`.
///
/// ```yaml
/// report:
///   kind: screening
///   date: screening_date_reported                 # a date value: counted by quarter
///   area: { value: council_area_reported, labels: council_areas }
///   organisation: { value: worker_sector_reported, labels: worker_sector }
///   action: { value: action_taken_reported, labels: action_taken, nrm: [nrm_referral] }
///   types: [type_labour, type_sexual, type_domestic, type_criminal, type_organs]
/// ```
///
/// A training pack names its values and tables the same way:
///
/// ```yaml
/// report:
///   kind: training
///   organisation: { value: sector_code, labels: sector }
///   areas: report_areas
///   readiness: readiness_band
///   readiness_score: readiness_score
///   agency: agency_id
///   date: assessed_on
///   capacities: { prefix: capacity_, labels: report_capacities }
///   bands: report_bands
///   notes: report_notes
///   policy: policy
/// ```
public struct ReportConventions: Sendable, Equatable {
    /// What kind of result the pack produces, which decides the report's tables.
    public enum Kind: String, Sendable, Equatable, CaseIterable {
        /// One screening of one person: counted, never listed.
        case screening
        /// One agency's training-needs assessment: listed by agency.
        case training
    }

    /// A value whose result is a choice id, with where its labels come from.
    public struct Dimension: Sendable, Equatable {
        /// The output value that holds the choice id.
        public var value: String
        /// A single-choice question (its choices' labels) or a one-column table (id → label, in
        /// report order).
        public var labels: String
        /// The heading the report gives the place (`area` only, e.g. `Region`; "Council area" when not given).
        public var title: String? = nil
        /// Where it is declared.
        public var mark: SourceMark
    }

    /// The capacity values of a training result and their labels.
    public struct Capacities: Sendable, Equatable {
        /// What every capacity value's name starts with (e.g. `capacity_`).
        public var prefix: String
        /// A one-column table: capacity id → label, in report order.
        public var labels: String
    }

    /// The kind of result.
    public var kind: Kind
    /// The date value: counted by quarter (screening), or the date of the assessment (training).
    public var date: String?
    /// The place (screening): the council area.
    public var area: Dimension?
    /// The worker's organisation (screening) or the agency's sector (training).
    public var organisation: Dimension?
    /// What the worker did (screening).
    public var action: Dimension?
    /// The action ids that are a referral into the National Referral Mechanism; every other known
    /// action is counted as "not referred into the NRM".
    public var nrmActions: [String]
    /// Yes/no values counted as types of exploitation indicated (labels: the values' labels).
    public var types: [String]
    /// Training: the table listing the competency areas (id → label); per-area values are named
    /// `<measure>_<area id>` (`rag_`, `gap_`, `coverage_pct_`, `priority_`, `staff_needing_`, `required_`).
    public var areas: String?
    /// Training: the value holding the readiness band.
    public var readiness: String?
    /// Training: the number value holding the readiness score.
    public var readinessScore: String?
    /// Training: the number value holding the agency's number on the network's member list, which
    /// matches an agency across rounds.
    public var agency: String?
    /// Training: what the agency can do for a potential victim: the values named `<prefix><row id>`
    /// for each row of the one-column table `labels` (id → label, in report order).
    public var capacities: Capacities?
    /// Training: the one-column table of readiness band labels, in report order.
    public var bands: String?
    /// Training: the one-column table of sentences the report prints beside its tables
    /// (`priority`, `staff`, `coverage`).
    public var notes: String?
    /// Training: the table of thresholds whose `red_gap`, `red_coverage` and `amber_coverage` rows
    /// the report's legend quotes.
    public var policy: String?
    /// Where each named item is, by its key in the block (`date`, `areas`, `readiness`, …),
    /// `<key>.labels`, `nrm.<id>` or `types.<value id>`, for lint messages.
    public var marks: [String: SourceMark] = [:]
    /// Where the block is.
    public var mark: SourceMark

    /// Creates conventions.
    ///
    /// - Parameters:
    ///   - kind: The kind of result.
    ///   - mark: Where the block is.
    public init(kind: Kind, mark: SourceMark) {
        self.kind = kind
        self.nrmActions = []
        self.types = []
        self.mark = mark
    }

    /// The per-area measures a training result carries for every area of ``areas``.
    public static let trainingMeasures = ["rag", "gap", "coverage_pct", "priority", "staff_needing", "required"]
}
