/// The training part of the network report as HTML (inline CSS and SVG, no scripts): the change
/// between rounds at a glance, the heatmap with change marks, ranked priorities in the legend's
/// colours, staff by level, capacities and readiness.
public enum TrainingHTML {
    /// The band colours, shared by the legend, the heatmap, the capacity table and the bars.
    static let colours = ["red": "#d4351c", "amber": "#ffdd00", "green": "#00703c"]

    /// CSS the training part needs (added to the page's style sheet).
    public static let style = """
        td.red{background:#d4351c;color:#fff}td.amber{background:#ffdd00;color:#0b0c0c}td.green{background:#00703c;color:#fff}
        td.unknown{background:#f3f2f1;color:#505a5f}td.mark{font-weight:bold}
        .key span{display:inline-block;padding:.1rem .5rem;margin-right:.5rem;border:1px solid #bbb}
        .changed{outline:3px solid #0b0c0c;outline-offset:-3px}
        """

    /// Renders the training part.
    ///
    /// - Parameters:
    ///   - network: The training picture.
    ///   - labels: Labels and explanations from the pack.
    ///   - suppressBelow: Referral counts from 1 to this minus 1 are shown as "<N".
    /// - Returns: HTML.
    public static func render(_ network: TrainingNetwork, labels: TrainingLabels, suppressBelow: Int) -> String {
        guard let latest = network.rounds.last else { return "" }
        var html = ""
        let round = network.comparesRounds ? " Latest round: \(escape(latest.title))." : latest.dates.map { " Agencies \(escape($0))." } ?? ""
        html += "<p class=\"note\">\(network.agencyCount).\(round)</p>\n"
        html += "<p class=\"key\"><span class=\"red\" style=\"background:#d4351c;color:#fff\">Red: act first</span>"
        html += "<span style=\"background:#ffdd00;color:#0b0c0c\">Amber: a gap to plan for</span>"
        html += "<span style=\"background:#00703c;color:#fff\">Green: at the required level</span></p>\n"
        html += "<p class=\"note\" id=\"legend\">\(escape(labels.cellLegend))</p>\n"
        if let note = labels.notes["coverage"] { html += "<p class=\"note\" id=\"coverage-note\">\(escape(note))</p>\n" }
        if network.comparesRounds { html += changes(network, labels: labels) }
        html += "<h2>Gaps by agency and area\(network.comparesRounds ? ", " + escape(latest.title) : "")</h2>\n"
        if network.comparesRounds {
            html +=
                "<p class=\"note\">Marks show the change since each agency's previous assessment: ✓ closed, ✗ opened, ▲ better but still open, ▼ worse, = unchanged, + not assessed before. Cells that changed band are outlined; hover a cell for before and after.</p>\n"
        }
        html += "<table id=\"heatmap\"><thead><tr><th>Agency</th><th>Kind of agency</th>"
        html += network.areas.map { "<th>\(escape(labels.area($0)))</th>" }.joined() + "<th>Readiness</th></tr></thead><tbody>\n"
        for agency in network.agencies {
            let change = network.change(of: agency.name)
            html += "<tr><th scope=\"row\">\(escape(agency.name))</th><td>\(escape(labels.sector(agency.sector)))</td>"
            for area in network.areas {
                guard let cell = agency.cells[area] else {
                    html += "<td></td>"
                    continue
                }
                var title = "\(Int(cell.coverage))% trained within the refresher period; level \(cell.required.compactText) required"
                var extra = ""
                var mark = ""
                if let cellChange = change?.cells[area] {
                    mark = TrainingMarkdown.symbol(cellChange)
                    title += "; " + TrainingMarkdown.describe(cellChange)
                    extra = " data-change=\"\(cellChange.change.rawValue)\""
                    if let before = cellChange.before, before.rag != cell.rag { extra += " data-before=\"\(escape(before.rag))\"" }
                }
                let changed = extra.contains("data-before") ? " changed" : ""
                html +=
                    "<td class=\"\(escape(cell.rag))\(changed)\" data-agency=\"\(escape(agency.name))\" data-area=\"\(escape(area))\" data-rag=\"\(escape(cell.rag))\"\(extra) title=\"\(escape(title))\">\(escape(cell.rag.capitalizedWord)) · \(cell.gap.compactText)\(mark.isEmpty ? "" : " <b>\(mark)</b>")</td>"
            }
            html += "<td>\(escape(agency.readinessBand.map { labels.band($0) } ?? ""))</td></tr>\n"
        }
        html += "</tbody></table>\n"
        html += "<h2>Top priorities across the network</h2>\n"
        if let note = labels.notes["priority"] { html += "<p class=\"note\" id=\"priority-note\">\(escape(note))</p>\n" }
        html += barChart(Array(network.priorities.prefix(12)))
        html += "<h2>Staff needing training (estimate), by level required</h2>\n"
        if let note = labels.notes["staff"] { html += "<p class=\"note\">\(escape(note))</p>\n" }
        html += "<table id=\"staff\"><tr><th>Level</th><th>Staff</th></tr>"
        html += network.staffByLevel.map { "<tr><td>\($0.level)</td><td class=\"num\">\($0.staff)</td></tr>" }.joined() + "</table>\n"
        html += capacities(network, labels: labels, suppressBelow: suppressBelow)
        html += "<h2>Readiness</h2>\n<table id=\"readiness\"><tr><th>Band</th><th>Agencies</th></tr>"
        html += network.readinessCounts.map { "<tr><td>\(escape(labels.band($0.band)))</td><td class=\"num\">\($0.agencies)</td></tr>" }.joined()
        html += "</table>\n"
        if !network.notes.isEmpty {
            html += "<h2>Notes on the input</h2>\n<ul id=\"problems\">" + network.notes.map { "<li>\(escape($0))</li>" }.joined() + "</ul>\n"
        }
        return html
    }

    private static func changes(_ network: TrainingNetwork, labels: TrainingLabels) -> String {
        let previous = network.rounds[network.rounds.count - 2]
        let closed = network.changes.map { $0.count(.closed) }.reduce(0, +)
        let opened = network.changes.map { $0.count(.opened) }.reduce(0, +)
        let stayed = network.changes.map { $0.count(.stayed) }.reduce(0, +)
        var html = "<h2>Change between rounds</h2>\n"
        html +=
            "<p class=\"note\">Since round \(escape(previous.title)): <strong>\(closed) \(closed == 1 ? "gap" : "gaps") closed</strong>, <strong>\(opened) opened</strong>, \(stayed) stayed open. A gap is closed when a red or amber cell has turned green.</p>\n"
        // One bar per round: its cells by band, so the shift from red to green shows at a glance.
        // The round's name goes above its bar (as in the priorities chart): a file name with its
        // dates is wider than any fixed margin beside the bar.
        let width = 600
        let rowHeight = 46
        var svg =
            "<svg id=\"rounds\" role=\"img\" aria-label=\"Cells by band in each round\" width=\"\(width + 20)\" height=\"\(network.rounds.count * rowHeight + 6)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for (n, round) in network.rounds.enumerated() {
            let total = max(1, round.red + round.amber + round.green)
            var x = 0
            let y = n * rowHeight + 4
            svg += "<text x=\"0\" y=\"\(y + 13)\" font-size=\"13\">\(escape(round.title))</text>"
            for (band, count) in [("red", round.red), ("amber", round.amber), ("green", round.green)] where count > 0 {
                let w = max(1, width * count / total)
                svg +=
                    "<rect x=\"\(x)\" y=\"\(y + 18)\" width=\"\(w)\" height=\"24\" fill=\"\(colours[band] ?? "#bbb")\"><title>\(band): \(count) cells</title></rect>"
                if w > 28 {
                    svg +=
                        "<text x=\"\(x + 6)\" y=\"\(y + 35)\" font-size=\"12\" fill=\"\(band == "amber" ? "#0b0c0c" : "#fff")\">\(count)</text>"
                }
                x += w
            }
            svg += "\n"
        }
        html += svg + "</svg>\n"
        html += "<table id=\"round-totals\"><tr><th>Round</th><th>Agencies</th><th>Red cells</th><th>Amber cells</th><th>Green cells</th>"
        html += "<th>Levels short</th><th>Staff needing training</th></tr>"
        for round in network.rounds {
            html +=
                "<tr><td>\(escape(round.title))</td><td class=\"num\">\(round.agencies)</td><td class=\"num\">\(round.red)</td><td class=\"num\">\(round.amber)</td><td class=\"num\">\(round.green)</td><td class=\"num\">\(round.levelsShort.compactText)</td><td class=\"num\">\(round.staffNeeding.compactText)</td></tr>"
        }
        let joined = network.changes.filter { $0.previousRound == nil }.count
        html +=
            "</table>\n<p class=\"note\">Round totals count every agency assessed in that round (\(joined) joined in the latest round; \(network.notReassessed.count) not re-assessed).</p>\n"
        html += "<table id=\"changes\"><tr><th>Agency</th><th>Closed</th><th>Opened</th><th>Stayed open</th></tr>"
        for change in network.changes {
            if change.previousRound == nil {
                html += "<tr><td>\(escape(change.name))</td><td colspan=\"3\">new: not assessed in an earlier round</td></tr>"
            } else {
                html +=
                    "<tr><td>\(escape(change.name))</td><td class=\"num\">\(change.count(.closed))</td><td class=\"num\">\(change.count(.opened))</td><td class=\"num\">\(change.count(.stayed))</td></tr>"
            }
        }
        html += "</table>\n"
        if !network.notReassessed.isEmpty {
            html +=
                "<p class=\"note\" id=\"not-reassessed\">Not re-assessed in the latest round: "
                + network.notReassessed.map { "\(escape($0.name)) (last assessed in \(escape(network.rounds[$0.lastRound].title)))" }
                .joined(separator: "; ") + ".</p>\n"
        }
        return html
    }

    private static func capacities(_ network: TrainingNetwork, labels: TrainingLabels, suppressBelow: Int) -> String {
        guard !network.capacities.isEmpty else { return "" }
        var html = "<h2>What each agency can do for a potential victim</h2>\n"
        html +=
            "<p class=\"note\">Who can do what, and where the holes are: green yes, amber partly, red no. Referral counts from 1 to \(suppressBelow - 1) are shown as &lt;\(suppressBelow).</p>\n"
        html +=
            "<table id=\"capacities\"><tr><th>Agency</th>" + network.capacities.map { "<th>\(escape(labels.capacity($0)))</th>" }.joined() + "</tr>\n"
        for agency in network.agencies {
            html += "<tr><th scope=\"row\">\(escape(agency.name))</th>"
            for id in network.capacities {
                let value = agency.capacities.first { $0.id == id }?.value ?? .null
                let css: String
                switch value.string {
                case "yes"?: css = "green"
                case "partly"?: css = "amber"
                case "no"?: css = "red"
                case nil where value.number != nil: css = "num"
                default: css = "unknown"
                }
                html +=
                    "<td class=\"\(css)\" data-capacity=\"\(escape(id))\">\(escape(TrainingMarkdown.capacityText(value, suppressBelow: suppressBelow)))</td>"
            }
            html += "</tr>\n"
        }
        html += "<tr><th scope=\"row\">Agencies without it</th>"
        html += TrainingMarkdown.holeCounts(network).map { "<td class=\"num mark\">\($0.map(String.init) ?? "")</td>" }.joined() + "</tr>\n"
        return html + "</table>\n"
    }

    private static func barChart(_ priorities: [TrainingNetwork.Priority]) -> String {
        guard let top = priorities.first?.score, top > 0 else { return "<p class=\"note\">No priorities: every area is green.</p>\n" }
        // Each label sits above its bar, so long agency names are never cut off.
        let rowHeight = 40
        let barWidth = 700
        var svg =
            "<svg id=\"priorities\" role=\"img\" aria-label=\"Ranked priorities\" width=\"\(barWidth + 80)\" height=\"\(priorities.count * rowHeight + 10)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for (n, priority) in priorities.enumerated() {
            let y = n * rowHeight + 4
            let width = max(2, Int(Double(barWidth) * priority.score / top))
            let colour = colours[priority.rag] ?? "#505a5f"
            svg += "<text x=\"0\" y=\"\(y + 13)\" font-size=\"13\">\(n + 1). \(escape(priority.agency)) — \(escape(priority.areaLabel))</text>"
            svg +=
                "<rect x=\"0\" y=\"\(y + 18)\" width=\"\(width)\" height=\"16\" fill=\"\(colour)\" stroke=\"#505a5f\" stroke-width=\"0.5\" data-rag=\"\(escape(priority.rag))\"><title>\(escape(priority.rag)): \(priority.score.compactText)</title></rect>"
            svg += "<text x=\"\(width + 6)\" y=\"\(y + 31)\" font-size=\"12\">\(priority.score.compactText)</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func escape(_ text: String) -> String { HTMLReport.escape(text) }
}
