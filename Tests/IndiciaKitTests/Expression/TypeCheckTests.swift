import Testing

@testable import IndiciaKit

/// Type checking against the questionnaire: each mistake is a load error at the right column.
@Suite("Type checking")
struct TypeCheckTests {
    static func rules(_ when: String) -> String {
        """
        version: 1
        kind: rules
        id: r
        revision: "1"
        title: Rules
        questionnaire: q
        indicators:
          - id: x
            label: X
            when: "\(when)"
            source: s
            verified: true
        outcomes:
          - { id: none, level: 0, label: None }
        """
    }

    static let questionnaire = EvaluationTests.questionnaire

    // Columns are in the file: the expression starts at column 12, after `    when: "`.
    @Test(
        "mistakes are load errors with their code and column",
        arguments: [
            ("danger == 3", Diagnostic.Code.exprType, 19),
            ("age == 'teen'", .unknownChoice, 19),
            ("'c' in kinds", .unknownChoice, 12),
            ("kinds == 'a'", .exprType, 12),
            ("hours > 'ten'", .exprType, 18),
            ("agee == 'child'", .unknownName, 12),
            ("hours + 1", .exprType, 12),
            ("max(hours, danger) > 1", .exprType, 23),
            ("count(category='none') > 0", .unknownCategory, 27),
            ("lookup(t, age) > 1", .unknownTable, 19),
            ("when < '2020-13-01'", .exprType, 19),
            ("answered(hours + 1)", .exprType, 21),
            ("if(danger, 1, 'a') > 0", .exprType, 26),
        ])
    func mistakes(_ when: String, _ code: Diagnostic.Code, _ column: Int) {
        let diagnostics = Fixtures.packErrors(questionnaire: Self.questionnaire, rules: Self.rules(when))
        let error = diagnostics.first { $0.severity == .error }
        #expect(error?.code == code, "\(when): \(diagnostics)")
        #expect(error?.mark.line == 10, "\(when)")
        #expect(error?.mark.column == column, "\(when): \(String(describing: error))")
    }

    @Test("cycles between values are errors")
    func cycle() {
        let rules = Self.rules("a > 1").replacingOccurrences(
            of: "indicators:", with: "values:\n  - { id: a, expr: b + 1 }\n  - { id: b, expr: a * 2 }\nindicators:")
        let diagnostics = Fixtures.packErrors(questionnaire: Self.questionnaire, rules: rules)
        #expect(diagnostics.contains { $0.code == .cycle })
    }
}
