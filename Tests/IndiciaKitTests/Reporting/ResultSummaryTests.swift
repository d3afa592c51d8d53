import Testing

@testable import IndiciaKit

/// The plain-text summary is what a worker reads, and may act on, in a hurry.
@Suite("Result summary")
struct ResultSummaryTests {
    /// The questionnaire's lines down to its question list (each test adds its questions).
    static let questionnaireHead = """
        version: 1
        kind: questionnaire
        id: sq
        revision: "1"
        title: Summary
        sections:
          - id: s
            title: S
            questions:
        """
    /// The rule set's identity lines (each test adds its rules).
    static let rulesHead = """
        version: 1
        kind: rules
        id: sr
        revision: "1"
        title: Summary rules
        questionnaire: sq
        """
    static let questionnaire =
        questionnaireHead + """

                  - { id: held, type: yes_no, text: Is someone else holding their documents? }
            """
    static let rules =
        rulesHead + """

            services: [local]
            strengths:
              - { id: strong, label: Strong, weight: 3 }
            indicators:
              - { id: withheld, label: Documents withheld, strength: strong, when: held, source: s, verified: true }
            outcomes:
              - { id: concern, level: 1, label: Concern, when: "count() >= 1" }
              - { id: none, level: 0, label: None }
            recommendations:
              - { id: call, text: Call for advice., when: "outcome == 'concern'", services: [checked, unchecked], source: s, verified: true }
            """
    static let services = """
        version: 1
        kind: services
        id: local
        revision: "1"
        title: Local services
        services:
          - { id: checked, name: Checked Line, phone: "TEST-NUMBER-1", scope: local, source: s, verified: true }
          - { id: unchecked, name: Unchecked Line, phone: "TEST-NUMBER-2", scope: local, source: s, verified: false }
        """

    @Test("the outcome's heading is the rule set's outcome_heading, or 'Level of concern' when it gives none")
    func outcomeHeading() throws {
        var answers: AnswerSet?
        for (rules, heading) in [
            (Self.rules, "LEVEL OF CONCERN: CONCERN\n"), (Self.rules + "\noutcome_heading: Overall need", "OVERALL NEED: CONCERN\n"),
        ] {
            let pack = try #require(Fixtures.pack(questionnaire: Self.questionnaire, rules: rules, services: Self.services))
            if answers == nil {
                answers = AnswerSet(questionCount: pack.questionnaire.questions.count)
                answers?.values[0] = .bool(true)
            }
            let text = ResultSummary.text(pack.evaluate(try #require(answers)), pack: pack, width: 200)
            #expect(text.hasPrefix(heading), "\(text)")
        }
    }

    @Test("a blank or multi-line outcome_heading is an error at the key's value")
    func badOutcomeHeading() {
        for bad in ["\"  \"", "\"Overall\\nneed\""] {
            let diagnostics = Fixtures.packErrors(
                questionnaire: Self.questionnaire, rules: Self.rules + "\noutcome_heading: \(bad)")
            let found = diagnostics.first { $0.code == .badValue && $0.message.hasPrefix("'outcome_heading' must be a few words on one line") }
            #expect(found != nil, "\(diagnostics.map(\.description))")
            #expect(found?.mark.line == 17)
            #expect(found?.mark.column == 18)
        }
    }

    @Test("a band not ruled out lists a few missing questions in its line, and many at the end, so the next steps stay near the top")
    func undeterminedBands() throws {
        let questions = (1...7).map { "      - { id: q\($0), type: yes_no, text: Question \($0)? }" }.joined(separator: "\n")
        let questionnaire = Self.questionnaireHead + "\n" + questions
        let indicators = (1...7).map { "  - { id: i\($0), label: Sign \($0), strength: strong, when: q\($0), source: s, verified: true }" }
        let rules =
            Self.rulesHead + """

                strengths:
                  - { id: strong, label: Strong, weight: 3 }
                indicators:
                \(indicators.joined(separator: "\n"))
                outcomes:
                  - { id: danger, level: 2, label: Danger, when: q1 }
                  - { id: concern, level: 1, label: Concern, when: "at_least(1)" }
                  - { id: none, level: 0, label: None }
                """
        let pack = try #require(Fixtures.pack(questionnaire: questionnaire, rules: rules))
        var answers = AnswerSet(questionCount: 7)
        for index in 0..<7 { answers.values[index] = .missing(.notKnown) }
        let evaluation = pack.evaluate(answers)
        #expect(evaluation.undetermined == [0, 1])
        let text = ResultSummary.text(evaluation, pack: pack, width: 200)
        // One question behind the danger band: named in its line.
        #expect(text.contains("! Could not be ruled out: Danger. Not known or not answered: Question 1?\n"), "\(text)")
        // Seven behind the concern band: counted in its line, which comes before the next steps...
        let counted = try #require(
            text.range(of: "! Could not be ruled out: Concern. 7 questions it rests on are not known or not answered (listed at the end).\n"))
        let steps = try #require(text.range(of: "\nNEXT STEPS\n"))
        #expect(counted.upperBound <= steps.lowerBound)
        #expect(!text.contains("Not known or not answered: Question 1? / Question 2?"))
        // ...and listed once each, in question order, at the end (before the pack line).
        let listed = (1...7).map { "  • Question \($0)?\n" }.joined()
        let end = try #require(text.range(of: "\nNOT KNOWN OR NOT ANSWERED\n" + listed + "\nPack: sr 1"))
        #expect(steps.upperBound <= end.lowerBound)
    }

    @Test("a pack without indicators (a training-needs assessment) gets no 'indicators present' section; one with them always does")
    func noIndicatorSection() throws {
        let rules =
            Self.rulesHead + """

                values:
                  - { id: gap, label: Documents gap, expr: held, output: true }
                outcomes:
                  - { id: act, level: 1, label: Act, when: gap }
                  - { id: none, level: 0, label: None }
                """
        let without = try #require(Fixtures.pack(questionnaire: Self.questionnaire, rules: rules))
        var answers = AnswerSet(questionCount: 1)
        answers.values[0] = .bool(true)
        let text = ResultSummary.text(without.evaluate(answers), pack: without, width: 200)
        #expect(text.hasPrefix("LEVEL OF CONCERN: ACT\n"), "\(text)")
        #expect(!text.contains("INDICATORS PRESENT") && !text.contains("No indicators were recorded"), "\(text)")
        #expect(text.contains("\nFINDINGS\n  • Documents gap\n"), "\(text)")
        // The screening-style pack, with an indicator that did not fire, still says none was recorded.
        let with = try #require(Fixtures.pack(questionnaire: Self.questionnaire, rules: Self.rules, services: Self.services))
        answers.values[0] = .bool(false)
        #expect(
            ResultSummary.text(with.evaluate(answers), pack: with, width: 200).contains("\nWHY: INDICATORS PRESENT\n  No indicators were recorded.\n")
        )
    }

    @Test("a service whose contact details have not been checked says so where the number is shown")
    func unverifiedService() throws {
        let pack = try #require(Fixtures.pack(questionnaire: Self.questionnaire, rules: Self.rules, services: Self.services))
        var answers = AnswerSet(questionCount: pack.questionnaire.questions.count)
        answers.values[0] = .bool(true)
        let evaluation = pack.evaluate(answers)
        #expect(pack.rules.outcomes[evaluation.outcome].id == "concern")
        let text = ResultSummary.text(evaluation, pack: pack, width: 200)
        #expect(text.contains("   → Checked Line: TEST-NUMBER-1\n"))
        #expect(text.contains("   → Unchecked Line: TEST-NUMBER-2 (contact details not yet checked against their source)\n"))
    }
}
