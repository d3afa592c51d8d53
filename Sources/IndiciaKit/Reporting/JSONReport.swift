/// The network report as JSON.
public enum JSONReport {
    /// Renders the report.
    ///
    /// - Parameter report: The report.
    /// - Returns: Indented JSON.
    public static func render(_ report: NetworkReport) -> String {
        let agencies = JSONValue.array(
            report.agencies.map { agency in
                .object([
                    ("agency", .string(agency.name)), ("sector", .string(agency.sector)), ("overall", .string(agency.outcome)),
                    ("readiness_band", agency.readinessBand.map(JSONValue.string) ?? .null),
                    ("readiness_score", agency.readinessScore.map(JSONValue.number) ?? .null),
                    (
                        "areas",
                        .object(
                            report.areas.indices.map { i in
                                (
                                    report.areas[i].id,
                                    .object([
                                        ("rag", .string(agency.rag[i])), ("levels_short", .number(agency.gap[i])),
                                        ("percent_trained", .number(agency.coverage[i])),
                                        ("priority", .number(agency.priority[i])), ("staff_needing_training", .number(agency.staffNeeding[i])),
                                        ("level_required", .number(agency.required[i])),
                                    ])
                                )
                            })
                    ),
                ])
            })
        let value = JSONValue.object([
            ("areas", .object(report.areas.map { ($0.id, .string($0.label)) })),
            ("agencies", agencies),
            (
                "priorities",
                .array(
                    report.priorities.map {
                        .object([
                            ("agency", .string($0.agency)), ("area", .string($0.area)), ("priority", .number($0.score)), ("rag", .string($0.rag)),
                            ("levels_short", .number($0.gap)),
                        ])
                    })
            ),
            (
                "staff_needing_training_by_level",
                .array(report.staffByLevel.map { .object([("level", .number(Double($0.level))), ("staff", .number(Double($0.staff)))]) })
            ),
            ("readiness", .array(report.readinessCounts.map { .object([("band", .string($0.band)), ("agencies", .number(Double($0.agencies)))]) })),
            ("screening", .array(report.screening.map(ScreeningJSON.value))),
            ("error_records", .number(Double(report.errorRecords))),
            ("other_records", .number(Double(report.otherRecords))),
            ("not_results", .number(Double(report.notResults))),
            ("not_json", .number(Double(report.notJSON))),
        ])
        return value.pretty
    }
}
