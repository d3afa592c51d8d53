import Testing

@testable import IndiciaKit

/// The plain-text summary is what a worker reads, and may act on, in a hurry.
@Suite("Result summary")
struct ResultSummaryTests {
    static let questionnaire = """
        version: 1
        kind: questionnaire
        id: sq
        revision: "1"
        title: Summary
        sections:
          - id: s
            title: S
            questions:
              - { id: held, type: yes_no, text: Is someone else holding their documents? }
        """
    static let rules = """
        version: 1
        kind: rules
        id: sr
        revision: "1"
        title: Summary rules
        questionnaire: sq
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
