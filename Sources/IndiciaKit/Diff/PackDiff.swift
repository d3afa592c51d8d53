/// Compares two revisions of one pack over the same cases, one case at a time, so any number of
/// cases runs in bounded memory: only the totals are kept.
///
/// Each case goes through the same decoder and evaluator as `indicia evaluate`, once per revision.
public struct PackDiff: Sendable {
    /// What a case's result says, in the terms a diff compares: ids, not positions.
    public struct Snapshot: Sendable, Equatable {
        /// The outcome id.
        public var outcome: String
        /// Its level of concern.
        public var level: Int
        /// Whether it is urgent.
        public var urgent: Bool
        /// Indicators present, in pack order.
        public var indicators: [String]
        /// Next steps given, in pack order.
        public var nextSteps: [String]
    }

    /// A case whose result differs between the revisions, or that a revision refuses.
    public struct CaseChange: Sendable, Equatable {
        /// How the case fared.
        public enum Kind: Sendable, Equatable {
            /// Both revisions evaluated it, with different results.
            case changed(before: Snapshot, after: Snapshot)
            /// One revision (or both) refused it; the refusals, with their reasons.
            case refused(old: CaseError?, new: CaseError?)
        }

        /// The case id as written (or the test it came from), or nil if it has none.
        public var id: String?
        /// Its line in the cases file (1-based), or its position in the list of tests.
        public var line: Int
        /// What happened.
        public var kind: Kind

        /// Indicators present only after (added) and only before (removed).
        public var indicators: (added: [String], removed: [String]) {
            guard case .changed(let before, let after) = kind else { return ([], []) }
            return (after.indicators.filter { !before.indicators.contains($0) }, before.indicators.filter { !after.indicators.contains($0) })
        }

        /// Next steps given only after (added) and only before (removed).
        public var nextSteps: (added: [String], removed: [String]) {
            guard case .changed(let before, let after) = kind else { return ([], []) }
            return (after.nextSteps.filter { !before.nextSteps.contains($0) }, before.nextSteps.filter { !after.nextSteps.contains($0) })
        }
    }

    /// Counts over every case compared.
    public struct Totals: Sendable, Equatable {
        /// Cases read.
        public var cases = 0
        /// Cases with the same outcome, indicators and next steps under both revisions.
        public var unchanged = 0
        /// Cases whose level of concern went up.
        public var movedUp = 0
        /// Cases whose level of concern went down.
        public var movedDown = 0
        /// Cases with another outcome at the same level.
        public var outcomeChangedSameLevel = 0
        /// Cases with the same outcome whose next steps changed.
        public var nextStepsOnly = 0
        /// Cases with the same outcome and next steps whose indicators changed.
        public var indicatorsOnly = 0
        /// Cases the old revision refused.
        public var refusedByOld = 0
        /// Cases the new revision refused.
        public var refusedByNew = 0

        /// Cases that changed or were refused by one revision only.
        public var differing: Int { cases - unchanged - refusedByBoth }
        /// Cases both revisions refused (the same either way).
        public var refusedByBoth = 0
    }

    /// The old (published) revision.
    public let old: PackRuntime
    /// The new revision.
    public let new: PackRuntime
    /// How the content differs.
    public let ruleChanges: [RuleChange]
    /// Counts so far.
    public private(set) var totals = Totals()

    private var oldDecoder = CaseDecoder()
    private var newDecoder = CaseDecoder()
    private var oldEvaluation = Evaluation()
    private var newEvaluation = Evaluation()

    /// Prepares a comparison of two revisions of the same pack.
    ///
    /// - Parameters:
    ///   - old: The published revision.
    ///   - new: The revision being checked.
    public init(old: PackRuntime, new: PackRuntime) {
        self.old = old
        self.new = new
        ruleChanges = RuleChange.between(old.pack, new.pack)
    }

    /// Evaluates one case under both revisions.
    ///
    /// - Parameters:
    ///   - record: The case's JSON (one record, no newline needed).
    ///   - line: Its line, for the report.
    ///   - id: The id to report if the case has none of its own (e.g. a test's id).
    /// - Returns: The change, or nil when both revisions give the same result.
    public mutating func compare(_ record: [UInt8], line: Int, id fallback: String? = nil) -> CaseChange? {
        totals.cases += 1
        let before = Self.evaluate(record, old, &oldDecoder, &oldEvaluation)
        let after = Self.evaluate(record, new, &newDecoder, &newEvaluation)
        let id = before.id.map { Self.idText(record, $0) } ?? after.id.map { Self.idText(record, $0) } ?? fallback
        switch (before.result, after.result) {
        case (.success(let a), .success(let b)):
            if a == b {
                totals.unchanged += 1
                return nil
            }
            if b.level > a.level {
                totals.movedUp += 1
            } else if b.level < a.level {
                totals.movedDown += 1
            } else if a.outcome != b.outcome {
                totals.outcomeChangedSameLevel += 1
            } else if a.nextSteps != b.nextSteps {
                totals.nextStepsOnly += 1
            } else {
                totals.indicatorsOnly += 1
            }
            return CaseChange(id: id, line: line, kind: .changed(before: a, after: b))
        case (.failure(let a), .failure(let b)):
            totals.refusedByOld += 1
            totals.refusedByNew += 1
            totals.refusedByBoth += 1
            return CaseChange(id: id, line: line, kind: .refused(old: a, new: b))
        case (.failure(let a), .success):
            totals.refusedByOld += 1
            return CaseChange(id: id, line: line, kind: .refused(old: a, new: nil))
        case (.success, .failure(let b)):
            totals.refusedByNew += 1
            return CaseChange(id: id, line: line, kind: .refused(old: nil, new: b))
        }
    }

    /// Counts a record that could not be read at all (refused by both revisions alike).
    ///
    /// - Parameters:
    ///   - error: Why it could not be read.
    ///   - line: Its line.
    /// - Returns: The refusal, to report.
    public mutating func refuse(_ error: CaseError, line: Int) -> CaseChange {
        totals.cases += 1
        totals.refusedByOld += 1
        totals.refusedByNew += 1
        totals.refusedByBoth += 1
        return CaseChange(id: nil, line: line, kind: .refused(old: error, new: error))
    }

    private static func evaluate(
        _ record: [UInt8], _ runtime: PackRuntime, _ decoder: inout CaseDecoder, _ evaluation: inout Evaluation
    ) -> (result: Result<Snapshot, CaseError>, id: Range<Int>?) {
        let provider = SinglePackProvider(runtime)
        let decoded = record.withUnsafeBufferPointer { decoder.decode($0, packs: provider, defaultPack: 0, into: &evaluation) }
        switch decoded {
        case .failure(let failure): return (.failure(failure.error), failure.idRange)
        case .success(let found):
            let pack = runtime.pack
            pack.evaluate(&evaluation)
            let band = pack.rules.outcomes[evaluation.outcome]
            let snapshot = Snapshot(
                outcome: band.id, level: band.level, urgent: band.urgent,
                indicators: evaluation.firedIndicators(pack).map { pack.rules.indicators[$0].id },
                nextSteps: evaluation.recommendations.map { pack.rules.recommendations[$0].id })
            return (.success(snapshot), found.idRange)
        }
    }

    /// A case id as text: a JSON string without its quotes, a number as written.
    private static func idText(_ record: [UInt8], _ range: Range<Int>) -> String {
        guard range.lowerBound >= 0, range.upperBound <= record.count else { return "" }
        let raw = Array(record[range])
        if raw.first == 0x22, let value = try? JSONValue.parse(raw), let text = value.string { return text }
        return String(decoding: raw, as: UTF8.self)
    }
}
