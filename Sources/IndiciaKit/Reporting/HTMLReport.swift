/// The network report as one self-contained HTML page: inline CSS and SVG, no scripts, works offline.
public enum HTMLReport {
    /// Renders the report.
    ///
    /// - Parameter report: The report.
    /// - Returns: HTML.
    public static func render(_ report: NetworkReport, title: String? = nil) -> String {
        let title =
            title
            ?? (report.training.isEmpty && !report.screening.isEmpty
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
            .note{color:#505a5f;font-size:.9rem}
            \(TrainingHTML.style)
            \(ScreeningHTML.style)
            </style></head><body>
            <h1>\(escape(title))</h1>

            """
        if !report.training.isEmpty {
            html += TrainingHTML.render(report.training, labels: report.trainingLabels, suppressBelow: report.suppressionThreshold)
        }
        for statistics in report.screening { html += ScreeningHTML.render(statistics) }
        if report.training.isEmpty && report.screening.isEmpty { html += "<p>No results to report.</p>\n" }
        if let leftOut = report.leftOut { html += "<p class=\"note\">\(escape(leftOut))</p>\n" }
        html +=
            "<p class=\"note\">Required levels, thresholds and weights are local policy for the network. Made by Indicia \(EngineVersion.current).</p>\n</body></html>\n"
        return html
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
