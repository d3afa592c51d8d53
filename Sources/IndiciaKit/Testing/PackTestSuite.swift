/// A test file checked against its compiled pack, with each test's answers turned into the JSON
/// case that `indicia evaluate` would read.
///
/// Answers are checked by the JSON-mode decoder itself (one answer grammar): a refusal is reported
/// at the YAML position of the answer (or of the list item) it came from.
public struct PackTestSuite: Sendable {
    /// One test that loaded, ready to run.
    public struct Case: Sendable {
        /// The test.
        public var test: PackTest
        /// The test's answers as a JSON case (`{"id":…,"answers":{…}}`); empty for a round comparison.
        public var json: [UInt8]
        /// For a round comparison: each round's agencies as JSON cases, in the order given.
        public var rounds: [[[UInt8]]] = []
    }

    /// The test file.
    public var file: PackTestFile
    /// The pack under test, prepared as for `indicia evaluate`.
    public var runtime: PackRuntime
    /// The tests that loaded (tests with errors are left out; the errors say why).
    public var cases: [Case]

    /// Checks a test file against a pack: ids it names, answers it gives.
    ///
    /// - Parameters:
    ///   - file: The decoded test file.
    ///   - runtime: The compiled pack of the rule set it tests.
    /// - Returns: The suite, and every problem found (errors stop a test from loading).
    public static func prepare(_ file: PackTestFile, runtime: PackRuntime) -> (PackTestSuite, [Diagnostic]) {
        var bag = DiagnosticBag()
        var cases: [Case] = []
        for test in file.tests {
            let before = bag.all.count
            if let rounds = test.rounds {
                checkComparison(test, pack: runtime.pack, &bag)
                let json = rounds.map { round in
                    round.agencies.map { agency in
                        caseJSON(
                            id: agency.id, answers: agency.answers, judgement: nil, mark: agency.mark,
                            what: "agency '\(agency.id)' of round '\(round.name)' in test '\(test.id)'", runtime: runtime, &bag)
                    }
                }
                if bag.all.count == before { cases.append(Case(test: test, json: [], rounds: json)) }
                continue
            }
            checkIDs(test.expect, pack: runtime.pack, &bag)
            let json = caseJSON(
                id: test.id, answers: test.answers, judgement: test.judgement, mark: test.mark, what: "test '\(test.id)'", runtime: runtime, &bag)
            if bag.all.count == before { cases.append(Case(test: test, json: json)) }
        }
        return (PackTestSuite(file: file, runtime: runtime, cases: cases), bag.all)
    }

    /// The JSON case for a test's answers; answers the decoder refuses are reported and left out,
    /// so every refused answer of a test is found, not just the first.
    static func caseJSON(
        id: String, answers given: [PackTest.Answer], judgement: [UInt8]?, mark place: SourceMark, what: String, runtime: PackRuntime,
        _ bag: inout DiagnosticBag
    ) -> [UInt8] {
        var answers = given
        var decoder = CaseDecoder()
        var evaluation = Evaluation()
        let provider = SinglePackProvider(runtime)
        while true {
            let (json, starts) = PackTest.caseJSON(id: id, answers: answers, judgement: judgement)
            let result = json.withUnsafeBufferPointer { decoder.decode($0, packs: provider, defaultPack: 0, into: &evaluation) }
            guard case .failure(let failure) = result else { return json }
            let error = failure.error
            if error.path.hasPrefix("/judgement") {
                bag.error(
                    .refusedAnswer, "the judgement of \(what) is refused: \(error.message) (JSON mode: \(error.code.rawValue))", at: place)
                return json
            }
            // The answer the error is about: by its JSON path, else by where in the JSON it is.
            let question = error.path.hasPrefix("/answers/") ? String(error.path.dropFirst("/answers/".count).prefix { $0 != "/" }) : nil
            var index = answers.firstIndex { $0.question == question }
            if index == nil, let column = error.column {
                index = starts.lastIndex { $0 <= column - 1 }
            }
            guard let index else {
                // Not about one answer (cannot happen for JSON built here); report it at the test.
                bag.error(.refusedAnswer, "the answers of \(what) are refused: \(error.message)", at: place)
                return json
            }
            let answer = answers[index]
            var mark = error.code == .unknownQuestion ? answer.keyMark : answer.valueMark
            if error.code != .unknownQuestion, let column = error.column {
                let offset = column - 1 - starts[index]
                if let item = answer.items.last(where: { $0.offset <= offset }) { mark = item.mark }
            }
            var message = error.message
            if error.code == .unknownQuestion {
                let ids = runtime.pack.questionnaire.questions.map(\.id)
                message =
                    "questionnaire '\(runtime.pack.questionnaire.id)' has no question '\(answer.question)'\(Spelling.hint(for: answer.question, among: ids))"
            }
            bag.error(
                error.code == .unknownQuestion ? .unknownQuestion : .refusedAnswer,
                "in \(what): \(message) (JSON mode: \(error.code.rawValue))", at: mark)
            answers.remove(at: index)
        }
    }

    /// Every id an expectation names must exist in the pack.
    static func checkIDs(_ expect: PackTest.Expectation, pack: CompiledPack, _ bag: inout DiagnosticBag) {
        let rules = pack.rules
        let outcomes = rules.outcomes.map(\.id)
        if let outcome = expect.outcome, !outcomes.contains(outcome.value) {
            bag.error(
                .unknownOutcome, "rule set '\(rules.id)' has no outcome '\(outcome.value)'\(Spelling.hint(for: outcome.value, among: outcomes))",
                at: outcome.mark)
        }
        if let level = expect.level {
            let levels = Set(rules.outcomes.map(\.level))
            if !levels.contains(level.value) {
                bag.error(
                    .unknownLevel,
                    "no outcome of rule set '\(rules.id)' has level \(level.value); the levels are \(levels.sorted().map(String.init).joined(separator: ", "))",
                    at: level.mark)
            } else if let outcome = expect.outcome, let band = rules.outcomes.first(where: { $0.id == outcome.value }), band.level != level.value {
                bag.error(
                    .contradictoryExpectation, "outcome '\(band.id)' has level \(band.level), so level \(level.value) can never be met with it",
                    at: level.mark)
            }
        }
        if let urgent = expect.urgent, let outcome = expect.outcome, let band = rules.outcomes.first(where: { $0.id == outcome.value }),
            band.urgent != urgent.value
        {
            bag.error(
                .contradictoryExpectation,
                "outcome '\(band.id)' is \(band.urgent ? "" : "not ")urgent, so urgent: \(urgent.value) can never be met with it",
                at: urgent.mark)
        }
        let indicators = rules.indicators.map(\.id)
        for item in expect.indicators + expect.notIndicators where !indicators.contains(item.value) {
            bag.error(
                .unknownIndicator, "rule set '\(rules.id)' has no indicator '\(item.value)'\(Spelling.hint(for: item.value, among: indicators))",
                at: item.mark)
        }
        let steps = rules.recommendations.map(\.id)
        for item in expect.nextSteps + expect.notNextSteps where !steps.contains(item.value) {
            bag.error(
                .unknownRecommendation,
                "rule set '\(rules.id)' has no next step (recommendation) '\(item.value)'\(Spelling.hint(for: item.value, among: steps))",
                at: item.mark)
        }
        let values = rules.values.map(\.id)
        for item in expect.values where !values.contains(item.id) {
            bag.error(
                .unknownValue, "rule set '\(rules.id)' has no value '\(item.id)'\(Spelling.hint(for: item.id, among: values))", at: item.keyMark)
        }
        let scores = rules.scores.map(\.id)
        for item in expect.scores where !scores.contains(item.id) {
            bag.error(
                .unknownScore, "rule set '\(rules.id)' has no score '\(item.id)'\(Spelling.hint(for: item.id, among: scores))", at: item.keyMark)
        }
    }
}
