/// The screening part of the network report as Markdown tables.
enum ScreeningMarkdown {
    static func render(_ statistics: ScreeningStatistics) -> String {
        var out = "# Screening evidence base (anonymised): \(statistics.title)\n\n"
        out += summary(statistics) + "\n"
        for table in statistics.tables {
            out += "\n## \(table.title)\n\n"
            out += "| \(cell(table.rowTitle)) | " + table.columns.map { cell($0.label) }.joined(separator: " | ") + " |\n"
            out += "|---|" + String(repeating: "---:|", count: table.columns.count) + "\n"
            for (r, row) in table.rows.enumerated() {
                let label = row.isTotal ? "**\(cell(row.label))**" : cell(row.label)
                out += "| \(label) | " + table.counts[r].map(show).joined(separator: " | ") + " |\n"
            }
        }
        return out
    }

    /// The sentences above the tables: what is counted, the period, how small numbers are hidden,
    /// and what was left out by the period.
    static func summary(_ statistics: ScreeningStatistics) -> String {
        var text = statistics.screenings.map { $0 == 1 ? "1 screening" : "\($0) screenings" } ?? "A small number of screenings"
        switch (statistics.from, statistics.to) {
        case (let from?, let to?): text += " dated from \(from) to \(to)"
        case (let from?, nil): text += " dated from \(from)"
        case (nil, let to?): text += " dated up to \(to)"
        case (nil, nil): break
        }
        text += ". Dates are shown only as quarters. "
        if statistics.threshold > 1 {
            text += "\(ScreeningStatistics.hiddenMark) marks a count hidden because it is from 1 to "
            text += "\(statistics.threshold - 1), or because it would let someone work one out from the totals."
        } else {
            // --suppress 1 hides nothing: said plainly, because such a report must not be shared.
            text += "No count is hidden (--suppress 1): small counts can identify people, so do not share this report."
        }
        var leftOut: [String] = []
        if statistics.undatedLeftOut > 0 { leftOut.append("\(statistics.undatedLeftOut) without a date") }
        if statistics.outsidePeriod > 0 { leftOut.append("\(statistics.outsidePeriod) dated outside the period") }
        if !leftOut.isEmpty { text += " Screenings left out by the period: " + leftOut.joined(separator: ", ") + "." }
        return text
    }

    static func show(_ count: Int?) -> String { count.map(String.init) ?? ScreeningStatistics.hiddenMark }

    /// Text safe inside a Markdown table cell.
    static func cell(_ text: String) -> String {
        String(text.flatMap { $0 == "|" ? ["\\", "|"] : $0 == "\n" ? [" "] : [$0] })
    }
}
