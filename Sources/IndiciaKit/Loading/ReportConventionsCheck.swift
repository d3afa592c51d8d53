/// Checks a rule set's `report:` block against the pack: every name it gives must be an output
/// value of the right type, a question or a table, so the network report never meets a surprise.
struct ReportConventionsCheck {
    let questionnaire: Questionnaire
    let rules: RuleSet
    /// The type of each value, as the compiler worked it out (nil for a value that failed to compile).
    let valueType: (String) -> ExprType?

    func check(_ bag: inout DiagnosticBag) {
        guard let report = rules.report else { return }
        func mark(_ key: String) -> SourceMark { report.marks[key] ?? report.mark }
        let notFor: [String] =
            report.kind == .screening
            ? ["areas", "readiness", "readiness_score", "agency", "capacities", "bands", "notes", "policy"] : ["area", "action", "types"]
        for key in notFor {
            let present: Bool
            switch key {
            case "areas": present = report.areas != nil
            case "readiness": present = report.readiness != nil
            case "readiness_score": present = report.readinessScore != nil
            case "agency": present = report.agency != nil
            case "capacities": present = report.capacities != nil
            case "bands": present = report.bands != nil
            case "notes": present = report.notes != nil
            case "policy": present = report.policy != nil
            case "area": present = report.area != nil
            case "action": present = report.action != nil
            default: present = !report.types.isEmpty
            }
            if present {
                bag.error(
                    .keyNotAllowed, "'\(key)' does not apply to a report of kind '\(report.kind.rawValue)'",
                    at: report.marks[key] ?? report.area?.mark ?? report.action?.mark ?? report.mark)
            }
        }
        if let date = report.date { expectValue(date, role: "date", type: "a date", at: mark("date"), &bag) { $0 == .date } }
        for id in report.types {
            expectValue(id, role: "types", type: "yes/no", at: mark("types.\(id)"), &bag) { $0 == .bool }
        }
        if let readiness = report.readiness {
            expectValue(readiness, role: "readiness", type: "text", at: mark("readiness"), &bag) {
                if case .symbol = $0 { return true }
                return false
            }
        }
        if let score = report.readinessScore {
            expectValue(score, role: "readiness_score", type: "a number", at: mark("readiness_score"), &bag) { $0 == .number }
        }
        if let agency = report.agency { expectValue(agency, role: "agency", type: "a number", at: mark("agency"), &bag) { $0 == .number } }
        for (key, table) in [("bands", report.bands), ("notes", report.notes), ("policy", report.policy)] {
            guard let table else { continue }
            if !rules.tables.contains(where: { $0.id == table && $0.columns.isEmpty }) {
                bag.error(
                    .badReport,
                    "'\(key)' in the report block must name a one-column table; '\(table)' is not one\(Spelling.hint(for: table, among: rules.tables.map(\.id)))",
                    at: mark(key))
            }
        }
        if let capacities = report.capacities {
            if let table = rules.tables.first(where: { $0.id == capacities.labels }), table.columns.isEmpty {
                for row in table.rows {
                    let id = capacities.prefix + row.key
                    if !rules.values.contains(where: { $0.id == id && $0.output }) {
                        bag.error(
                            .badReport, "'capacities' in the report block needs an output value '\(id)' for row '\(row.key)' of table '\(table.id)'",
                            at: row.mark)
                    }
                }
            } else {
                bag.error(
                    .badReport,
                    "'labels' of 'capacities' in the report block must name a one-column table of capacity ids and labels; '\(capacities.labels)' is not one",
                    at: mark("capacities.labels"))
            }
        }
        for (key, dimension) in [("area", report.area), ("organisation", report.organisation), ("action", report.action)] {
            guard let dimension else { continue }
            let labels = labelIDs(dimension.labels)
            if labels == nil {
                bag.error(
                    .badReport,
                    "'labels' of '\(key)' in the report block must name a single-choice question or a one-column table; '\(dimension.labels)' is neither",
                    at: mark(key + ".labels"))
            }
            var possible: Set<String>?
            expectValue(dimension.value, role: key, type: "a choice", at: dimension.mark, &bag) {
                if case .symbol(let ids) = $0 {
                    possible = ids
                    return true
                }
                return false
            }
            if let labels, let possible {
                let unlabelled = possible.subtracting(labels).sorted()
                if !unlabelled.isEmpty {
                    bag.error(
                        .badReport,
                        "'\(dimension.labels)' gives no label for \(unlabelled.map { "'\($0)'" }.joined(separator: ", ")), which value '\(dimension.value)' can take",
                        at: mark(key + ".labels"))
                }
            }
            if key == "action", let labels {
                for id in report.nrmActions where !labels.contains(id) {
                    bag.error(
                        .badReport,
                        "'nrm' names '\(id)', which is not one of the actions in '\(dimension.labels)'\(Spelling.hint(for: id, among: Array(labels)))",
                        at: mark("nrm.\(id)"))
                }
            }
        }
        if let areas = report.areas {
            guard let table = rules.tables.first(where: { $0.id == areas }), table.columns.isEmpty else {
                bag.error(
                    .badReport, "'areas' in the report block must name a one-column table of area ids and labels; '\(areas)' is not one",
                    at: mark("areas"))
                return
            }
            for row in table.rows {
                for measure in ReportConventions.trainingMeasures {
                    let id = "\(measure)_\(row.key)"
                    guard let value = rules.values.first(where: { $0.id == id }), value.output else {
                        bag.error(
                            .badReport, "a training report needs an output value '\(id)' for area '\(row.key)' of table '\(areas)'",
                            at: row.mark)
                        continue
                    }
                }
            }
        }
    }

    /// The ids a `labels:` name gives labels for: a single-choice question's choices or a
    /// one-column table's row keys.
    private func labelIDs(_ name: String) -> Set<String>? {
        if let question = questionnaire.questions.first(where: { $0.id == name }), case .singleChoice(let choices) = question.kind {
            return Set(choices.map(\.id))
        }
        if let table = rules.tables.first(where: { $0.id == name }), table.columns.isEmpty {
            return Set(table.rows.map(\.key))
        }
        return nil
    }

    private func expectValue(
        _ id: String, role: String, type: String, at mark: SourceMark, _ bag: inout DiagnosticBag, _ fits: (ExprType) -> Bool
    ) {
        guard let value = rules.values.first(where: { $0.id == id }) else {
            bag.error(
                .badReport,
                "'\(role)' in the report block names '\(id)', which is not a value\(Spelling.hint(for: id, among: rules.values.map(\.id)))",
                at: mark)
            return
        }
        guard value.output else {
            bag.error(
                .badReport, "value '\(id)' named by '\(role)' in the report block must have output: true, or results will not carry it", at: mark)
            return
        }
        guard let actual = valueType(id) else { return }
        if !fits(actual) {
            bag.error(.badReport, "value '\(id)' named by '\(role)' in the report block must be \(type), not \(actual.name)", at: mark)
        }
    }
}
