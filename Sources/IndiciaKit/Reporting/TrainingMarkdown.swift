/// The training part of the network report as Markdown: the change between rounds, the gap
/// matrix, priorities, staff by level, capacities and readiness, each with a sentence saying how to
/// read it.
public enum TrainingMarkdown {
    /// Renders the training part.
    ///
    /// - Parameters:
    ///   - network: The training picture.
    ///   - labels: Labels and explanations from the pack.
    ///   - suppressBelow: Referral counts from 1 to this minus 1 are shown as "<N".
    /// - Returns: Markdown.
    public static func render(_ network: TrainingNetwork, labels: TrainingLabels, suppressBelow: Int) -> String {
        guard let latest = network.rounds.last else { return "" }
        var out = "# Training needs across the network\n\n"
        let round = network.comparesRounds ? " Latest round: \(latest.title)." : latest.dates.map { " Agencies \($0)." } ?? ""
        out += "\(network.agencyCount).\(round) \(labels.cellLegend)\n"
        if let note = labels.notes["coverage"] { out += "\n" + note + "\n" }
        if network.comparesRounds { out += changes(network, labels: labels) }
        out += "\n## Gaps by agency and area\n\n"
        out += "| Agency | Kind of agency | " + network.areas.map { labels.area($0) }.joined(separator: " | ") + " | Readiness |\n"
        out += "|---|---|" + String(repeating: "---|", count: network.areas.count) + "---|\n"
        for agency in network.agencies {
            let change = network.change(of: agency.name)
            let cells = network.areas.map { area -> String in
                guard let cell = agency.cells[area] else { return "" }
                let marker = change?.cells[area].map(symbol).map { $0.isEmpty ? "" : " " + $0 } ?? ""
                return "\(cell.rag.capitalizedWord) · \(cell.gap.compactText)\(marker)"
            }
            out +=
                "| \(agency.name) | \(labels.sector(agency.sector)) | " + cells.joined(separator: " | ")
                + " | \(agency.readinessBand.map { labels.band($0) } ?? "") |\n"
        }
        if network.comparesRounds {
            out += "\nMarks: ✓ closed since the last round, ✗ opened, ▲ better but still open, ▼ worse, = unchanged, + not assessed before.\n"
        }
        out += "\n## Priorities across the network (highest first)\n\n"
        if let note = labels.notes["priority"] { out += note + "\n\n" }
        out += "| # | Agency | Area | Priority | Band | Levels short |\n|---:|---|---|---:|---|---:|\n"
        for (n, priority) in network.priorities.prefix(20).enumerated() {
            out +=
                "| \(n + 1) | \(priority.agency) | \(priority.areaLabel) | \(priority.score.compactText) | \(priority.rag.capitalizedWord) | \(priority.gap.compactText) |\n"
        }
        out += "\n## Staff needing training (estimate), by level required\n\n"
        if let note = labels.notes["staff"] { out += note + "\n\n" }
        out += "| Level | Staff |\n|---|---:|\n"
        for (level, staff) in network.staffByLevel { out += "| \(level) | \(staff) |\n" }
        out += capacities(network, labels: labels, suppressBelow: suppressBelow)
        out += "\n## Readiness\n\n| Band | Agencies |\n|---|---:|\n"
        for (band, count) in network.readinessCounts { out += "| \(labels.band(band)) | \(count) |\n" }
        if !network.notes.isEmpty {
            out += "\n## Notes on the input\n\n" + network.notes.map { "- \($0)\n" }.joined()
        }
        return out
    }

    private static func changes(_ network: TrainingNetwork, labels: TrainingLabels) -> String {
        guard network.rounds.count >= 2 else { return "" }
        let previous = network.rounds[network.rounds.count - 2]
        let latest = network.rounds[network.rounds.count - 1]
        var out = "\n## Change between rounds\n\n"
        out += "Each agency's latest assessment against its previous one. A gap is closed when a red or amber cell has turned green, "
        out += "opened when a green cell has turned red or amber, and stayed when it is red or amber both times.\n\n"
        out +=
            "| Round | Agencies | Red cells | Amber cells | Green cells | Levels short | Staff needing training |\n|---|---:|---:|---:|---:|---:|---:|\n"
        for round in network.rounds {
            out +=
                "| \(round.title) | \(round.agencies) | \(round.red) | \(round.amber) | \(round.green) | \(round.levelsShort.compactText) | \(round.staffNeeding.compactText) |\n"
        }
        let joined = network.changes.filter { $0.previousRound == nil }.count
        out +=
            "\nRound totals count every agency assessed in that round (\(joined) joined in the latest round; \(network.notReassessed.count) not re-assessed).\n"
        let closed = network.changes.map { $0.count(.closed) }.reduce(0, +)
        let opened = network.changes.map { $0.count(.opened) }.reduce(0, +)
        let stayed = network.changes.map { $0.count(.stayed) }.reduce(0, +)
        out +=
            "\nFrom round \(previous.title) to round \(latest.title): \(closed) \(closed == 1 ? "gap" : "gaps") closed, \(opened) opened, \(stayed) stayed open.\n\n"
        out += "| Agency | Closed | Opened | Stayed open | What changed band or level |\n|---|---:|---:|---:|---|\n"
        for change in network.changes {
            guard change.previousRound != nil else {
                out += "| \(change.name) | | | | new: not assessed in an earlier round |\n"
                continue
            }
            let details = network.areas.compactMap { area -> String? in
                guard let cell = change.cells[area], cell.change != .noGap, cell.change != .stayed || cell.direction != nil else { return nil }
                return "\(labels.area(area)): \(describe(cell))"
            }
            out +=
                "| \(change.name) | \(change.count(.closed)) | \(change.count(.opened)) | \(change.count(.stayed)) | \(details.joined(separator: "; ")) |\n"
        }
        if !network.notReassessed.isEmpty {
            out += "\nNot re-assessed in the latest round: "
            out += network.notReassessed.map { "\($0.name) (last assessed in \(network.rounds[$0.lastRound].title))" }.joined(separator: "; ") + ".\n"
        }
        return out
    }

    private static func capacities(_ network: TrainingNetwork, labels: TrainingLabels, suppressBelow: Int) -> String {
        guard !network.capacities.isEmpty else { return "" }
        var out = "\n## What each agency can do for a potential victim\n\n"
        out += "Who can do what, and where the holes are. Referral counts from 1 to \(suppressBelow - 1) are shown as <\(suppressBelow).\n\n"
        out += "| Agency | " + network.capacities.map { labels.capacity($0) }.joined(separator: " | ") + " |\n"
        out += "|---|" + String(repeating: "---|", count: network.capacities.count) + "\n"
        for agency in network.agencies {
            let cells = network.capacities.map { id in
                agency.capacities.first { $0.id == id }.map { capacityText($0.value, suppressBelow: suppressBelow) } ?? ""
            }
            out += "| \(agency.name) | " + cells.joined(separator: " | ") + " |\n"
        }
        let holes = holeCounts(network)
        out += "| **Agencies without it** | " + holes.map { $0.map(String.init) ?? "" }.joined(separator: " | ") + " |\n"
        return out
    }

    /// Per capacity: agencies answering "no" (or 0 referrals); nil for a capacity that is neither.
    static func holeCounts(_ network: TrainingNetwork) -> [Int?] {
        network.capacities.map { id in
            let values = network.agencies.compactMap { agency in agency.capacities.first { $0.id == id }?.value }
            if values.contains(where: { $0.string != nil }) { return values.filter { $0.string == "no" }.count }
            if values.contains(where: { $0.number != nil }) { return values.filter { $0.number == 0 }.count }
            return nil
        }
    }

    /// "Yes", "Partly", "No", a count ("<5" when small) or "not known".
    static func capacityText(_ value: JSONValue, suppressBelow: Int) -> String {
        switch value {
        case .string(let text): return text.replacingUnderscores.capitalizedWord
        case .number(let number):
            return number > 0 && number < Double(suppressBelow) ? "<\(suppressBelow)" : number.compactText
        default: return "not known"
        }
    }

    /// A one-glyph mark for a cell's change.
    static func symbol(_ cell: TrainingNetwork.CellChange) -> String {
        switch cell.change {
        case .closed: return "✓"
        case .opened: return "✗"
        case .new: return "+"
        case .noGap: return ""
        case .stayed:
            switch cell.direction {
            case "better"?: return "▲"
            case "worse"?: return "▼"
            default: return "="
            }
        }
    }

    /// "closed (Red · 1 → Green · 0)".
    static func describe(_ cell: TrainingNetwork.CellChange) -> String {
        let before = cell.before.map { "\($0.rag.capitalizedWord) · \($0.gap.compactText)" } ?? "not assessed"
        let after = "\(cell.after.rag.capitalizedWord) · \(cell.after.gap.compactText)"
        let word: String
        switch cell.change {
        case .closed: word = "closed"
        case .opened: word = "opened"
        case .new: word = "new area"
        case .noGap: word = "no gap"
        case .stayed: word = cell.direction.map { "stayed open, \($0)" } ?? "stayed open"
        }
        return "\(word) (\(before) → \(after))"
    }
}
