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
    /// Results of packs the report does not recognise.
    public var otherRecords = 0

    /// Builds the report.
    ///
    /// - Parameters:
    ///   - results: Parsed result lines (error results are counted and skipped).
    ///   - areaLabels: Labels for areas by id (from the pack's `report_areas` table), if known.
    ///   - sectorLabels: Labels for sector ids, if known.
    ///   - suppressBelow: Counts from 1 to this minus 1 are shown as "<N".
    public init(results: [JSONValue], areaLabels: [String: String] = [:], sectorLabels: [String: String] = [:], suppressBelow: Int = 5) {
        suppressionThreshold = suppressBelow
        var outcomeCounts: [String: Int] = [:], typeCounts: [String: Int] = [:], indicatorCounts: [String: Int] = [:], sectorCounts: [String: Int] = [:]
        var outcomeOrder: [(String, Int)] = []
        for result in results {
            guard result["ok"]?.bool == true else {
                errorRecords += 1
                continue
            }
            let values = result["values"]?.members ?? []
            let valueMap = Dictionary(values, uniquingKeysWith: { a, _ in a })
            if values.contains(where: { $0.0.hasPrefix("rag_") }) {
                addAgency(result, valueMap, values, areaLabels: areaLabels, sectorLabels: sectorLabels)
            } else if valueMap["worker_sector_reported"] != nil {
                screeningCases += 1
                let outcome = result["outcome"]
                let label = outcome?["label"]?.string ?? "?"
                if outcomeCounts[label] == nil { outcomeOrder.append((label, Int(outcome?["level"]?.number ?? 0))) }
                outcomeCounts[label, default: 0] += 1
                for (key, value) in values where key.hasPrefix("type_") && value.bool == true {
                    typeCounts[String(key.dropFirst(5)), default: 0] += 1
                }
                for indicator in result["indicators"]?.array ?? [] {
                    indicatorCounts[indicator["label"]?.string ?? "?", default: 0] += 1
                }
                let sector = valueMap["worker_sector_reported"]?.string ?? "not recorded"
                sectorCounts[sectorLabels[sector] ?? sector, default: 0] += 1
            } else {
                otherRecords += 1
            }
        }
        finishTraining()
        func counts(_ table: [String: Int]) -> [Count] {
            table.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { Count(label: $0.key, value: suppress($0.value)) }
        }
        byOutcome = outcomeOrder.sorted { $0.1 > $1.1 }.map { Count(label: $0.0, value: suppress(outcomeCounts[$0.0] ?? 0)) }
        byType = counts(typeCounts)
        byIndicator = counts(indicatorCounts)
        bySector = counts(sectorCounts)
    }

    private func suppress(_ n: Int) -> Int? { n > 0 && n < suppressionThreshold ? nil : n }

    private mutating func addAgency(
        _ result: JSONValue, _ values: [String: JSONValue], _ ordered: [(String, JSONValue)], areaLabels: [String: String], sectorLabels: [String: String]
    ) {
        if areas.isEmpty {
            areas = ordered.filter { $0.0.hasPrefix("rag_") }.map { key, _ in
                let id = String(key.dropFirst(4))
                return (id, areaLabels[id] ?? id)
            }
        }
        let name: String
        switch result["id"] {
        case .string(let text)?: name = text
        case .number(let number)?: name = number.compactText
        default: name = "agency \(agencies.count + 1)"
        }
        let sector = values["sector_code"]?.string ?? ""
        func number(_ key: String) -> Double { values[key]?.number ?? 0 }
        agencies.append(
            Agency(
                name: name, sector: sectorLabels[sector] ?? sector, outcome: result["outcome"]?["id"]?.string ?? "",
                readinessBand: values["readiness_band"]?.string, readinessScore: values["readiness_score"]?.number,
                rag: areas.map { values["rag_\($0.id)"]?.string ?? "" }, gap: areas.map { number("gap_\($0.id)") },
                coverage: areas.map { number("coverage_pct_\($0.id)") }, priority: areas.map { number("priority_\($0.id)") },
                staffNeeding: areas.map { number("staff_needing_\($0.id)") }, required: areas.map { number("required_\($0.id)") }))
    }

    private mutating func finishTraining() {
        var byLevel: [Int: Int] = [:]
        var bands: [String: Int] = [:]
        for agency in agencies {
            for (index, area) in areas.enumerated() where agency.rag[index] != "green" && agency.priority[index] > 0 {
                priorities.append(Priority(agency: agency.name, area: area.label, score: agency.priority[index], rag: agency.rag[index], gap: agency.gap[index]))
            }
            for index in areas.indices where agency.required[index] > 0 {
                byLevel[Int(agency.required[index]), default: 0] += Int(agency.staffNeeding[index])
            }
            if let band = agency.readinessBand { bands[band, default: 0] += 1 }
        }
        priorities.sort { ($0.score, $1.agency, $1.area) > ($1.score, $0.agency, $0.area) }
        staffByLevel = byLevel.keys.sorted().map { ($0, byLevel[$0] ?? 0) }
        readinessCounts = ["mature", "substantial", "early", "first_steps"].compactMap { band in bands[band].map { (band, $0) } }
    }

    /// "<5" for a suppressed count, else the number.
    public func show(_ count: Count) -> String { count.value.map(String.init) ?? "<\(suppressionThreshold)" }
}
