/// The screening part of the network report as JSON: every dimension with all its categories (so
/// a reader knows how the counts add up), then each table's cells with the categories they fix.
/// A hidden count is `null` with `"hidden": true`.
enum ScreeningJSON {
    static func value(_ statistics: ScreeningStatistics) -> JSONValue {
        func number(_ n: Int?) -> JSONValue { n.map { .number(Double($0)) } ?? .null }
        let dimensions = JSONValue.array(
            statistics.dimensions.map { dimension in
                .object([
                    ("id", .string(dimension.id)), ("title", .string(dimension.title)),
                    ("categories", .array(dimension.categories.map { .object([("id", .string($0.id)), ("label", .string($0.label))]) })),
                    (
                        "groups",
                        .array(
                            dimension.groups.map { group in
                                .object([
                                    ("id", .string(group.id)), ("label", .string(group.label)),
                                    ("members", .array(group.members.map(JSONValue.string))),
                                ])
                            })
                    ),
                ])
            })
        let tables = JSONValue.array(
            statistics.tables.map { table in
                var cells: [JSONValue] = []
                for (r, row) in table.rows.enumerated() {
                    for (c, column) in table.columns.enumerated() {
                        let coordinates = row.coordinates + column.coordinates
                        var members: [(String, JSONValue)] = [
                            ("row", .string(row.label)), ("column", .string(column.label)),
                            ("categories", .object(coordinates.map { ($0.dimension, .string($0.category)) })),
                            ("count", number(table.counts[r][c])),
                        ]
                        if table.counts[r][c] == nil { members.append(("hidden", .bool(true))) }
                        cells.append(.object(members))
                    }
                }
                return .object([("id", .string(table.id)), ("title", .string(table.title)), ("cells", .array(cells))])
            })
        return .object([
            ("title", .string(statistics.title)),
            ("screenings", number(statistics.screenings)),
            ("hidden_below", .number(Double(statistics.threshold))),
            ("from", statistics.from.map(JSONValue.string) ?? .null),
            ("to", statistics.to.map(JSONValue.string) ?? .null),
            ("left_out_without_date", .number(Double(statistics.undatedLeftOut))),
            ("left_out_outside_period", .number(Double(statistics.outsidePeriod))),
            ("dimensions", dimensions),
            ("tables", tables),
        ])
    }
}
