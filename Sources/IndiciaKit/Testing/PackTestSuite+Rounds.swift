extension PackTestSuite {
    /// Every name a round-comparison expectation gives must exist: rounds and agencies in the test,
    /// areas in the pack's results, and the pack must be one the training report reads.
    static func checkComparison(_ test: PackTest, pack: CompiledPack, _ bag: inout DiagnosticBag) {
        let rules = pack.rules
        guard rules.report?.kind == .training else {
            bag.error(
                .badValue,
                "test '\(test.id)' compares rounds, but rule set '\(rules.id)' has no report: block of kind training, so indicia report does not compare its results",
                at: test.mark)
            return
        }
        guard let expect = test.comparison, let rounds = test.rounds else { return }
        let roundNames = rounds.map(\.name)
        let agencyNames = Array(Set(rounds.flatMap { $0.agencies.map(\.id) })).sorted()
        let areas = rules.values.map(\.id).filter { $0.hasPrefix("rag_") }.map { String($0.dropFirst(4)) }
        func round(_ name: String, _ mark: SourceMark, allowNone: Bool = false) {
            guard !roundNames.contains(name), !(allowNone && name == "none") else { return }
            bag.error(
                .badValue,
                "test '\(test.id)' has no round '\(name)'\(Spelling.hint(for: name, among: roundNames)); its rounds are \(roundNames.joined(separator: ", "))",
                at: mark)
        }
        func agency(_ name: String, _ mark: SourceMark) {
            guard !agencyNames.contains(name) else { return }
            bag.error(.badValue, "no agency of test '\(test.id)' is called '\(name)'\(Spelling.hint(for: name, among: agencyNames))", at: mark)
        }
        for item in expect.order?.value ?? [] { round(item.value, item.mark) }
        for totals in expect.rounds { round(totals.round, totals.keyMark) }
        for item in expect.notReassessed?.value ?? [] { agency(item.value, item.mark) }
        for change in expect.agencies {
            agency(change.agency, change.keyMark)
            if let previous = change.previousRound { round(previous.value, previous.mark, allowNone: true) }
            for set in change.areas {
                for area in set.value where !areas.contains(area.value) {
                    bag.error(
                        .badValue,
                        "rule set '\(rules.id)' has no area '\(area.value)'\(Spelling.hint(for: area.value, among: areas)) (areas are the values rag_<area>)",
                        at: area.mark)
                }
            }
        }
    }
}
