import Testing

@testable import IndiciaKit

/// Evaluation semantics: missing data, skip logic, outcomes and evidence, on a small pack.
@Suite("Evaluation")
struct EvaluationTests {
    static let questionnaire = """
        version: 1
        kind: questionnaire
        id: q
        revision: "1"
        title: Test
        sections:
          - id: s
            title: S
            questions:
              - { id: danger, type: yes_no, not_known: true, text: Danger? }
              - { id: age, type: single_choice, text: Age?, choices: [{ id: child, label: Child }, { id: adult, label: Adult }] }
              - { id: child_q, type: yes_no, not_known: true, text: Child question?, show_if: "age == 'child'" }
              - { id: follow_up, type: yes_no, text: Follow up?, show_if: "child_q" }
              - { id: hours, type: integer, min: 0, max: 168, text: Hours? }
              - { id: kinds, type: multiple_choice, text: Kinds?, choices: [{ id: a, label: A }, { id: b, label: B }] }
              - { id: when, type: date, text: When? }
        """
    static let rules = """
        version: 1
        kind: rules
        id: r
        revision: "1"
        title: Rules
        questionnaire: q
        strengths:
          - { id: strong, label: Strong, weight: 3 }
          - { id: weak, label: Weak, weight: 1 }
        values:
          - { id: long_hours, expr: "hours > 60", output: true }
        indicators:
          - { id: i_danger, label: Danger, strength: strong, when: "danger", source: s, verified: true }
          - { id: i_or, label: Or, strength: weak, when: "long_hours or 'a' in kinds", source: s, verified: true }
          - { id: i_child, label: Child, strength: strong, when: "child_q and follow_up", source: s, verified: true }
          - { id: i_date, label: Date, strength: weak, when: "when < '2020-01-01'", source: s, verified: true }
        scores:
          - { id: total, expr: weight_sum() }
        outcomes:
          - { id: urgent, level: 3, label: Urgent, when: danger, urgent: true }
          - { id: some, level: 1, label: Some, when: "count() >= 1" }
          - { id: none, level: 0, label: None }
        """

    let pack: CompiledPack

    init() throws {
        pack = try #require(Fixtures.pack(questionnaire: Self.questionnaire, rules: Self.rules))
    }

    func evaluate(_ answers: [String: Value]) -> Evaluation {
        var set = AnswerSet(questionCount: pack.questionCount)
        for (id, value) in answers {
            if let index = pack.questionIndex(of: id) { set.values[index] = value }
        }
        return pack.evaluate(set)
    }

    func symbol(_ text: String) -> Value { .symbol(pack.symbols.lookup(text) ?? -1) }
    func fired(_ evaluation: Evaluation) -> [String] { evaluation.firedIndicators(pack).map { pack.rules.indicators[$0].id } }
    func outcome(_ evaluation: Evaluation) -> String { pack.rules.outcomes[evaluation.outcome].id }

    @Test("'not known' never counts as 'no': the danger band is undetermined, not skipped silently")
    func notKnownIsNotNo() {
        let result = evaluate(["danger": .missing(.notKnown), "hours": .number(10)])
        #expect(outcome(result) == "none")
        #expect(result.undetermined == [0])
        #expect(result.indeterminateIndicators(pack).map { pack.rules.indicators[$0].id }.contains("i_danger"))
        #expect(result.notKnown == [0])
    }

    @Test("Kleene logic: true or missing is true; false and missing is false")
    func kleene() {
        #expect(Logic.or(.bool(true), .missing(.unanswered)) == .bool(true))
        #expect(Logic.and(.bool(false), .missing(.notKnown)) == .bool(false))
        #expect(Logic.and(.bool(true), .missing(.notKnown)) == .missing(.notKnown))
        #expect(Logic.not(.missing(.notKnown)) == .missing(.notKnown))
        #expect(Logic.combineMissing(.missing(.notAsked), .missing(.notKnown)) == .missing(.notKnown))
        // An 'or' indicator fires on one true branch even if the other answer is missing.
        let result = evaluate(["hours": .number(80)])
        #expect(fired(result).contains("i_or"))
        #expect(result.evidence(forIndicator: 1, in: pack) == [4], "only the branch that made it fire is evidence")
    }

    @Test("skip logic: hidden questions are 'not asked', their answers ignored and reported; chains hide too")
    func skipLogic() {
        let adult = evaluate(["age": symbol("adult"), "child_q": .bool(true), "follow_up": .bool(true)])
        #expect(adult.visible[2] == false && adult.visible[3] == false)
        #expect(adult.ignored == [2, 3])
        #expect(adult.slots[2] == .missing(.notAsked))
        #expect(!fired(adult).contains("i_child"))
        // Nothing but the age is answered: danger, the 'or' and the date are undecided; the child
        // indicator rests only on questions not asked, so it is not applicable, not undecided.
        #expect(adult.indeterminateIndicators(pack).map { pack.rules.indicators[$0].id } == ["i_danger", "i_or", "i_date"])
        let child = evaluate(["age": symbol("child"), "child_q": .bool(true), "follow_up": .bool(true)])
        #expect(fired(child).contains("i_child"))
        #expect(child.ignored.isEmpty)
        // Age unknown: the child question is asked (better to ask than to miss).
        let unknownAge = evaluate([:])
        #expect(unknownAge.visible[2] == true)
        #expect(unknownAge.visible[3] == true)
    }

    @Test("first matching band wins; urgent band first whatever else is present")
    func outcomes() {
        #expect(outcome(evaluate(["danger": .bool(true), "hours": .number(80)])) == "urgent")
        #expect(outcome(evaluate(["danger": .bool(false), "hours": .number(80)])) == "some")
        #expect(outcome(evaluate(["danger": .bool(false), "hours": .number(20)])) == "none")
    }

    @Test("dates compare with date literals; multiple choice membership")
    func datesAndChoices() {
        let old = evaluate(["when": .date(CalendarDate.days(fromISO: "2019-12-31") ?? 0)])
        #expect(fired(old).contains("i_date"))
        let recent = evaluate(["when": .date(CalendarDate.days(fromISO: "2020-01-01") ?? 0), "kinds": .choices(0b01)])
        #expect(!fired(recent).contains("i_date"))
        #expect(fired(recent).contains("i_or"))
        #expect(CalendarDate.iso(fromDays: CalendarDate.days(fromISO: "2024-02-29") ?? 0) == "2024-02-29")
        #expect(CalendarDate.days(fromISO: "2023-02-29") == nil)
    }
}

/// The public entry points that index slots check the evaluation belongs to the pack.
@Suite("Evaluation: the safe public edge")
struct EvaluationEdgeTests {
    @Test("an evaluation belongs to the pack that prepared it; explanations of a foreign one are empty, never out of bounds")
    func ownership() throws {
        let runtime = try #require(FastPathTests.runtime)
        let pack = runtime.pack
        var evaluation = Evaluation()
        #expect(!pack.owns(evaluation))
        #expect(evaluation.firedIndicators(pack).isEmpty)
        #expect(evaluation.evidence(forIndicator: 0, in: pack).isEmpty)
        #expect(evaluation.answerText(0, in: pack) == nil)
        pack.prepare(&evaluation)
        #expect(pack.owns(evaluation))
        let other = try #require(
            Fixtures.pack(
                questionnaire:
                    "version: 1\nkind: questionnaire\nid: oq\nrevision: \"1\"\ntitle: O\nsections:\n  - id: s\n    title: S\n    questions:\n      - { id: a, type: yes_no, text: A? }\n",
                rules:
                    "version: 1\nkind: rules\nid: or\nrevision: \"1\"\ntitle: O\nquestionnaire: oq\nstrengths:\n  - { id: strong, label: Strong, weight: 3 }\nindicators:\n  - { id: i, label: I, strength: strong, when: a, source: s, verified: true }\noutcomes:\n  - { id: none, level: 0, label: None }\n"
            ))
        #expect(!other.owns(evaluation), "prepared for another pack")
        #expect(evaluation.evidence(forIndicator: 0, in: other).isEmpty)
        #expect(evaluation.evidence(forIndicator: 10_000, in: pack).isEmpty, "an indicator index out of range")
    }
}
