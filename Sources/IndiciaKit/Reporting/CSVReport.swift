/// The screening statistics as one tidy CSV table in long format (RFC 4180), for a spreadsheet:
/// one row per published count.
///
/// Columns: `table`, `row`, `column` (the labels as printed), `quarter`, `level`, `area`, `type`,
/// `organisation`, `action`, `judgement`, `indicator` (the category ids the count fixes; empty means every
/// category, i.e. a total), `count` (empty when hidden) and `hidden` (`yes` or `no`). Filter on
/// `table` to get one table; a pivot table on the id columns rebuilds it.
public enum CSVReport {
    /// The id columns, in order.
    static let idColumns = ["quarter", "level", "area", "type", "organisation", "action", "judgement", "indicator"]

    /// Renders the report's screening statistics, or, for a report of training-needs results only,
    /// the training table (``TrainingCSV``). One CSV file holds one table: a report with both kinds
    /// of result is refused by `indicia report --format csv` before this is called.
    ///
    /// - Parameter report: The report.
    /// - Returns: CSV text with CRLF line ends.
    public static func render(_ report: NetworkReport) -> String {
        if report.screening.isEmpty && !report.training.isEmpty { return TrainingCSV.render(report) }
        var out = (["pack", "table", "row", "column"] + idColumns + ["count", "hidden"]).joined(separator: ",") + "\r\n"
        for statistics in report.screening {
            let typeIDs = Set(statistics.dimensions.filter { $0.categories.map(\.id) == ["yes", "no"] && !$0.id.hasPrefix("indicator_") }.map(\.id))
            for table in statistics.tables {
                for (r, row) in table.rows.enumerated() {
                    for (c, column) in table.columns.enumerated() {
                        var ids = [String: String]()
                        for coordinate in row.coordinates + column.coordinates {
                            if typeIDs.contains(coordinate.dimension) {
                                ids["type"] = coordinate.dimension
                            } else if coordinate.dimension.hasPrefix("indicator_") {
                                ids["indicator"] = String(coordinate.dimension.dropFirst("indicator_".count))
                            } else {
                                ids[coordinate.dimension] = coordinate.category
                            }
                        }
                        let count = table.counts[r][c]
                        let fields =
                            [statistics.title, table.id, row.label, column.label] + idColumns.map { ids[$0] ?? "" } + [
                                count.map(String.init) ?? "", count == nil ? "yes" : "no",
                            ]
                        out += fields.map(field).joined(separator: ",") + "\r\n"
                    }
                }
            }
        }
        return out
    }

    /// One field, quoted when it holds a comma, quote or line break. A field starting with `=`,
    /// `+`, `-` or `@` is prefixed with `'` so a spreadsheet never runs it as a formula.
    static func field(_ text: String) -> String {
        var text = text
        if let first = text.first, "=+-@".contains(first) { text = "'" + text }
        guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return text }
        return "\"" + String(text.flatMap { $0 == "\"" ? ["\"", "\""] : [$0] }) + "\""
    }
}
