/// The network report as Markdown tables (also readable as plain text in a terminal).
public enum MarkdownReport {
    /// Renders the report.
    ///
    /// - Parameter report: The report.
    /// - Returns: Markdown.
    public static func render(_ report: NetworkReport) -> String {
        var out = ""
        if !report.agencies.isEmpty {
            out += "# Training needs across the network\n\n"
            out += "\(report.agencies.count) agencies. Cells show red/amber/green and how many levels short (R2 = red, 2 levels short).\n\n"
            out += "| Agency | Sector | " + report.areas.map(\.label).joined(separator: " | ") + " | Readiness |\n"
            out += "|---|---|" + String(repeating: "---|", count: report.areas.count) + "---|\n"
            for agency in report.agencies {
                let cells = agency.rag.indices.map { "\(agency.rag[$0].prefix(1).uppercased())\(Int(agency.gap[$0]))" }
                out += "| \(agency.name) | \(agency.sector) | " + cells.joined(separator: " | ") + " | \(agency.readinessBand ?? "") |\n"
            }
            out +=
                "\n## Priorities across the network (highest first)\n\n| # | Agency | Area | Priority | RAG | Levels short |\n|---:|---|---|---:|---|---:|\n"
            for (n, priority) in report.priorities.prefix(20).enumerated() {
                out +=
                    "| \(n + 1) | \(priority.agency) | \(priority.area) | \(priority.score.compactText) | \(priority.rag) | \(Int(priority.gap)) |\n"
            }
            out += "\n## Staff needing training (estimate), by level required\n\n| Level | Staff |\n|---|---:|\n"
            for (level, staff) in report.staffByLevel { out += "| \(level) | \(staff) |\n" }
            out += "\n## Readiness\n\n| Band | Agencies |\n|---|---:|\n"
            for (band, count) in report.readinessCounts { out += "| \(band.replacingUnderscores) | \(count) |\n" }
        }
        for statistics in report.screening {
            out += (out.isEmpty ? "" : "\n") + ScreeningMarkdown.render(statistics)
        }
        if out.isEmpty { out = "No results to report.\n" }
        if let leftOut = report.leftOut { out += "\n\(leftOut)\n" }
        return out
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
