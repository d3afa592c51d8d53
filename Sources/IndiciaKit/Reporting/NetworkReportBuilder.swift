/// Takes results one at a time and keeps only what the network report needs (counts, and one row
/// per agency), so a report over millions of results runs in little memory.
///
/// What a result is comes from its pack's `report:` block (``ReportConventions``), never from the
/// names of its values: results of a pack without one are left out and counted.
public struct NetworkReportBuilder: Sendable {
    private var packs: [String: ReportPack]
    private let from: Int?
    private let to: Int?
    /// Screening tallies by pack id, in the order first seen.
    private var screening: [String: ScreeningTally] = [:]
    private var screeningOrder: [String] = []
    /// The training pack whose labels the report uses (the first seen).
    private var trainingPack: ReportPack?
    /// Training results (one per agency per round), and the rounds' names in the order given.
    private var training: [TrainingRecord] = []
    private var roundNames: [String] = [""]
    private var round = 0
    private var started = false
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

    /// Starts a round of training-needs assessments: results added from now on belong to it.
    /// Without a call, every result is in one round.
    ///
    /// - Parameter name: What the round is called in the report (its input, e.g. a file name).
    public mutating func beginRound(_ name: String) {
        if started {
            roundNames.append(name)
            round += 1
        } else {
            roundNames = [name]
            started = true
        }
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
            _ = copy.withUnsafeBufferPointer { add(bytes: $0) }
        }
    }

    /// A builder with the same packs, period and round, and nothing counted yet: for a thread that
    /// counts a later part of the same input, to be added back with ``merge(_:)``.
    public var fresh: NetworkReportBuilder {
        var builder = NetworkReportBuilder(packs: [], from: from, to: to)
        builder.packs = packs
        builder.round = round
        builder.started = started
        return builder
    }

    /// Adds what another builder counted, as if its records had been added here, after this one's
    /// (`other` read the input that follows: its packs, agencies and counts come after these).
    /// Splitting an input anywhere between records and merging the parts in order gives the same
    /// report as adding every record to one builder.
    ///
    /// - Parameter other: A builder made with ``fresh`` from this one (same packs, period, round).
    public mutating func merge(_ other: NetworkReportBuilder) {
        for id in other.screeningOrder {
            guard let tally = other.screening[id] else { continue }
            if screening[id] == nil {
                screening[id] = tally
                screeningOrder.append(id)
            } else {
                screening[id]?.merge(tally)
            }
        }
        if trainingPack == nil { trainingPack = other.trainingPack }
        let offset = training.count
        for var record in other.training {
            record.sequence += offset
            training.append(record)
        }
        errorRecords += other.errorRecords
        otherRecords += other.otherRecords
        notResults += other.notResults
        notJSON += other.notJSON
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
            // Results of another training pack are kept: the training picture names them and does not compare them.
            guard let result = try? JSONValue.parse(Array(bytes)), var record = TrainingRecord(result: result, conventions: pack.conventions) else {
                otherRecords += 1
                return nil
            }
            record.round = round
            record.sequence = training.count
            training.append(record)
        }
        return nil
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
        let labels = trainingPack?.training ?? TrainingLabels()
        // An agency that gave no name is called by its place in the input (named here, not as it is
        // added, so that merged builders name it the same).
        var records = training
        for index in records.indices where records[index].name.isEmpty { records[index].name = "agency \(records[index].sequence + 1)" }
        report.training = TrainingNetwork(records: records, roundNames: roundNames, labels: labels)
        report.trainingLabels = labels
        report.screening = screeningOrder.compactMap { screening[$0]?.statistics(threshold: suppressBelow, fromText: fromText, toText: toText) }
        report.errorRecords = errorRecords
        report.otherRecords = otherRecords
        report.notResults = notResults
        report.notJSON = notJSON
        return report
    }
}
