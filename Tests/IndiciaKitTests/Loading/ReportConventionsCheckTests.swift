import Testing

@testable import IndiciaKit

/// The `report:` block: every name is checked against the pack, with its position.
@Suite("Report conventions")
struct ReportConventionsCheckTests {
    static let questionnaire = """
        version: 1
        kind: questionnaire
        id: q
        revision: "1"
        title: Q
        sections:
          - id: s
            title: S
            questions:
              - { id: when, type: date, text: When? }
              - id: place
                type: single_choice
                text: Where?
                choices: [{ id: north, label: North }, { id: south, label: South }]
              - { id: sign, type: yes_no, text: Sign? }
        """

    static func rules(_ report: String, tables: String = "") -> String {
        """
        version: 1
        kind: rules
        id: r
        revision: "1"
        title: R
        questionnaire: q
        \(tables)
        values:
          - { id: date_out, expr: when, output: true }
          - { id: place_out, expr: place, output: true }
          - { id: place_hidden, expr: place }
          - { id: sign_out, expr: sign == 'yes', output: true }
        indicators:
          - { id: i, label: I, when: sign, source: s }
        outcomes:
          - { id: none, level: 0, label: None }
        report:
        \(report)
        """
    }

    @Test("a block whose names all fit loads, and the report reads its labels from the question")
    func valid() throws {
        let pack = try #require(
            Fixtures.pack(
                questionnaire: Self.questionnaire,
                rules: Self.rules("  kind: screening\n  date: date_out\n  area: { value: place_out, labels: place }\n  types: [sign_out]")))
        let report = try #require(ReportPack(pack))
        #expect(report.conventions.kind == .screening)
        #expect(report.areas.map(\.label) == ["North", "South"])
        #expect(report.types.map(\.id) == ["sign_out"])
    }

    @Test(
        "each misfit is an error at the name that does not fit",
        arguments: [
            ("  kind: screening\n  date: place_out", "value 'place_out' named by 'date' in the report block must be a date, not a choice", 19),
            ("  kind: screening\n  date: nowhere", "'date' in the report block names 'nowhere', which is not a value", 19),
            (
                "  kind: screening\n  area: { value: place_hidden, labels: place }",
                "value 'place_hidden' named by 'area' in the report block must have output: true", 19
            ),
            (
                "  kind: screening\n  area: { value: place_out, labels: sign }",
                "'labels' of 'area' in the report block must name a single-choice question or a one-column table", 19
            ),
            ("  kind: screening\n  types: [date_out]", "value 'date_out' named by 'types' in the report block must be yes/no", 19),
            ("  kind: training\n  areas: nothing", "'areas' in the report block must name a one-column table", 19),
            ("  kind: training\n  agency: place_out", "value 'place_out' named by 'agency' in the report block must be a number, not a choice", 19),
            ("  kind: training\n  readiness_score: nowhere", "'readiness_score' in the report block names 'nowhere', which is not a value", 19),
            ("  kind: training\n  bands: place", "'bands' in the report block must name a one-column table; 'place' is not one", 19),
            ("  kind: training\n  policy: nothing", "'policy' in the report block must name a one-column table; 'nothing' is not one", 19),
            (
                "  kind: training\n  capacities: { prefix: can_, labels: nothing }",
                "'labels' of 'capacities' in the report block must name a one-column table of capacity ids and labels", 19
            ),
            ("  kind: training\n  capacities: { labels: nothing }", "'capacities' in the report block is missing required key 'prefix'", 19),
            ("  kind: screening\n  notes: nothing", "'notes' does not apply to a report of kind 'screening'", 19),
            ("  kind: survey", "'kind' in the report block must be screening or training, not 'survey'", 18),
            ("  kind: screening\n  colour: blue", "unknown key 'colour' in the report block", 19),
        ])
    func misfits(_ report: String, _ message: String, _ line: Int) {
        let diagnostics = Fixtures.packErrors(questionnaire: Self.questionnaire, rules: Self.rules(report))
        let found = diagnostics.first { $0.message.hasPrefix(message) }
        #expect(found != nil, "\(diagnostics.map(\.description))")
        #expect(found?.severity == .error)
        #expect(found?.mark.line == line)
    }

    @Test("every row of the capacities table needs an output value named with the prefix, reported at the row")
    func missingCapacity() {
        let tables = "tables:\n  - id: abilities\n    source: s\n    rows:\n      out: Out\n      gone: Gone"
        let diagnostics = Fixtures.packErrors(
            questionnaire: Self.questionnaire,
            rules: Self.rules("  kind: training\n  capacities: { prefix: place_, labels: abilities }", tables: tables))
        let found = diagnostics.filter { $0.code == .badReport }
        #expect(
            found.map(\.message) == ["'capacities' in the report block needs an output value 'place_gone' for row 'gone' of table 'abilities'"])
        #expect(found.first?.mark.line == 12)
    }

    @Test("a table of areas must label every id the area value can take")
    func missingLabel() {
        let tables = "tables:\n  - { id: places, source: s, rows: { north: North } }"
        let diagnostics = Fixtures.packErrors(
            questionnaire: Self.questionnaire, rules: Self.rules("  kind: screening\n  area: { value: place_out, labels: places }", tables: tables))
        #expect(
            diagnostics.contains { $0.code == .badReport && $0.message == "'places' gives no label for 'south', which value 'place_out' can take" })
    }
}
