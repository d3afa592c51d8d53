/// The training-needs picture across a network: the latest round's gap matrix, priorities,
/// capacities and readiness, and — given two or more rounds — what changed since the round before.
///
/// Agencies are matched across rounds by their number on the network's member list (value
/// `agency_id`), or by name when a result has no number. Problems in the input (two results for one
/// agency in one round, rounds out of date order, a renamed agency, results of another pack) are
/// listed in ``notes``, never merged or dropped silently.
public struct TrainingNetwork: Sendable {
    /// One round of assessments.
    public struct Round: Sendable, Equatable {
        /// What the round was called on the command line (its input), or "" for a single round.
        public var name: String
        /// The earliest and latest assessment dates in it.
        public var first: String?
        public var last: String?
        /// Agencies assessed (after duplicates are resolved).
        public var agencies: Int
        /// Cells by band, levels short and staff needing training, over all its agencies and areas.
        public var red = 0
        public var amber = 0
        public var green = 0
        public var levelsShort = 0.0
        public var staffNeeding = 0.0
        /// The pack revisions its results were made with.
        public var revisions: [String] = []

        /// "assessed 2025-10-06 to 2025-11-12", for a report of one round.
        public var dates: String? {
            first.map { first in "assessed " + (last.map { $0 == first ? first : "\(first) to \($0)" } ?? first) }
        }

        /// "round-2025.ndjson (2025-10-06 to 2025-11-12)".
        public var title: String {
            let dates = first.map { first in last.map { $0 == first ? first : "\(first) to \($0)" } ?? first }
            return [name.isEmpty ? nil : name, dates.map { "(\($0))" }].compactMap { $0 }.joined(separator: " ")
        }
    }

    /// A ranked gap in the latest round.
    public struct Priority: Sendable, Equatable {
        public var agency: String
        public var area: String
        public var areaLabel: String
        public var score: Double
        public var rag: String
        public var gap: Double
    }

    /// How one cell changed between an agency's previous assessment and its latest.
    public enum Change: String, Sendable, Equatable {
        /// Not green before, green now.
        case closed
        /// Green before, not green now.
        case opened
        /// Not green before or now (see ``CellChange/before`` and ``CellChange/after`` for better or worse).
        case stayed
        /// Green before and now.
        case noGap = "no_gap"
        /// The area was not assessed before (a new area in the pack).
        case new
    }

    /// One cell's change.
    public struct CellChange: Sendable, Equatable {
        public var change: Change
        /// The band and levels short before (nil when not assessed) and now.
        public var before: TrainingRecord.Cell?
        public var after: TrainingRecord.Cell

        /// "better" (red → amber), "worse" (amber → red) or nil.
        public var direction: String? {
            guard change == .stayed, let before else { return nil }
            let rank = ["green": 0, "amber": 1, "red": 2]
            let (was, now) = (rank[before.rag] ?? 0, rank[after.rag] ?? 0)
            if now < was || (now == was && after.gap < before.gap) { return "better" }
            if now > was || (now == was && after.gap > before.gap) { return "worse" }
            return nil
        }
    }

    /// One agency of the latest round, against its previous assessment.
    public struct AgencyChange: Sendable, Equatable {
        public var name: String
        public var agencyID: Int?
        /// The round its previous assessment is from, or nil when it is new to the network's reports.
        public var previousRound: Int?
        /// Per area of the latest round.
        public var cells: [String: CellChange]

        /// How many cells closed, opened and stayed open.
        public func count(_ change: Change) -> Int { cells.values.filter { $0.change == change }.count }
    }

    /// An agency assessed in an earlier round but not in the latest.
    public struct Missing: Sendable, Equatable {
        public var name: String
        public var agencyID: Int?
        public var lastRound: Int
    }

    /// The rounds, oldest first.
    public var rounds: [Round] = []
    /// The latest round's areas (ids) in report order.
    public var areas: [String] = []
    /// The latest round's agencies, one result each, in input order.
    public var agencies: [TrainingRecord] = []
    /// "1 agency" or "N agencies", for the reports' opening line.
    var agencyCount: String { agencies.count == 1 ? "1 agency" : "\(agencies.count) agencies" }
    /// Gaps in the latest round, highest priority first.
    public var priorities: [Priority] = []
    /// Staff needing training in the latest round, by level required (levels above 0).
    public var staffByLevel: [(level: Int, staff: Int)] = []
    /// Agencies per readiness band in the latest round, in band order.
    public var readinessCounts: [(band: String, agencies: Int)] = []
    /// Capacity ids in the order the results list them.
    public var capacities: [String] = []
    /// Given two or more rounds: each latest agency against its previous assessment.
    public var changes: [AgencyChange] = []
    /// Agencies in an earlier round that the latest round does not include.
    public var notReassessed: [Missing] = []
    /// Problems with the input, each in one plain sentence.
    public var notes: [String] = []
    /// What each of ``notes`` is about, in the same order (pack tests expect these).
    public var noteKinds: [NoteKind] = []

    /// What a note on the input is about.
    public enum NoteKind: String, Sendable, Equatable, CaseIterable {
        /// Results of another pack, not compared.
        case otherPack = "other_pack"
        /// Two results for one agency in one round.
        case duplicate
        /// Rounds given out of date order.
        case outOfOrder = "out_of_order"
        /// A round with no assessment dates.
        case undated
        /// A round with assessments dated before the previous round ended.
        case overlapping
        /// Rounds assessed with different revisions of the pack.
        case revisions
        /// Agencies with no number, matched by name.
        case matchedByName = "matched_by_name"
        /// An agency renamed between rounds, matched by its number.
        case renamed
        /// An agency that changed its kind of agency.
        case kindChanged = "kind_changed"
        /// The same name with two different numbers, treated as two agencies.
        case twoNumbers = "two_numbers"
    }

    /// Whether there is anything to show.
    public var isEmpty: Bool { agencies.isEmpty }
    /// Whether the report compares rounds.
    public var comparesRounds: Bool { rounds.count >= 2 }

    /// Builds the picture.
    ///
    /// - Parameters:
    ///   - records: Every training result read, each with its round and input position set.
    ///   - roundNames: The name of each round, in the order given (one empty name for a single round).
    ///   - labels: Labels from the pack, for the sentences in ``notes`` and the priorities.
    public init(records: [TrainingRecord], roundNames: [String], labels: TrainingLabels = TrainingLabels()) {
        // The pack compared is the one most results of the latest round come from (the first such on a tie).
        let latestRound = records.map(\.round).max()
        var tally: [(pack: String, count: Int)] = []
        for record in records where record.round == latestRound {
            if let index = tally.firstIndex(where: { $0.pack == record.pack }) { tally[index].count += 1 } else { tally.append((record.pack, 1)) }
        }
        guard let main = tally.max(by: { $0.count < $1.count })?.pack else { return }
        // Results of another pack are not compared with this one's.
        var others: [String: Int] = [:]
        for record in records where record.pack != main { others[record.pack, default: 0] += 1 }
        for (pack, count) in others.sorted(by: { $0.key < $1.key }) {
            note(
                .otherPack,
                "\(count) training-needs \(count == 1 ? "result" : "results") of pack '\(pack)' \(count == 1 ? "is" : "are") not compared with pack '\(main)' and not counted here."
            )
        }
        let usable = records.filter { $0.pack == main }

        // One result per agency per round: the latest-dated (then the last given); the others are named.
        var perRound: [[TrainingRecord]] = []
        for (index, name) in roundNames.enumerated() {
            var kept: [String: TrainingRecord] = [:]
            var order: [String] = []
            for record in usable where record.round == index {
                guard let existing = kept[record.key] else {
                    kept[record.key] = record
                    order.append(record.key)
                    continue
                }
                let later = (record.date ?? "", record.sequence) > (existing.date ?? "", existing.sequence) ? record : existing
                let earlier = later == record ? existing : record
                kept[record.key] = later
                let within = name.isEmpty ? "" : " in round \(name)"
                let hint = roundNames == [""] ? " To compare rounds, give each round as its own input with --rounds." : ""
                let what = record.agencyID.map { "Agency number \($0)" } ?? "'\(record.name)'"
                note(
                    .duplicate,
                    "\(what) has two results\(within) (\(Self.describe(earlier, later))): the later one is used; the other is not counted.\(hint)")
            }
            perRound.append(order.compactMap { kept[$0] })
        }
        // Rounds in date order; say so when they were given otherwise, or overlap.
        var order = Array(roundNames.indices)
        let firstDates = perRound.map { $0.compactMap(\.date).min() }
        if firstDates.allSatisfy({ $0 != nil }) {
            let sorted = order.sorted { (firstDates[$0] ?? "", $0) < (firstDates[$1] ?? "", $1) }
            if sorted != order {
                note(
                    .outOfOrder,
                    "The rounds were not given in date order; they are compared in date order: "
                        + sorted.map { "\(roundNames[$0]) (from \(firstDates[$0] ?? "?"))" }.joined(separator: ", ") + ".")
                order = sorted
            }
        } else if roundNames.count > 1 {
            for index in roundNames.indices where firstDates[index] == nil && !perRound[index].isEmpty {
                note(
                    .undated,
                    "Round \(roundNames[index]) has no assessment dates (results made before the date was asked); rounds are taken in the order given."
                )
            }
        }
        for (a, b) in zip(order, order.dropFirst()) {
            if let end = perRound[a].compactMap(\.date).max(), let start = perRound[b].compactMap(\.date).min(), start <= end {
                note(
                    .overlapping,
                    "Round \(roundNames[b]) has assessments dated \(start), before round \(roundNames[a]) ended (\(end)): check that each input holds one round."
                )
            }
        }
        order = order.filter { !perRound[$0].isEmpty }
        guard let latest = order.last else { return }

        rounds = order.map { index in
            var round = Round(
                name: roundNames[index], first: perRound[index].compactMap(\.date).min(), last: perRound[index].compactMap(\.date).max(),
                agencies: perRound[index].count)
            for record in perRound[index] {
                for cell in record.cells.values {
                    switch cell.rag {
                    case "red": round.red += 1
                    case "amber": round.amber += 1
                    default: round.green += 1
                    }
                    round.levelsShort += cell.gap
                    round.staffNeeding += cell.staffNeeding
                }
                if !round.revisions.contains(record.revision) { round.revisions.append(record.revision) }
            }
            return round
        }
        let revisions = rounds.flatMap(\.revisions).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
        if revisions.count > 1 {
            note(
                .revisions,
                "The rounds were assessed with different revisions of pack '\(main)' (\(revisions.joined(separator: ", "))): required levels may differ between them, so a gap can open or close because the policy changed, not only the training."
            )
        }

        agencies = perRound[latest]
        areas = agencies.first?.areas ?? []
        capacities = agencies.first.map { $0.capacities.map(\.id) } ?? []
        if agencies.contains(where: { $0.agencyID == nil }) && order.count > 1 {
            let count = agencies.filter { $0.agencyID == nil }.count
            note(
                .matchedByName,
                "\(count) \(count == 1 ? "agency has" : "agencies have") no agency number in the latest round and \(count == 1 ? "was" : "were") matched by name."
            )
        }

        // Each latest agency against its most recent earlier assessment.
        if order.count > 1 {
            let earlier = Array(order.dropLast())
            for agency in agencies {
                var previous: (round: Int, record: TrainingRecord)?
                for position in earlier.indices.reversed() {
                    let round = earlier[position]
                    if let match = perRound[round].first(where: { $0.key == agency.key })
                        ?? (agency.agencyID == nil ? perRound[round].first(where: { $0.name == agency.name }) : nil)
                    {
                        previous = (position, match)
                        break
                    }
                }
                if let previous {
                    if previous.record.name != agency.name {
                        note(
                            .renamed,
                            "Agency number \(agency.agencyID.map(String.init) ?? "?") was '\(previous.record.name)' in round \(rounds[previous.round].name) and is '\(agency.name)' now: matched by its number."
                        )
                    }
                    if previous.record.sector != agency.sector {
                        note(
                            .kindChanged,
                            "'\(agency.name)' changed its kind of agency (\(labels.sector(previous.record.sector)) to \(labels.sector(agency.sector))), so its required levels may differ."
                        )
                    }
                } else if let sameName = earlier.lazy.flatMap({ perRound[$0] }).first(where: { $0.name == agency.name && $0.key != agency.key }) {
                    note(
                        .twoNumbers,
                        "'\(agency.name)' has number \(agency.agencyID.map(String.init) ?? "none") now and \(sameName.agencyID.map(String.init) ?? "none") before: treated as two agencies (check the member list)."
                    )
                }
                var cells: [String: CellChange] = [:]
                for area in areas {
                    guard let now = agency.cells[area] else { continue }
                    guard let before = previous?.record.cells[area] else {
                        cells[area] = CellChange(change: .new, before: nil, after: now)
                        continue
                    }
                    let change: Change
                    switch (before.rag == "green", now.rag == "green") {
                    case (false, true): change = .closed
                    case (true, false): change = .opened
                    case (false, false): change = .stayed
                    case (true, true): change = .noGap
                    }
                    cells[area] = CellChange(change: change, before: before, after: now)
                }
                changes.append(AgencyChange(name: agency.name, agencyID: agency.agencyID, previousRound: previous?.round, cells: cells))
            }
            let latestKeys = Set(agencies.map(\.key))
            var seen: Set<String> = latestKeys
            for position in earlier.indices.reversed() {
                for record in perRound[earlier[position]] where !seen.contains(record.key) {
                    seen.insert(record.key)
                    notReassessed.append(Missing(name: record.name, agencyID: record.agencyID, lastRound: position))
                }
            }
        }

        // The latest round's priorities, staff by level and readiness.
        var byLevel: [Int: Int] = [:]
        var bands: [String: Int] = [:]
        for agency in agencies {
            for area in agency.areas {
                guard let cell = agency.cells[area] else { continue }
                if cell.rag != "green" && cell.priority > 0 {
                    priorities.append(
                        Priority(agency: agency.name, area: area, areaLabel: labels.area(area), score: cell.priority, rag: cell.rag, gap: cell.gap))
                }
                if cell.required > 0 { byLevel[Int(cell.required), default: 0] += Int(cell.staffNeeding) }
            }
            if let band = agency.readinessBand { bands[band, default: 0] += 1 }
        }
        priorities.sort { ($0.score, $1.agency, $1.areaLabel) > ($1.score, $0.agency, $0.areaLabel) }
        staffByLevel = byLevel.keys.sorted().map { ($0, byLevel[$0] ?? 0) }
        // In the pack's order of bands (the bands table its report: block names), then any band it does not list.
        let bandOrder = labels.bandOrder + bands.keys.filter { !labels.bandOrder.contains($0) }.sorted()
        readinessCounts = bandOrder.compactMap { band in bands[band].map { (band, $0) } }
    }

    /// An empty picture.
    public init() {}

    private mutating func note(_ kind: NoteKind, _ text: String) {
        notes.append(text)
        noteKinds.append(kind)
    }

    /// The change of one agency of the latest round, by name.
    public func change(of name: String) -> AgencyChange? { changes.first { $0.name == name } }

    /// "dated 2026-10-01 and 2026-10-20", or the results' places in the input when undated.
    private static func describe(_ earlier: TrainingRecord, _ later: TrainingRecord) -> String {
        if let first = earlier.date, let second = later.date, first != second { return "dated \(first) and \(second)" }
        return "results \(earlier.sequence + 1) and \(later.sequence + 1) of the input"
    }
}
