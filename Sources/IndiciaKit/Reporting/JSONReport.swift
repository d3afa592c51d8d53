/// The network report as JSON.
public enum JSONReport {
    /// Renders the report.
    ///
    /// - Parameter report: The report.
    /// - Returns: Indented JSON.
    public static func render(_ report: NetworkReport) -> String {
        let value = JSONValue.object(
            TrainingJSON.members(report.training, labels: report.trainingLabels, suppressBelow: report.suppressionThreshold) + [
                ("screening", .array(report.screening.map(ScreeningJSON.value))),
                ("error_records", .number(Double(report.errorRecords))),
                ("other_records", .number(Double(report.otherRecords))),
                ("not_results", .number(Double(report.notResults))),
                ("not_json", .number(Double(report.notJSON))),
            ])
        return value.pretty
    }
}
