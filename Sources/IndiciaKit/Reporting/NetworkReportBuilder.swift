/// Takes results one at a time and keeps only what the network report needs (counts, and one row
/// per agency), so a report over millions of results runs in little memory.
public struct NetworkReportBuilder: Sendable {
    /// The packs the results name, for looking up area and sector labels.
    public private(set) var packIDs: Set<String> = []
    private var areaIDs: [String] = []
    /// Agencies with their sector as the raw choice id; labels are applied in ``report(areaLabels:sectorLabels:suppressBelow:)``.
    private var agencies: [NetworkReport.Agency] = []
    private var screeningCases = 0
    private var outcomeCounts: [String: Int] = [:]
    private var outcomeOrder: [(label: String, level: Int)] = []
    private var typeCounts: [String: Int] = [:]
    private var indicatorCounts: [String: Int] = [:]
    private var sectorCounts: [String: Int] = [:]
    private var errorRecords = 0
    private var otherRecords = 0
    private var notResults = 0

    /// Creates an empty builder.
    public init() {}

    /// Adds one parsed JSON document: a result, an error result, or something else (counted as left out).
    ///
    /// - Parameter result: The document.
    public mutating func add(_ result: JSONValue) {
        guard let ok = result["ok"]?.bool else {
            notResults += 1
            return
        }
        guard ok else {
            errorRecords += 1
            return
        }
        if let pack = result["pack"]?["id"]?.string { packIDs.insert(pack) }
        let values = result["values"]?.members ?? []
        let valueMap = Dictionary(values, uniquingKeysWith: { first, _ in first })
        if values.contains(where: { $0.0.hasPrefix("rag_") }) {
            addAgency(result, valueMap, values)
        } else if let sector = valueMap["worker_sector_reported"] {
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
            sectorCounts[sector.string ?? "not recorded", default: 0] += 1
        } else {
            otherRecords += 1
        }
    }

    private mutating func addAgency(_ result: JSONValue, _ values: [String: JSONValue], _ ordered: [(String, JSONValue)]) {
        if areaIDs.isEmpty {
            areaIDs = ordered.filter { $0.0.hasPrefix("rag_") }.map { String($0.0.dropFirst(4)) }
        }
        let name: String
        switch result["id"] {
        case .string(let text)?: name = text
        case .number(let number)?: name = number.compactText
        default: name = "agency \(agencies.count + 1)"
        }
        func number(_ key: String) -> Double { values[key]?.number ?? 0 }
        agencies.append(
            NetworkReport.Agency(
                name: name, sector: values["sector_code"]?.string ?? "", outcome: result["outcome"]?["id"]?.string ?? "",
                readinessBand: values["readiness_band"]?.string, readinessScore: values["readiness_score"]?.number,
                rag: areaIDs.map { values["rag_\($0)"]?.string ?? "" }, gap: areaIDs.map { number("gap_\($0)") },
                coverage: areaIDs.map { number("coverage_pct_\($0)") }, priority: areaIDs.map { number("priority_\($0)") },
                staffNeeding: areaIDs.map { number("staff_needing_\($0)") }, required: areaIDs.map { number("required_\($0)") }))
    }

    /// The report over everything added so far.
    ///
    /// - Parameters:
    ///   - areaLabels: Labels for areas by id (from the pack's `report_areas` table), if known.
    ///   - sectorLabels: Labels for sector ids, if known.
    ///   - suppressBelow: Counts from 1 to this minus 1 are shown as "<N".
    /// - Returns: The report.
    public func report(areaLabels: [String: String] = [:], sectorLabels: [String: String] = [:], suppressBelow: Int = 5) -> NetworkReport {
        var report = NetworkReport(suppressBelow: suppressBelow)
        report.areas = areaIDs.map { ($0, areaLabels[$0] ?? $0) }
        report.agencies = agencies.map { agency in
            var labelled = agency
            labelled.sector = sectorLabels[agency.sector] ?? agency.sector
            return labelled
        }
        var byLevel: [Int: Int] = [:]
        var bands: [String: Int] = [:]
        for agency in report.agencies {
            for (index, area) in report.areas.enumerated() where agency.rag[index] != "green" && agency.priority[index] > 0 {
                report.priorities.append(
                    NetworkReport.Priority(
                        agency: agency.name, area: area.label, score: agency.priority[index], rag: agency.rag[index], gap: agency.gap[index]))
            }
            for index in report.areas.indices where agency.required[index] > 0 {
                byLevel[Int(agency.required[index]), default: 0] += Int(agency.staffNeeding[index])
            }
            if let band = agency.readinessBand { bands[band, default: 0] += 1 }
        }
        report.priorities.sort { ($0.score, $1.agency, $1.area) > ($1.score, $0.agency, $0.area) }
        report.staffByLevel = byLevel.keys.sorted().map { ($0, byLevel[$0] ?? 0) }
        report.readinessCounts = ["mature", "substantial", "early", "first_steps"].compactMap { band in bands[band].map { (band, $0) } }

        func suppress(_ n: Int) -> Int? { n > 0 && n < suppressBelow ? nil : n }
        func counts(_ table: [String: Int]) -> [NetworkReport.Count] {
            table.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { NetworkReport.Count(label: $0.key, value: suppress($0.value)) }
        }
        report.screeningCases = screeningCases
        report.byOutcome = outcomeOrder.sorted { $0.level > $1.level }.map {
            NetworkReport.Count(label: $0.label, value: suppress(outcomeCounts[$0.label] ?? 0))
        }
        report.byType = counts(typeCounts)
        report.byIndicator = counts(indicatorCounts)
        // Two sector ids with the same label are one row.
        report.bySector = counts(sectorCounts.reduce(into: [:]) { $0[sectorLabels[$1.key] ?? $1.key, default: 0] += $1.value })
        report.errorRecords = errorRecords
        report.otherRecords = otherRecords
        report.notResults = notResults
        return report
    }
}
