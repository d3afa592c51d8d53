/// The network report as one self-contained HTML page: inline CSS and SVG, no scripts, works offline.
public enum HTMLReport {
    /// Renders the report.
    ///
    /// - Parameter report: The report.
    /// - Returns: HTML.
    public static func render(_ report: NetworkReport, title: String? = nil) -> String {
        let title =
            title
            ?? (report.agencies.isEmpty && !report.screening.isEmpty
                ? "Modern slavery screenings across the network: the evidence base" : "Modern slavery training needs across the network")
        var html = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escape(title))</title>
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <style>
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem;color:#1b1b1b;max-width:1200px}
            h1{font-size:1.6rem}h2{font-size:1.2rem;margin-top:2rem}
            table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #bbb;padding:.35rem .5rem;text-align:left;font-size:.9rem}
            th{background:#f0f0f0}td.num{text-align:right}
            td.red{background:#d4351c;color:#fff}td.amber{background:#ffdd00;color:#0b0c0c}td.green{background:#00703c;color:#fff}
            .note{color:#505a5f;font-size:.9rem}.key span{display:inline-block;padding:.1rem .5rem;margin-right:.5rem}
            \(ScreeningHTML.style)
            </style></head><body>
            <h1>\(escape(title))</h1>

            """
        if !report.agencies.isEmpty {
            html +=
                "<p class=\"note\">\(report.agencies.count) agencies. Each cell shows the red/amber/green band and how many levels the agency is short of the level its sector needs.</p>\n"
            html +=
                "<p class=\"key\"><span class=\"red\" style=\"background:#d4351c;color:#fff\">Red: act first</span><span style=\"background:#ffdd00\">Amber</span><span style=\"background:#00703c;color:#fff\">Green</span></p>\n"
            html += "<h2>Gaps by agency and area</h2>\n<table id=\"heatmap\"><thead><tr><th>Agency</th><th>Sector</th>"
            html += report.areas.map { "<th>\(escape($0.label))</th>" }.joined() + "<th>Readiness</th></tr></thead><tbody>\n"
            for agency in report.agencies {
                html += "<tr><th scope=\"row\">\(escape(agency.name))</th><td>\(escape(agency.sector))</td>"
                for (index, area) in report.areas.enumerated() {
                    let rag = agency.rag[index]
                    html +=
                        "<td class=\"\(escape(rag))\" data-agency=\"\(escape(agency.name))\" data-area=\"\(escape(area.id))\" data-rag=\"\(escape(rag))\" title=\"\(Int(agency.coverage[index]))% trained\">\(escape(rag.capitalizedWord)) · \(Int(agency.gap[index]))</td>"
                }
                html += "<td>\(escape((agency.readinessBand ?? "").replacingUnderscores))</td></tr>\n"
            }
            html += "</tbody></table>\n"
            html += "<h2>Top priorities across the network</h2>\n" + barChart(Array(report.priorities.prefix(12)))
            html += "<h2>Staff needing training (estimate), by level required</h2>\n<table id=\"staff\"><tr><th>Level</th><th>Staff</th></tr>"
            html += report.staffByLevel.map { "<tr><td>\($0.level)</td><td class=\"num\">\($0.staff)</td></tr>" }.joined() + "</table>\n"
            html += "<h2>Readiness</h2>\n<table id=\"readiness\"><tr><th>Band</th><th>Agencies</th></tr>"
            html +=
                report.readinessCounts.map { "<tr><td>\(escape($0.band.replacingUnderscores))</td><td class=\"num\">\($0.agencies)</td></tr>" }
                .joined() + "</table>\n"
        }
        for statistics in report.screening { html += ScreeningHTML.render(statistics) }
        if report.agencies.isEmpty && report.screening.isEmpty { html += "<p>No results to report.</p>\n" }
        if let leftOut = report.leftOut { html += "<p class=\"note\">\(escape(leftOut))</p>\n" }
        html +=
            "<p class=\"note\">Required levels, thresholds and weights are local policy for the network. Made by Indicia \(EngineVersion.current).</p>\n</body></html>\n"
        return html
    }

    private static func barChart(_ priorities: [NetworkReport.Priority]) -> String {
        guard let top = priorities.first?.score, top > 0 else { return "<p class=\"note\">No priorities: every area is green.</p>\n" }
        // Each label sits above its bar, so long agency names are never cut off.
        let rowHeight = 40
        let barWidth = 700
        var svg =
            "<svg id=\"priorities\" role=\"img\" aria-label=\"Ranked priorities\" width=\"\(barWidth + 80)\" height=\"\(priorities.count * rowHeight + 10)\" xmlns=\"http://www.w3.org/2000/svg\">\n"
        for (n, priority) in priorities.enumerated() {
            let y = n * rowHeight + 4
            let width = max(2, Int(Double(barWidth) * priority.score / top))
            let colour = priority.rag == "red" ? "#d4351c" : priority.rag == "amber" ? "#f47738" : "#00703c"
            svg += "<text x=\"0\" y=\"\(y + 13)\" font-size=\"13\">\(n + 1). \(escape(priority.agency)) — \(escape(priority.area))</text>"
            svg +=
                "<rect x=\"0\" y=\"\(y + 18)\" width=\"\(width)\" height=\"16\" fill=\"\(colour)\"><title>\(priority.score.compactText)</title></rect>"
            svg += "<text x=\"\(width + 6)\" y=\"\(y + 31)\" font-size=\"12\">\(priority.score.compactText)</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}

extension String {
    var capitalizedWord: String { prefix(1).uppercased() + dropFirst() }
}
