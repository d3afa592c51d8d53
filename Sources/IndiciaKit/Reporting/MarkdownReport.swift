/// The network report as Markdown tables (also readable as plain text in a terminal).
public enum MarkdownReport {
    /// Renders the report.
    ///
    /// - Parameter report: The report.
    /// - Returns: Markdown.
    public static func render(_ report: NetworkReport) -> String {
        var out = ""
        if !report.training.isEmpty {
            out += TrainingMarkdown.render(report.training, labels: report.trainingLabels, suppressBelow: report.suppressionThreshold)
        }
        for statistics in report.screening {
            out += (out.isEmpty ? "" : "\n") + ScreeningMarkdown.render(statistics)
        }
        if out.isEmpty { out = "No results to report.\n" }
        if let leftOut = report.leftOut { out += "\n\(leftOut)\n" }
        return out
    }
}
