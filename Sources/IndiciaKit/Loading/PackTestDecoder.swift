/// Decodes a `kind: tests` file into a ``PackTestFile``: its shape only (keys, types, ids).
///
/// Whether the ids exist and the answers are ones the questionnaire accepts is checked against the
/// compiled pack by ``PackTestSuite``.
struct PackTestDecoder {
    let sources: SourceText

    static let keys = ["version", "kind", "id", "rules", "title", "tests"]
    static let testKeys = ["id", "situation", "answers", "judgement", "rounds", "expect"]
    static let roundKeys = ["round", "agencies"]
    static let agencyKeys = ["id", "based_on", "answers", "without"]
    static let expectKeys = [
        "outcome", "level", "urgent", "judgement_raised", "indicators", "not_indicators", "next_steps", "not_next_steps", "values", "scores",
    ]

    func decode(_ root: YAMLNode, path: String, _ bag: inout DiagnosticBag) -> PackTestFile? {
        guard let reader = MappingReader(root, context: "test file", keys: Self.keys, sources: sources, bag: &bag) else { return nil }
        let header = FileHeader.read(reader, revisionRequired: false, &bag)
        let rulesID = reader.identifier("rules", pattern: .fileID, &bag)
        guard let header else { return nil }
        var seen: [String: SourceMark] = [:]
        var tests: [PackTest] = []
        for node in reader.list("tests", required: true, &bag) {
            guard let test = decodeTest(node, &bag) else { continue }
            if let first = seen[test.id] {
                bag.error(.duplicateID, "test id '\(test.id)' is already used at line \(first.line)", at: test.mark)
                continue
            }
            seen[test.id] = test.mark
            tests.append(test)
        }
        guard header.kind == "tests", let rulesID else { return nil }
        return PackTestFile(
            id: header.id, rulesID: rulesID, rulesMark: reader.node("rules")?.mark ?? root.mark, title: header.title, tests: tests, path: path,
            mark: root.mark)
    }

    private func decodeTest(_ node: YAMLNode, _ bag: inout DiagnosticBag) -> PackTest? {
        var written: String?
        if case .mapping(let pairs) = node.content { written = pairs.first { $0.key.scalarText == "id" }?.value.scalarText }
        let context = written.map { "test '\($0)'" } ?? "test"
        guard let test = MappingReader(node, context: context, keys: Self.testKeys, sources: sources, bag: &bag) else { return nil }
        let id = test.identifier("id", &bag)
        let situation = test.string("situation", required: true, &bag)
        if test.has("rounds") { return decodeRoundTest(test, id: id, situation: situation, &bag) }
        let answers = decodeAnswers(test, &bag)
        var expect = PackTest.Expectation(mark: test.keyMark("expect"))
        if let expectNode = test.node("expect") {
            expect = decodeExpectation(expectNode, context: "'expect' of test '\(id ?? "?")'", &bag) ?? expect
        } else {
            bag.error(.missingKey, "test '\(id ?? "?")' is missing required key 'expect' (what the result must show)", at: node.mark)
        }
        let judgement = decodeJudgement(test, &bag)
        guard let id, let situation, let answers else { return nil }
        var decoded = PackTest(id: id, situation: situation, answers: answers, expect: expect, mark: node.mark)
        decoded.judgement = judgement
        return decoded
    }

    /// `judgement: { level: 3, reason: "…" }`, mirroring the JSON case field, as its JSON.
    private func decodeJudgement(_ test: MappingReader, _ bag: inout DiagnosticBag) -> [UInt8]? {
        guard let node = test.node("judgement") else { return nil }
        guard let reader = MappingReader(node, context: "'judgement' of \(test.context)", keys: ["level", "reason"], sources: sources, bag: &bag)
        else { return nil }
        let level = reader.integer("level", required: true, &bag)
        let reason = reader.string("reason", required: true, &bag)
        guard let level, let reason else { return nil }
        var json = Array("{\"level\":\(level),\"reason\":".utf8)
        JSONOutput.string(reason, to: &json)
        json.append(0x7D)
        return json
    }

    func decodeAnswers(_ test: MappingReader, required: Bool = true, _ bag: inout DiagnosticBag) -> [PackTest.Answer]? {
        guard let node = test.node("answers") else {
            if !required { return [] }
            bag.error(.missingKey, "\(test.context) is missing required key 'answers'", at: test.node.mark)
            return nil
        }
        guard case .mapping(let pairs) = node.content else {
            bag.error(.wrongType, "'answers' in \(test.context) must map question ids to answers, not \(node.kindName)", at: node.mark)
            return nil
        }
        var out: [PackTest.Answer] = []
        var ok = true
        for pair in pairs {
            guard let question = pair.key.scalarText, IdentifierPattern.name.matches(question) else {
                bag.error(.badID, "answers are keyed by question ids: \(IdentifierPattern.name.explanation)", at: pair.key.mark)
                ok = false
                continue
            }
            var json: [UInt8] = []
            var items: [PackTest.Answer.Item] = []
            switch pair.value.content {
            case .mapping:
                bag.error(
                    .wrongType, "the answer to '\(question)' must be an answer (text, a number, or a list of choice ids), not a mapping",
                    at: pair.value.mark)
                ok = false
                continue
            case .scalar:
                guard Self.appendScalar(pair.value, to: &json, question: question, &bag) else {
                    ok = false
                    continue
                }
            case .sequence(let elements):
                json.append(0x5B)
                var good = true
                for (n, element) in elements.enumerated() {
                    if n > 0 { json.append(0x2C) }
                    items.append(.init(offset: json.count, mark: element.mark))
                    guard case .scalar = element.content else {
                        bag.error(.wrongType, "items of the answer to '\(question)' must be choice ids, not \(element.kindName)", at: element.mark)
                        good = false
                        continue
                    }
                    good = Self.appendScalar(element, to: &json, question: question, &bag) && good
                }
                json.append(0x5D)
                guard good else {
                    ok = false
                    continue
                }
            }
            out.append(PackTest.Answer(question: question, keyMark: pair.key.mark, valueMark: pair.value.mark, json: json, items: items))
        }
        return ok ? out : nil
    }

    /// A YAML scalar as the JSON value it stands for: `true`/`false`, numbers and null as themselves,
    /// everything else (including `yes`/`no`, which stay text) as a JSON string.
    private static func appendScalar(_ node: YAMLNode, to json: inout [UInt8], question: String, _ bag: inout DiagnosticBag) -> Bool {
        switch node.resolved {
        case .null: json += Array("null".utf8)
        case .bool(let flag): json += Array((flag ? "true" : "false").utf8)
        case .int(let int): json += Array(String(int).utf8)
        case .float(let float):
            guard float.isFinite else {
                bag.error(.badNumber, "the answer to '\(question)' must be a finite number", at: node.mark)
                return false
            }
            json += Array(String(float).utf8)
        case .string(let text): JSONOutput.string(text, to: &json)
        }
        return true
    }

    func decodeExpectation(_ node: YAMLNode, context: String, _ bag: inout DiagnosticBag) -> PackTest.Expectation? {
        guard let reader = MappingReader(node, context: context, keys: Self.expectKeys, sources: sources, bag: &bag) else { return nil }
        var expect = PackTest.Expectation(mark: node.mark)
        if let id = reader.identifier("outcome", required: false, &bag), let mark = reader.node("outcome")?.mark {
            expect.outcome = .init(value: id, mark: mark)
        }
        if let level = reader.integer("level", &bag), let mark = reader.node("level")?.mark { expect.level = .init(value: level, mark: mark) }
        if reader.has("urgent"), let mark = reader.node("urgent")?.mark {
            let before = bag.all.count
            let flag = reader.bool("urgent", default: false, &bag)
            if bag.all.count == before { expect.urgent = .init(value: flag, mark: mark) }
        }
        if reader.has("judgement_raised"), let mark = reader.node("judgement_raised")?.mark {
            let before = bag.all.count
            let flag = reader.bool("judgement_raised", default: false, &bag)
            if bag.all.count == before { expect.judgementRaised = .init(value: flag, mark: mark) }
        }
        let named = { (key: String, bag: inout DiagnosticBag) in
            reader.identifierList(key, &bag).map { PackTest.Expectation.Marked(value: $0.0, mark: $0.1) }
        }
        expect.indicators = named("indicators", &bag)
        expect.notIndicators = named("not_indicators", &bag)
        expect.nextSteps = named("next_steps", &bag)
        expect.notNextSteps = named("not_next_steps", &bag)
        expect.values = expectedMap(reader, "values", numbersOnly: false, &bag)
        expect.scores = expectedMap(reader, "scores", numbersOnly: true, &bag)
        for (must, mustNot, what) in [
            (expect.indicators, expect.notIndicators, "indicator"), (expect.nextSteps, expect.notNextSteps, "next step"),
        ] {
            for item in mustNot where must.contains(where: { $0.value == item.value }) {
                bag.error(.contradictoryExpectation, "\(what) '\(item.value)' is expected both to appear and not to appear", at: item.mark)
            }
        }
        return expect
    }

    private func expectedMap(_ reader: MappingReader, _ key: String, numbersOnly: Bool, _ bag: inout DiagnosticBag) -> [PackTest.Expectation.Expected]
    {
        guard let node = reader.node(key) else { return [] }
        guard case .mapping(let pairs) = node.content else {
            bag.error(.wrongType, "'\(key)' in \(reader.context) must map ids to expected values, not \(node.kindName)", at: node.mark)
            return []
        }
        var out: [PackTest.Expectation.Expected] = []
        for pair in pairs {
            guard let id = pair.key.scalarText, IdentifierPattern.name.matches(id) else {
                bag.error(.badID, "'\(key)' is keyed by ids: \(IdentifierPattern.name.explanation)", at: pair.key.mark)
                continue
            }
            let literal: PackTest.Expectation.Literal
            switch (pair.value.content, pair.value.resolved) {
            case (.scalar, .int(let int)): literal = .number(Double(int))
            case (.scalar, .float(let float)) where float.isFinite: literal = .number(float)
            case (.scalar, .bool(let flag)) where !numbersOnly: literal = .bool(flag)
            case (.scalar, .string(let text)) where !numbersOnly: literal = .text(text)
            default:
                bag.error(
                    .wrongType,
                    "'\(id)' in '\(key)' must be \(numbersOnly ? "a number" : "true, false, a number or text"), not \(pair.value.kindName)",
                    at: pair.value.mark)
                continue
            }
            out.append(.init(id: id, keyMark: pair.key.mark, value: literal, mark: pair.value.mark))
        }
        return out
    }
}
