/// Runs pack tests with the same decoder and evaluator as `indicia evaluate`. Pure: no I/O.
public enum PackTestRunner {
    /// Runs every test of a suite.
    ///
    /// - Parameter suite: A prepared suite.
    /// - Returns: One result per test, in file order.
    public static func run(_ suite: PackTestSuite) -> [PackTestResult] {
        var decoder = CaseDecoder()
        let provider = SinglePackProvider(suite.runtime)
        return suite.cases.map { item in
            if item.test.rounds != nil { return runRounds(item, suite: suite) }
            var evaluation = Evaluation()
            let decoded = item.json.withUnsafeBufferPointer { decoder.decode($0, packs: provider, defaultPack: 0, into: &evaluation) }
            var result = PackTestResult(fileID: suite.file.id, test: item.test, runtime: suite.runtime, evaluation: evaluation, failures: [])
            if case .failure(let failure) = decoded {
                // Prepared suites hold only answers the decoder accepted; say so rather than pass.
                result.failures = [
                    .init(
                        expectation: "answers", mark: item.test.mark, message: "the answers were refused: \(failure.error.message)",
                        expected: "answers the questionnaire accepts", actual: failure.error.code.rawValue, indicators: [])
                ]
                return result
            }
            suite.runtime.pack.evaluate(&evaluation)
            result.evaluation = evaluation
            result.failures = check(item.test.expect, evaluation, suite.runtime.pack)
            return result
        }
    }

    static func check(_ expect: PackTest.Expectation, _ evaluation: Evaluation, _ pack: CompiledPack) -> [PackTestResult.Failure] {
        let rules = pack.rules
        let band = rules.outcomes[evaluation.outcome]
        let fired = evaluation.firedIndicators(pack)
        let firedIDs = fired.map { rules.indicators[$0].id }
        let steps = evaluation.recommendations.map { rules.recommendations[$0].id }
        var out: [PackTestResult.Failure] = []
        let outcomeText = "\(band.id) (level \(band.level))"
        if let outcome = expect.outcome, outcome.value != band.id {
            let wanted = rules.outcomes.first { $0.id == outcome.value }.map { "\($0.id) (level \($0.level))" } ?? outcome.value
            out.append(
                .init(
                    expectation: "outcome", mark: outcome.mark, message: "expected outcome '\(outcome.value)', got '\(band.id)'", expected: wanted,
                    actual: outcomeText, indicators: fired))
        }
        if let level = expect.level, level.value != band.level {
            out.append(
                .init(
                    expectation: "level", mark: level.mark, message: "expected level of concern \(level.value), got \(band.level)",
                    expected: "level \(level.value)", actual: outcomeText, indicators: fired))
        }
        if let urgent = expect.urgent, urgent.value != band.urgent {
            out.append(
                .init(
                    expectation: "urgent", mark: urgent.mark,
                    message: urgent.value
                        ? "expected an urgent outcome, got '\(band.id)', which is not urgent"
                        : "expected an outcome that is not urgent, got '\(band.id)', which is urgent",
                    expected: "urgent: \(urgent.value)", actual: "\(outcomeText), urgent: \(band.urgent)", indicators: fired))
        }
        if let raised = expect.judgementRaised, raised.value != evaluation.judgementRaises(in: pack) {
            let actual = evaluation.judgement.map { "judgement level \($0.level), computed level \(band.level)" } ?? "no judgement recorded"
            out.append(
                .init(
                    expectation: "judgement_raised", mark: raised.mark,
                    message: raised.value
                        ? "expected the worker's judgement to raise the level of concern; it did not"
                        : "expected the worker's judgement not to raise the level of concern; it did",
                    expected: "judgement_raised: \(raised.value)", actual: actual, indicators: fired))
        }
        for item in expect.indicators where !firedIDs.contains(item.value) {
            var actual = "not present"
            if let index = rules.indicators.firstIndex(where: { $0.id == item.value }) {
                let deps = pack.dependencies.bySlot[pack.indicatorSlots[index]] ?? []
                let missing = evaluation.missingQuestions(among: deps).map { pack.questionnaire.questions[$0].id }
                if Evaluation.undecided(evaluation.slots[pack.indicatorSlots[index]]) {
                    actual = "could not be assessed: no answer (or not known) for \(missing.joined(separator: ", "))"
                } else {
                    let read = deps.sorted().map { question in
                        "\(pack.questionnaire.questions[question].id) = \(describeAnswer(question, evaluation, pack))"
                    }
                    if !read.isEmpty { actual = "not present; its condition read \(read.joined(separator: ", "))" }
                }
            }
            out.append(
                .init(
                    expectation: "indicators", mark: item.mark, message: "expected indicator '\(item.value)' to be present; it is not",
                    expected: "present", actual: actual, indicators: fired))
        }
        for item in expect.notIndicators {
            guard let index = rules.indicators.firstIndex(where: { $0.id == item.value }), fired.contains(index) else { continue }
            out.append(
                .init(
                    expectation: "not_indicators", mark: item.mark, message: "expected indicator '\(item.value)' not to be present; it is",
                    expected: "not present", actual: "present", indicators: [index]))
        }
        for item in expect.nextSteps where !steps.contains(item.value) {
            out.append(
                .init(
                    expectation: "next_steps", mark: item.mark, message: "expected next step '\(item.value)'; the result does not give it",
                    expected: "given", actual: list("next steps given", steps), indicators: fired))
        }
        for item in expect.notNextSteps where steps.contains(item.value) {
            out.append(
                .init(
                    expectation: "not_next_steps", mark: item.mark,
                    message: "expected next step '\(item.value)' not to be given; the result gives it",
                    expected: "not given", actual: "given (outcome \(outcomeText))", indicators: fired))
        }
        for item in expect.values {
            guard let index = rules.values.firstIndex(where: { $0.id == item.id }) else { continue }
            let value = evaluation.slots[pack.valueSlots[index]]
            if !matches(item.value, value, pack) {
                out.append(
                    .init(
                        expectation: "values", mark: item.mark,
                        message: "expected value '\(item.id)' to be \(item.value), got \(describe(value, pack))",
                        expected: item.value.description, actual: describe(value, pack), indicators: fired))
            }
        }
        for item in expect.scores {
            guard let index = rules.scores.firstIndex(where: { $0.id == item.id }) else { continue }
            let value = evaluation.slots[pack.scoreSlots[index]]
            if !matches(item.value, value, pack) {
                out.append(
                    .init(
                        expectation: "scores", mark: item.mark,
                        message: "expected score '\(item.id)' to be \(item.value), got \(describe(value, pack))",
                        expected: item.value.description, actual: describe(value, pack), indicators: fired))
            }
        }
        return out
    }

    private static func list(_ what: String, _ ids: [String]) -> String {
        ids.isEmpty ? "no \(what)" : "\(what): \(ids.joined(separator: ", "))"
    }

    static func matches(_ literal: PackTest.Expectation.Literal, _ value: Value, _ pack: CompiledPack) -> Bool {
        switch (literal, value) {
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.text(let a), .symbol(let symbol)): return pack.symbols.name(symbol) == a
        case (.text(let a), .date(let days)): return CalendarDate.iso(fromDays: days) == a
        default: return false
        }
    }

    /// An answer as a test author writes it (`yes`, a choice id, a number), or why there is none.
    static func describeAnswer(_ question: Int, _ evaluation: Evaluation, _ pack: CompiledPack) -> String {
        if let text = evaluation.answerText(question, in: pack) { return text }
        return describe(evaluation.slots[question], pack)
    }

    /// A slot value as a test author writes it.
    static func describe(_ value: Value, _ pack: CompiledPack) -> String {
        switch value {
        case .missing(.notKnown): return "not known"
        case .missing(.notAsked): return "not applicable (its questions were not asked)"
        case .missing(.unanswered): return "not known (an answer it needs was not given)"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let x): return x.compactText
        case .symbol(let symbol): return pack.symbols.name(symbol)
        case .choices: return "a set of choices"
        case .date(let days): return CalendarDate.iso(fromDays: days)
        case .text: return "free text"
        }
    }
}
