/// One agency's training-needs result as the network report reads it.
///
/// The sector, readiness band and score, agency number, date and capacity values are the ones the
/// pack's `report:` block names; the per-area values follow the training report's naming:
/// `rag_<area>`, `gap_<area>`, `coverage_pct_<area>`, `priority_<area>`, `staff_needing_<area>`,
/// `required_<area>` and `current_<area>`.
public struct TrainingRecord: Sendable, Equatable {
    /// One area of one agency.
    public struct Cell: Sendable, Equatable {
        /// "red", "amber" or "green".
        public var rag: String
        /// Levels short of the required level.
        public var gap: Double
        /// % of the staff who need it trained within the refresher period.
        public var coverage: Double
        /// The priority figure (see the pack's `report_notes`).
        public var priority: Double
        /// Staff needing training (estimate).
        public var staffNeeding: Double
        /// The level required.
        public var required: Double
        /// The level most staff are at now, when the result says.
        public var current: Double?
    }

    /// The case id: the agency's name as it gave it.
    public var name: String
    /// The agency's number on the network's member list, when it gave one.
    public var agencyID: Int?
    /// The date of the assessment (`YYYY-MM-DD`), when the result carries one.
    public var date: String?
    /// The kind of agency (choice id).
    public var sector: String
    /// The overall band (outcome id).
    public var outcome: String
    /// The pack that produced the result, and its revision.
    public var pack: String
    public var revision: String
    public var readinessBand: String?
    public var readinessScore: Double?
    /// Area ids in the order the result lists them.
    public var areas: [String]
    /// Per area.
    public var cells: [String: Cell]
    /// The capacity values (named by the pack's `capacities` prefix) in result order: a choice id ("yes", "partly", "no"), a number, or null.
    public var capacities: [(id: String, value: JSONValue)]
    /// The result's recommendations (id and text), in order.
    public var recommendations: [(id: String, text: String)]
    /// Which round the record belongs to (0 when the report has one round) and its place in the input.
    public var round = 0
    public var sequence = 0

    /// Reads a training result, or nil when the document is not one (no `rag_` values).
    ///
    /// - Parameters:
    ///   - result: A parsed result with `"ok": true`.
    ///   - conventions: Its pack's `report:` block, which names the sector, readiness, agency number,
    ///     date and capacity values.
    public init?(result: JSONValue, conventions: ReportConventions) {
        let values = result["values"]?.members ?? []
        guard values.contains(where: { $0.0.hasPrefix("rag_") }) else { return nil }
        let map = Dictionary(values, uniquingKeysWith: { first, _ in first })
        switch result["id"] {
        case .string(let text)?: name = text
        case .number(let number)?: name = number.compactText
        default: name = ""
        }
        agencyID = conventions.agency.flatMap { map[$0]?.number }.flatMap { $0 == $0.rounded() && abs($0) < 1e9 ? Int($0) : nil }
        date = conventions.date.flatMap { map[$0]?.string }
        sector = conventions.organisation.flatMap { map[$0.value]?.string } ?? ""
        outcome = result["outcome"]?["id"]?.string ?? ""
        pack = result["pack"]?["id"]?.string ?? ""
        revision = result["pack"]?["revision"]?.string ?? ""
        readinessBand = conventions.readiness.flatMap { map[$0]?.string }
        readinessScore = conventions.readinessScore.flatMap { map[$0]?.number }
        areas = values.filter { $0.0.hasPrefix("rag_") }.map { String($0.0.dropFirst(4)) }
        var cells: [String: Cell] = [:]
        for area in areas {
            func number(_ key: String) -> Double { map["\(key)_\(area)"]?.number ?? 0 }
            cells[area] = Cell(
                rag: map["rag_\(area)"]?.string ?? "", gap: number("gap"), coverage: number("coverage_pct"), priority: number("priority"),
                staffNeeding: number("staff_needing"), required: number("required"), current: map["current_\(area)"]?.number)
        }
        self.cells = cells
        if let prefix = conventions.capacities?.prefix {
            capacities = values.filter { $0.0.hasPrefix(prefix) }.map { (String($0.0.dropFirst(prefix.count)), $0.1) }
        } else {
            capacities = []
        }
        recommendations = (result["recommendations"]?.array ?? []).compactMap { item in
            guard let id = item["id"]?.string else { return nil }
            return (id, item["text"]?.string ?? "")
        }
    }

    /// How the agency is matched across rounds: its member number, else its name.
    public var key: String { agencyID.map { "#\($0)" } ?? "name:" + name }

    public static func == (lhs: TrainingRecord, rhs: TrainingRecord) -> Bool {
        lhs.name == rhs.name && lhs.agencyID == rhs.agencyID && lhs.date == rhs.date && lhs.round == rhs.round
            && lhs.sequence == rhs.sequence && lhs.pack == rhs.pack && lhs.cells == rhs.cells
    }
}
