/// Takes results one at a time and keeps only what the network report needs (counts, and one row
/// per agency), so a report over millions of results runs in little memory.
///
/// What a result is comes from its pack's `report:` block (``ReportConventions``), never from the
/// names of its values: results of a pack without one are left out and counted.
public struct NetworkReportBuilder: Sendable {
    private let packs: [String: ReportPack]
    private let from: Int?
    private let to: Int?
    /// Screening tallies by pack id, in the order first seen.
    private var screening: [String: ScreeningTally] = [:]
    private var screeningOrder: [String] = []
    /// The training pack whose areas the agency rows follow (the first seen).
    private var trainingPack: ReportPack?
    private var agencies: [NetworkReport.Agency] = []
    private var errorRecords = 0
    private var otherRecords = 0
    private var notResults = 0
    private var notJSON = 0
    private var lastPackID: [UInt8] = []
    private var lastPack: ReportPack?

    /// Creates an empty builder.
    ///
    /// - Parameters:
    ///   - packs: The packs whose results can be counted (those with a `report:` block).
    ///   - from: First day counted (days since 1970-01-01), for screening results; nil for no limit.
    ///   - to: Last day counted; nil for no limit.
    public init(packs: [ReportPack] = [], from: Int? = nil, to: Int? = nil) {
        self.packs = Dictionary(packs.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        self.from = from
        self.to = to
    }

    /// Adds one parsed JSON document: a result, an error result, or something else (counted as left out).
    ///
    /// - Parameter result: The document.
    public mutating func add(_ result: JSONValue) {
        add(line: result.serialized)
    }

    /// Adds one line (or one pretty-printed document) of input: a result, an error result, JSON
    /// that is not a result, or text that is not JSON; everything but a result is counted as left out.
    ///
    /// - Parameter line: The bytes, without the newline.
    public mutating func add<Bytes: Collection<UInt8>>(line: Bytes) {
        let handled: Bool? = line.withContiguousStorageIfAvailable { bytes in
            add(bytes: bytes)
            return true
        }
        if handled == nil {
            let copy = Array(line)
            copy.withUnsafeBufferPointer { add(bytes: $0) }
        }
    }

    /// Counts one record that could not even be framed (binary, overlong) as not JSON.
    public mutating func countNotJSON() {
        notJSON += 1
    }

    /// Adds one record, as ``add(line:)``.
    ///
    /// - Parameter bytes: The record.
    /// - Returns: Why the record is not JSON (it is then counted as left out), or nil.
    @discardableResult
    public mutating func add(bytes: UnsafeBufferPointer<UInt8>) -> CaseError? {
        let digest: ResultDigest
        do throws(CaseError) {
            digest = try ResultDigest.scan(bytes)
        } catch {
            notJSON += 1
            return error
        }
        guard let ok = digest.ok else {
            notResults += 1
            return nil
        }
        guard ok else {
            errorRecords += 1
            return nil
        }
        guard let idBytes = digest.packID else {
            otherRecords += 1
            return nil
        }
        // Most results in a stream come from the same pack: look it up once.
        if idBytes != lastPackID {
            lastPackID = idBytes
            lastPack = packs[String(decoding: idBytes, as: UTF8.self)]
        }
        guard let pack = lastPack else {
            otherRecords += 1
            return nil
        }
        let id = pack.id
        switch pack.conventions.kind {
        case .screening:
            if screening[id] == nil {
                screening[id] = ScreeningTally(pack: pack, from: from, to: to)
                screeningOrder.append(id)
            }
            do throws(CaseError) {
                try screening[id]?.add(digest, in: bytes)
            } catch {
                notJSON += 1
                return error
            }
        case .training:
            if trainingPack == nil { trainingPack = pack }
            guard let result = try? JSONValue.parse(Array(bytes)), let training = trainingPack, training.id == id else {
                otherRecords += 1
                return nil
            }
            addAgency(result, training)
        }
        return nil
    }

    private mutating func addAgency(_ result: JSONValue, _ pack: ReportPack) {
        let values = Dictionary(result["values"]?.members ?? [], uniquingKeysWith: { first, _ in first })
        let areaIDs = pack.areas.map(\.id)
        let name: String
        switch result["id"] {
        case .string(let text)?: name = text
        case .number(let number)?: name = number.compactText
        default: name = "agency \(agencies.count + 1)"
        }
        func number(_ key: String) -> Double { values[key]?.number ?? 0 }
        let readiness = pack.conventions.readiness
        agencies.append(
            NetworkReport.Agency(
                name: name, sector: pack.conventions.organisation.flatMap { values[$0.value]?.string } ?? "",
                outcome: result["outcome"]?["id"]?.string ?? "",
                readinessBand: readiness.flatMap { values[$0]?.string }, readinessScore: values["readiness_score"]?.number,
                rag: areaIDs.map { values["rag_\($0)"]?.string ?? "" }, gap: areaIDs.map { number("gap_\($0)") },
                coverage: areaIDs.map { number("coverage_pct_\($0)") }, priority: areaIDs.map { number("priority_\($0)") },
                staffNeeding: areaIDs.map { number("staff_needing_\($0)") }, required: areaIDs.map { number("required_\($0)") }))
    }

    /// The report over everything added so far.
    ///
    /// - Parameters:
    ///   - suppressBelow: Screening counts from 1 to this minus 1 are hidden, with whatever would reveal them.
    ///   - from: The start of the period as the user gave it, for the heading.
    ///   - to: The end of the period as given.
    /// - Returns: The report.
    public func report(suppressBelow: Int = 5, from fromText: String? = nil, to toText: String? = nil) -> NetworkReport {
        var report = NetworkReport(suppressBelow: suppressBelow)
        let labels = Dictionary((trainingPack?.organisations ?? []).map { ($0.id, $0.label) }, uniquingKeysWith: { first, _ in first })
        report.areas = (trainingPack?.areas ?? []).map { ($0.id, $0.label) }
        report.agencies = agencies.map { agency in
            var labelled = agency
            labelled.sector = labels[agency.sector] ?? agency.sector
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
        report.screening = screeningOrder.compactMap { screening[$0]?.statistics(threshold: suppressBelow, fromText: fromText, toText: toText) }
        report.errorRecords = errorRecords
        report.otherRecords = otherRecords
        report.notResults = notResults
        report.notJSON = notJSON
        return report
    }
}
