/// The training part of the network report as JSON members (ids as keys, labels beside them).
public enum TrainingJSON {
    /// The members the training part adds to the report object.
    ///
    /// - Parameters:
    ///   - network: The training picture.
    ///   - labels: Labels from the pack.
    ///   - suppressBelow: Referral counts from 1 to this minus 1 are given as the string "<N".
    /// - Returns: Members in a fixed order.
    public static func members(_ network: TrainingNetwork, labels: TrainingLabels, suppressBelow: Int) -> [(String, JSONValue)] {
        func cell(_ cell: TrainingRecord.Cell) -> JSONValue {
            .object([
                ("rag", .string(cell.rag)), ("levels_short", .number(cell.gap)), ("percent_trained", .number(cell.coverage)),
                ("priority", .number(cell.priority)), ("staff_needing_training", .number(cell.staffNeeding)),
                ("level_required", .number(cell.required)),
            ])
        }
        func capacity(_ value: JSONValue) -> JSONValue {
            if let number = value.number, number > 0, number < Double(suppressBelow) { return .string("<\(suppressBelow)") }
            return value
        }
        let agencies = JSONValue.array(
            network.agencies.map { agency in
                .object([
                    ("agency", .string(agency.name)), ("agency_id", agency.agencyID.map { .number(Double($0)) } ?? .null),
                    ("assessed_on", agency.date.map(JSONValue.string) ?? .null),
                    ("sector", .string(agency.sector)), ("sector_label", .string(labels.sector(agency.sector))), ("overall", .string(agency.outcome)),
                    ("readiness_band", agency.readinessBand.map(JSONValue.string) ?? .null),
                    ("readiness_score", agency.readinessScore.map(JSONValue.number) ?? .null),
                    ("areas", .object(network.areas.compactMap { area in agency.cells[area].map { (area, cell($0)) } })),
                    ("capacities", .object(agency.capacities.map { ($0.id, capacity($0.value)) })),
                ])
            })
        var members: [(String, JSONValue)] = [
            ("areas", .object(network.areas.map { ($0, .string(labels.area($0))) })),
            ("agencies", agencies),
            (
                "priorities",
                .array(
                    network.priorities.map {
                        .object([
                            ("agency", .string($0.agency)), ("area", .string($0.areaLabel)), ("area_id", .string($0.area)),
                            ("priority", .number($0.score)), ("rag", .string($0.rag)), ("levels_short", .number($0.gap)),
                        ])
                    })
            ),
            (
                "staff_needing_training_by_level",
                .array(network.staffByLevel.map { .object([("level", .number(Double($0.level))), ("staff", .number(Double($0.staff)))]) })
            ),
            (
                "readiness",
                .array(
                    network.readinessCounts.map {
                        .object([("band", .string($0.band)), ("label", .string(labels.band($0.band))), ("agencies", .number(Double($0.agencies)))])
                    })
            ),
            ("capacities", .object(network.capacities.map { ($0, .string(labels.capacity($0))) })),
            (
                "capacity_holes",
                .object(zip(network.capacities, TrainingMarkdown.holeCounts(network)).map { ($0, $1.map { .number(Double($0)) } ?? .null) })
            ),
            (
                "rounds",
                .array(
                    network.rounds.map { round in
                        .object([
                            ("name", .string(round.name)), ("first", round.first.map(JSONValue.string) ?? .null),
                            ("last", round.last.map(JSONValue.string) ?? .null), ("agencies", .number(Double(round.agencies))),
                            ("red_cells", .number(Double(round.red))), ("amber_cells", .number(Double(round.amber))),
                            ("green_cells", .number(Double(round.green))), ("levels_short", .number(round.levelsShort)),
                            ("staff_needing_training", .number(round.staffNeeding)), ("revisions", .array(round.revisions.map(JSONValue.string))),
                        ])
                    })
            ),
        ]
        if network.comparesRounds {
            let changes = JSONValue.array(
                network.changes.map { change in
                    .object([
                        ("agency", .string(change.name)), ("agency_id", change.agencyID.map { .number(Double($0)) } ?? .null),
                        ("previous_round", change.previousRound.map { .string(network.rounds[$0].name) } ?? .null),
                        ("closed", .number(Double(change.count(.closed)))), ("opened", .number(Double(change.count(.opened)))),
                        ("stayed", .number(Double(change.count(.stayed)))),
                        (
                            "areas",
                            .object(
                                network.areas.compactMap { area in
                                    change.cells[area].map { cell in
                                        (
                                            area,
                                            .object([
                                                ("change", .string(cell.change.rawValue)),
                                                ("direction", cell.direction.map(JSONValue.string) ?? .null),
                                                ("before", cell.before.map { .string($0.rag) } ?? .null), ("after", .string(cell.after.rag)),
                                                ("levels_short_before", cell.before.map { .number($0.gap) } ?? .null),
                                                ("levels_short_after", .number(cell.after.gap)),
                                            ])
                                        )
                                    }
                                })
                        ),
                    ])
                })
            members.append(("changes", changes))
            members.append(
                (
                    "not_reassessed",
                    .array(
                        network.notReassessed.map {
                            .object([
                                ("agency", .string($0.name)), ("agency_id", $0.agencyID.map { .number(Double($0)) } ?? .null),
                                ("last_round", .string(network.rounds[$0.lastRound].name)),
                            ])
                        })
                ))
        }
        members.append(("training_notes", .array(network.notes.map(JSONValue.string))))
        return members
    }
}
