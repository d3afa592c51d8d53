/// The training-needs part of the network report as one tidy CSV table in long format (RFC 4180),
/// for a spreadsheet: one row per figure.
///
/// Columns: `pack`, `table`, `round` (the round's name; empty for a report of one round), `agency`,
/// `agency_id`, `item` (the area of a gap, or the capacity), `measure` and `value`. The tables:
/// - `agencies`: per agency of the latest round: `kind`, `assessed_on`, `overall`, `readiness_band`,
///   `readiness_score`;
/// - `gaps`: per agency and area of the latest round: `rag`, `levels_short`, `percent_trained`,
///   `priority`, `staff_needing_training`, `level_required`, `level_now`; comparing rounds also
///   `change` (closed, opened, stayed, no_gap, new), `direction` (better, worse), `rag_before` and
///   `levels_short_before`;
/// - `capacities`: per agency and capacity: `yes`, `partly`, `no`, a number (counts from 1 to the
///   suppression threshold minus 1 as `<N`, as in every other format), or empty when not known;
/// - `rounds`: per round: `first`, `last`, `agencies`, `red_cells`, `amber_cells`, `green_cells`,
///   `levels_short`, `staff_needing_training`;
/// - `not_reassessed`: per agency assessed before but not in the latest round: `last_round`;
/// - `notes`: per note on the input: the kind of note as `measure`, the sentence as `value`.
public enum TrainingCSV {
    /// The header row's columns.
    static let columns = ["pack", "table", "round", "agency", "agency_id", "item", "measure", "value"]

    /// Renders the training part of a report.
    ///
    /// - Parameter report: The report.
    /// - Returns: CSV text with CRLF line ends.
    public static func render(_ report: NetworkReport) -> String {
        let network = report.training
        let pack = network.agencies.first?.pack ?? ""
        let latest = network.rounds.last?.name ?? ""
        let threshold = report.suppressionThreshold
        var out = columns.joined(separator: ",") + "\r\n"
        func row(_ table: String, round: String = latest, agency: String = "", id: Int? = nil, item: String = "", _ measure: String, _ value: String)
        {
            let fields = [pack, table, round, agency, id.map(String.init) ?? "", item, measure, value]
            out += fields.map(CSVReport.field).joined(separator: ",") + "\r\n"
        }
        for agency in network.agencies {
            let add = { (measure: String, value: String?) in
                if let value { row("agencies", agency: agency.name, id: agency.agencyID, measure, value) }
            }
            add("kind", agency.sector)
            add("assessed_on", agency.date)
            add("overall", agency.outcome)
            add("readiness_band", agency.readinessBand)
            add("readiness_score", agency.readinessScore?.compactText)
        }
        for agency in network.agencies {
            let change = network.comparesRounds ? network.change(of: agency.name) : nil
            for area in network.areas {
                guard let cell = agency.cells[area] else { continue }
                let add = { (measure: String, value: String?) in
                    if let value { row("gaps", agency: agency.name, id: agency.agencyID, item: area, measure, value) }
                }
                add("rag", cell.rag)
                add("levels_short", cell.gap.compactText)
                add("percent_trained", cell.coverage.compactText)
                add("priority", cell.priority.compactText)
                add("staff_needing_training", cell.staffNeeding.compactText)
                add("level_required", cell.required.compactText)
                add("level_now", cell.current?.compactText)
                if let moved = change?.cells[area] {
                    add("change", moved.change.rawValue)
                    add("direction", moved.direction)
                    add("rag_before", moved.before?.rag)
                    add("levels_short_before", moved.before?.gap.compactText)
                }
            }
        }
        for agency in network.agencies {
            for (id, value) in agency.capacities {
                row("capacities", agency: agency.name, id: agency.agencyID, item: id, "value", text(value, threshold: threshold))
            }
        }
        for round in network.rounds {
            let add = { (measure: String, value: String?) in
                if let value { row("rounds", round: round.name, measure, value) }
            }
            add("first", round.first)
            add("last", round.last)
            add("agencies", String(round.agencies))
            add("red_cells", String(round.red))
            add("amber_cells", String(round.amber))
            add("green_cells", String(round.green))
            add("levels_short", round.levelsShort.compactText)
            add("staff_needing_training", round.staffNeeding.compactText)
        }
        for missing in network.notReassessed {
            row("not_reassessed", agency: missing.name, id: missing.agencyID, "last_round", network.rounds[missing.lastRound].name)
        }
        for (kind, note) in zip(network.noteKinds, network.notes) {
            row("notes", round: "", kind.rawValue, note)
        }
        return out
    }

    /// A capacity answer as a field: the choice id, a count (small counts hidden as `<N`), or empty.
    static func text(_ value: JSONValue, threshold: Int) -> String {
        if let number = value.number {
            return number > 0 && number < Double(threshold) ? "<\(threshold)" : number.compactText
        }
        return value.string ?? ""
    }
}
