/// The screening part of the network report as HTML: a time-series chart of screenings by quarter
/// (inline SVG), a heatmap of council areas by type of exploitation, and the other tables. No
/// scripts and nothing fetched, so the page works offline and can be attached to an email.
enum ScreeningHTML {
    static let style = """
        td.hidden{color:#505a5f;background:repeating-linear-gradient(45deg,#f3f2f1,#f3f2f1 4px,#fff 4px,#fff 8px)}
        tr.total th,tr.total td{font-weight:bold;border-top:2px solid #0b0c0c}
        svg text{font-family:system-ui,sans-serif}
        """

    static func render(_ statistics: ScreeningStatistics) -> String {
        let escape = HTMLReport.escape
        var html = "<h2>Screening evidence base (anonymised): \(escape(statistics.title))</h2>\n"
        html += "<p class=\"note\">\(escape(ScreeningMarkdown.summary(statistics)))</p>\n"
        if let trend = statistics.tables.first(where: { $0.id == "quarter_level" }) {
            html += "<h3>Screenings by quarter</h3>\n" + chart(trend)
        }
        for table in statistics.tables {
            html += "<h3>\(escape(table.title))</h3>\n" + render(table, heatmap: table.id == "area_type")
        }
        return html
    }

    /// A table; as a heatmap, each count in the body is shaded by its share of the largest count in its column.
    static func render(_ table: ScreeningStatistics.Table, heatmap: Bool) -> String {
        let escape = HTMLReport.escape
        var html = "<table id=\"\(escape(table.id))\"\(heatmap ? " class=\"heatmap\"" : "")><thead><tr><th>\(escape(table.rowTitle))</th>"
        html += table.columns.map { "<th>\(escape($0.label))</th>" }.joined() + "</tr></thead><tbody>\n"
        var largest = [Int](repeating: 0, count: table.columns.count)
        for (r, row) in table.rows.enumerated() where !row.isTotal {
            for (c, count) in table.counts[r].enumerated() { largest[c] = max(largest[c], count ?? 0) }
        }
        for (r, row) in table.rows.enumerated() {
            html += "<tr\(row.isTotal ? " class=\"total\"" : "")><th scope=\"row\">\(escape(row.label))</th>"
            for (c, count) in table.counts[r].enumerated() {
                guard let count else {
                    html +=
                        "<td class=\"num hidden\" data-table=\"\(escape(table.id))\" data-hidden=\"true\" title=\"hidden to protect small numbers\">"
                    html += "\(ScreeningStatistics.hiddenMark)</td>"
                    continue
                }
                var style = ""
                if heatmap && !row.isTotal && largest[c] > 0 && count > 0 {
                    let share = Double(count) / Double(largest[c])
                    let alpha = Int((0.12 + 0.78 * share) * 100)
                    style = " style=\"background:rgba(29,112,184,0.\(alpha < 10 ? "0" : "")\(min(alpha, 99)));\(share > 0.55 ? "color:#fff" : "")\""
                }
                html += "<td class=\"num\" data-table=\"\(escape(table.id))\" data-count=\"\(count)\"\(style)>\(count)</td>"
            }
            html += "</tr>\n"
        }
        return html + "</tbody></table>\n"
    }

    /// A line chart of screenings per quarter (the total column of the trend table). A hidden
    /// quarter breaks the line and is marked on the axis, never drawn as a value.
    static func chart(_ table: ScreeningStatistics.Table) -> String {
        let escape = HTMLReport.escape
        let quarters = table.rows.enumerated().filter { !$0.element.isTotal && $0.element.coordinates.first?.category != "not_known" }
        guard !quarters.isEmpty, let totalColumn = table.columns.indices.last else {
            return "<p class=\"note\">No dated screenings to chart.</p>\n"
        }
        let counts = quarters.map { table.counts[$0.offset][totalColumn] }
        let top = max(1, counts.compactMap { $0 }.max() ?? 1)
        let scale = niceCeiling(top)
        let width = 860
        let height = 300
        let left = 56
        let bottom = 250
        let plotTop = 20
        let step = quarters.count > 1 ? Double(width - left - 20) / Double(quarters.count - 1) : 0
        func x(_ i: Int) -> Int { left + Int(Double(i) * step) }
        func y(_ v: Int) -> Int { bottom - Int(Double(bottom - plotTop) * Double(v) / Double(scale)) }
        var svg =
            "<svg id=\"trend\" role=\"img\" aria-label=\"Screenings by quarter\" width=\"\(width)\" height=\"\(height)\" viewBox=\"0 0 \(width) \(height)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for tick in 0...4 {
            let value = scale * tick / 4
            svg += "<line x1=\"\(left)\" y1=\"\(y(value))\" x2=\"\(width - 10)\" y2=\"\(y(value))\" stroke=\"#ddd\"/>"
            svg += "<text x=\"\(left - 8)\" y=\"\(y(value) + 4)\" font-size=\"11\" text-anchor=\"end\">\(value)</text>\n"
        }
        // The line, broken where a quarter is hidden.
        var segment: [String] = []
        func flush() {
            if segment.count > 1 {
                svg += "<polyline fill=\"none\" stroke=\"#1d70b8\" stroke-width=\"2.5\" points=\"\(segment.joined(separator: " "))\"/>\n"
            }
            segment = []
        }
        for (i, count) in counts.enumerated() {
            if let count { segment.append("\(x(i)),\(y(count))") } else { flush() }
        }
        flush()
        for (i, entry) in quarters.enumerated() {
            let row = entry.element
            let id = escape(row.coordinates.first?.category ?? "")
            if let count = counts[i] {
                svg +=
                    "<circle class=\"point\" cx=\"\(x(i))\" cy=\"\(y(count))\" r=\"4\" fill=\"#1d70b8\" data-quarter=\"\(id)\" data-count=\"\(count)\"><title>\(escape(row.label)): \(count)</title></circle>"
            } else {
                svg +=
                    "<text class=\"hidden-point\" x=\"\(x(i))\" y=\"\(bottom - 6)\" font-size=\"10\" text-anchor=\"middle\" fill=\"#505a5f\" data-quarter=\"\(id)\">\(ScreeningStatistics.hiddenMark)</text>"
            }
            // Label every quarter when there are few, else the first quarter of each year.
            if quarters.count <= 8 || id.hasSuffix("Q1") || i == 0 {
                svg +=
                    "<text x=\"\(x(i))\" y=\"\(bottom + 18)\" font-size=\"11\" text-anchor=\"middle\">\(escape(id.replacingDashes))</text>"
            }
            svg += "\n"
        }
        svg += "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(width - 10)\" y2=\"\(bottom)\" stroke=\"#0b0c0c\"/>\n"
        svg += "<text x=\"\(left)\" y=\"\(height - 8)\" font-size=\"11\" fill=\"#505a5f\">Screenings per quarter (calendar quarters). "
        svg += "\(ScreeningStatistics.hiddenMark): hidden to protect small numbers.</text>\n"
        return svg + "</svg>\n"
    }

    /// A round number at or above `n` for the top of the axis.
    static func niceCeiling(_ n: Int) -> Int {
        var magnitude = 1
        while magnitude * 10 <= n { magnitude *= 10 }
        for multiple in [1, 2, 4, 5, 10] where multiple * magnitude >= n { return multiple * magnitude }
        return 10 * magnitude
    }
}
