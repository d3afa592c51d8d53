extension PackTestDecoder {
    /// A round-comparison test: `rounds:` (each `round:` with its `agencies:`) instead of `answers:`,
    /// and an `expect:` of ``PackTest/Comparison``.
    func decodeRoundTest(_ test: MappingReader, id: String?, situation: String?, _ bag: inout DiagnosticBag) -> PackTest? {
        for key in ["answers", "judgement"] where test.has(key) {
            bag.error(
                .keyNotAllowed,
                "'\(key)' does not apply to \(test.context), which compares rounds: each agency of each round gives its own answers",
                at: test.keyMark(key))
        }
        let rounds = decodeRounds(test, &bag)
        var comparison = PackTest.Comparison(mark: test.keyMark("expect"))
        if let node = test.node("expect") {
            comparison = decodeComparison(node, context: "'expect' of test '\(id ?? "?")'", &bag) ?? comparison
        } else {
            bag.error(.missingKey, "test '\(id ?? "?")' is missing required key 'expect' (what the comparison must show)", at: test.node.mark)
        }
        guard let id, let situation, let rounds else { return nil }
        var decoded = PackTest(id: id, situation: situation, answers: [], expect: PackTest.Expectation(mark: comparison.mark), mark: test.node.mark)
        decoded.rounds = rounds
        decoded.comparison = comparison
        return decoded
    }

    /// The rounds, in the order given. An agency `based_on` an earlier one (the latest entry before it
    /// with that id, in this round or an earlier one) starts from its answers; its own `answers`
    /// replace those, and `without` removes some.
    private func decodeRounds(_ test: MappingReader, _ bag: inout DiagnosticBag) -> [PackTest.Round]? {
        var rounds: [PackTest.Round] = []
        var names: [String: SourceMark] = [:]
        var earlier: [PackTest.Agency] = []
        var ok = true
        for node in test.list("rounds", required: true, &bag) {
            guard let reader = MappingReader(node, context: "a round of \(test.context)", keys: Self.roundKeys, sources: sources, bag: &bag),
                let name = reader.string("round", required: true, &bag)
            else {
                ok = false
                continue
            }
            if let first = names[name] {
                bag.error(.duplicateID, "round '\(name)' is already given at line \(first.line)", at: reader.keyMark("round"))
                ok = false
                continue
            }
            names[name] = reader.keyMark("round")
            var agencies: [PackTest.Agency] = []
            for item in reader.list("agencies", required: true, &bag) {
                guard let agency = decodeAgency(item, round: name, earlier: earlier, &bag) else {
                    ok = false
                    continue
                }
                agencies.append(agency)
                earlier.append(agency)
            }
            rounds.append(PackTest.Round(name: name, mark: node.mark, agencies: agencies))
        }
        return ok && !rounds.isEmpty ? rounds : nil
    }

    private func decodeAgency(_ node: YAMLNode, round: String, earlier: [PackTest.Agency], _ bag: inout DiagnosticBag) -> PackTest.Agency? {
        guard var reader = MappingReader(node, context: "an agency of round '\(round)'", keys: Self.agencyKeys, sources: sources, bag: &bag)
        else { return nil }
        guard let id = reader.string("id", required: true, &bag) else { return nil }
        reader.context = "agency '\(id)' of round '\(round)'"
        var answers: [PackTest.Answer] = []
        if let base = reader.string("based_on", &bag) {
            guard let found = earlier.last(where: { $0.id == base }) else {
                let ids = Array(Set(earlier.map(\.id))).sorted()
                bag.error(
                    .badValue,
                    "no agency '\(base)' comes before this one in the test\(Spelling.hint(for: base, among: ids)); based_on names an agency given earlier",
                    at: reader.node("based_on")?.mark ?? node.mark)
                return nil
            }
            answers = found.answers
        } else if !reader.has("answers") {
            bag.error(.missingKey, "agency '\(id)' of round '\(round)' is missing required key 'answers' (or 'based_on')", at: node.mark)
            return nil
        }
        guard let own = decodeAnswers(reader, required: false, &bag) else { return nil }
        for answer in own {
            if let index = answers.firstIndex(where: { $0.question == answer.question }) {
                answers[index] = answer
            } else {
                answers.append(answer)
            }
        }
        for (question, mark) in reader.identifierList("without", &bag) {
            guard let index = answers.firstIndex(where: { $0.question == question }) else {
                bag.error(.badValue, "agency '\(id)' has no answer to '\(question)' to leave out", at: mark)
                return nil
            }
            answers.remove(at: index)
        }
        return PackTest.Agency(id: id, mark: node.mark, answers: answers)
    }
}

extension PackTestDecoder {
    /// `expect:` of a round-comparison test: `order`, `rounds`, `agencies`, `not_reassessed`, `notes`.
    func decodeComparison(_ node: YAMLNode, context: String, _ bag: inout DiagnosticBag) -> PackTest.Comparison? {
        typealias Comparison = PackTest.Comparison
        guard let reader = MappingReader(node, context: context, keys: Comparison.keys, sources: sources, bag: &bag) else { return nil }
        var expect = Comparison(mark: node.mark)
        if reader.has("order") {
            expect.order = .init(key: "order", value: texts(reader, "order", &bag), mark: reader.keyMark("order"))
        }
        if reader.has("not_reassessed") {
            expect.notReassessed = .init(key: "not_reassessed", value: texts(reader, "not_reassessed", &bag), mark: reader.keyMark("not_reassessed"))
        }
        if reader.has("notes") {
            let kinds = reader.identifierList("notes", &bag).map { PackTest.Expectation.Marked(value: $0.0, mark: $0.1) }
            let known = TrainingNetwork.NoteKind.allCases.map(\.rawValue)
            for kind in kinds where !known.contains(kind.value) {
                bag.error(
                    .badValue,
                    "'\(kind.value)' is not a kind of note on the input\(Spelling.hint(for: kind.value, among: known)); the kinds are \(known.joined(separator: ", "))",
                    at: kind.mark)
            }
            expect.notes = .init(key: "notes", value: kinds, mark: reader.keyMark("notes"))
        }
        for (name, keyMark, value) in pairs(reader, "rounds", &bag) {
            guard let totals = MappingReader(value, context: "the totals of round '\(name)'", keys: Comparison.totalKeys, sources: sources, bag: &bag)
            else { continue }
            var figures: [Comparison.Keyed<Double>] = []
            for key in Comparison.totalKeys {
                guard let number = totals.number(key, &bag), let mark = totals.node(key)?.mark else { continue }
                figures.append(.init(key: key, value: number, mark: mark))
            }
            expect.rounds.append(.init(round: name, keyMark: keyMark, figures: figures))
        }
        for (name, keyMark, value) in pairs(reader, "agencies", &bag) {
            guard
                let change = MappingReader(
                    value, context: "the change of agency '\(name)'", keys: Comparison.changeKeys + ["previous_round"], sources: sources, bag: &bag)
            else { continue }
            var areas: [Comparison.Keyed<[PackTest.Expectation.Marked<String>]>] = []
            for key in Comparison.changeKeys where change.has(key) {
                let ids = change.identifierList(key, &bag).map { PackTest.Expectation.Marked(value: $0.0, mark: $0.1) }
                areas.append(.init(key: key, value: ids, mark: change.keyMark(key)))
            }
            // Each area has one change; better and worse are two exclusive kinds of "stayed".
            var seen: [String: String] = [:]
            var direction: [String: String] = [:]
            for set in areas {
                for area in set.value where ["better", "worse"].contains(set.key) {
                    if let other = direction[area.value], other != set.key {
                        bag.error(.contradictoryExpectation, "area '\(area.value)' is expected both in '\(other)' and in '\(set.key)'", at: area.mark)
                    }
                    direction[area.value] = set.key
                }
                for area in set.value where !["better", "worse"].contains(set.key) {
                    if let other = seen[area.value], other != set.key {
                        bag.error(.contradictoryExpectation, "area '\(area.value)' is expected both in '\(other)' and in '\(set.key)'", at: area.mark)
                    }
                    seen[area.value] = set.key
                }
            }
            var previous: PackTest.Expectation.Marked<String>?
            if let text = change.string("previous_round", &bag), let mark = change.node("previous_round")?.mark {
                previous = .init(value: text, mark: mark)
            }
            expect.agencies.append(.init(agency: name, keyMark: keyMark, areas: areas, previousRound: previous))
        }
        return expect
    }

    /// A list of names (round or agency names: any text).
    private func texts(_ reader: MappingReader, _ key: String, _ bag: inout DiagnosticBag) -> [PackTest.Expectation.Marked<String>] {
        reader.list(key, &bag).compactMap { item in
            guard case .scalar = item.content, let text = item.scalarText, item.resolved != .null else {
                bag.error(.wrongType, "items of '\(key)' in \(reader.context) must be names, not \(item.kindName)", at: item.mark)
                return nil
            }
            return .init(value: text, mark: item.mark)
        }
    }

    /// A mapping keyed by names (rounds, agencies), in file order.
    private func pairs(_ reader: MappingReader, _ key: String, _ bag: inout DiagnosticBag) -> [(String, SourceMark, YAMLNode)] {
        guard let node = reader.node(key) else { return [] }
        guard case .mapping(let pairs) = node.content else {
            bag.error(.wrongType, "'\(key)' in \(reader.context) must map names to what is expected, not \(node.kindName)", at: node.mark)
            return []
        }
        return pairs.compactMap { pair in
            guard let name = pair.key.scalarText else { return nil }
            return (name, pair.key.mark, pair.value)
        }
    }
}
