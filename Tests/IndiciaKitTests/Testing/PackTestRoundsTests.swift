import Foundation
import Testing

@testable import IndiciaKit

/// Round-comparison pack tests (`rounds:` instead of `answers:`): every mistake is an error at its
/// position, and a comparison that differs from the expectation fails at the expectation.
@Suite("Pack tests of the round comparison")
struct PackTestRoundsTests {
    /// The shipped training pack plus one test file held in memory.
    static func library(tests: String) -> PackLibrary {
        var sources: [(name: String, bytes: [UInt8])] = []
        for path in ["questionnaires/training.yaml", "rules/training.yaml", "rules/organisations.yaml"] {
            sources.append((path, Array((Fixtures.read(ShippedPacks.repositoryRoot + "/" + path) ?? "").utf8)))
        }
        sources.append(("tests.yaml", Array(tests.utf8)))
        return PackLibrary.load(sources: sources)
    }

    static let shipped = Fixtures.read(ShippedPacks.repositoryRoot + "/rules/tests/training-rounds.yaml") ?? ""

    @Test("every mistake in a round-comparison test is reported at its own position")
    func everyMistakePositioned() {
        let (text, marks) = PackTestSuiteTests.marked(
            """
            version: 1
            kind: tests
            id: rounds
            rules: training
            title: Rounds
            tests:
              - id: shape
                situation: Shape mistakes.
                ↓answers: {}
                rounds:
                  - ↓round: "2025"
                    ↓agncies: []
                  - round: "2026"
                    agencies:
                      - id: A
                        based_on: ↓B
                      - id: C
                        ↓basedon: A
                        answers: {}
                        without: [↓level_referral]
                expect:
                  ↓order_by: []
                  notes: [↓renaming]
              - id: names
                situation: Names that do not exist.
                rounds:
                  - round: "2025"
                    agencies:
                      - id: A
                        answers: { ↓sectr: police }
                  - round: "2026"
                    agencies:
                      - id: A
                        answers: { sector: ↓polce }
                expect:
                  rounds:
                    ↓"2027": { red: 1, ↓reds: 2 }
                  agencies:
                    ↓B: { closed: [↓referal], ↓close: [] }
                    A: { previous_round: ↓"2024", stayed: [↓children], opened: [children] }
                  not_reassessed: [↓C]
            """, file: "tests.yaml")
        let report = Self.library(tests: text).testReport()
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.mark).sorted() == marks.sorted(), "\(errors.map { "\($0.mark) \($0.code.rawValue) \($0.message)" })")
        let codes = Dictionary(errors.map { ("\($0.mark.line):\($0.mark.column)", $0.code.rawValue) }, uniquingKeysWith: { a, _ in a })
        #expect(codes["9:5"] == "key-not-allowed")
        #expect(codes["11:9"] == "missing-key")
        #expect(codes["12:9"] == "unknown-key")
        #expect(codes["16:23"] == "bad-value")
        #expect(codes["18:13"] == "unknown-key")
        #expect(codes["20:23"] == "bad-value")
        #expect(codes["30:24"] == "unknown-question")
        #expect(codes["34:32"] == "refused-answer")
        #expect(codes["37:9"] == "bad-value")
        #expect(codes["39:9"] == "bad-value")
        #expect(codes["40:47"] == "contradictory-expectation")
        #expect(errors.contains { $0.message.contains("no agency 'B' comes before this one") })
        #expect(errors.contains { $0.message.contains("'renaming' is not a kind of note on the input") })
        #expect(errors.contains { $0.message.contains("has no area 'referal'; did you mean 'referral'?") })
        #expect(errors.contains { $0.message.contains("test 'names' has no round '2024'") })
        // Neither test runs.
        #expect(report.results.isEmpty)
    }

    @Test("a rule set without a training report: block cannot be compared in rounds")
    func needsTrainingReport() throws {
        let library = PackTestSuiteTests.library(
            tests: """
                version: 1
                kind: tests
                id: one
                rules: shelter
                title: One
                tests:
                  - id: t
                    situation: Rounds of a screening pack.
                    rounds:
                      - round: "2025"
                        agencies: [{ id: A, answers: {} }]
                    expect: {}
                """)
        let error = try #require(library.testReport().diagnostics.first { $0.severity == .error })
        #expect(error.code == .badValue)
        #expect(error.message.contains("has no report: block of kind training"))
        #expect(error.mark == SourceMark(file: "tests.yaml", line: 7, column: 5))
    }

    @Test("the shipped round tests pass, and each round test checks the report's comparison")
    func shippedPass() throws {
        let report = Self.library(tests: Self.shipped).testReport()
        #expect(report.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(report.results.count >= 9)
        #expect(report.results.allSatisfy { $0.passed && $0.test.rounds != nil })
    }

    @Test("a comparison that differs fails at the expectation, saying what the report shows")
    func failsAtExpectation() throws {
        // The first shipped test expects the referral gap to close; say the children gap closed instead.
        let text = Self.shipped.replacingOccurrences(
            of: "closed: [referral]\n          opened: [children]", with: "closed: [children]\n          opened: [referral]")
        #expect(text != Self.shipped)
        let report = Self.library(tests: text).testReport()
        let result = try #require(report.results.first)
        #expect(!result.passed)
        #expect(result.failures.map(\.expectation) == ["agencies", "agencies"])
        let closed = try #require(result.failures.first)
        #expect(closed.message == "expected the areas of 'Calderbridge Council' that closed to be children, got referral")
        #expect(closed.expected == "children")
        #expect(closed.actual.hasPrefix("referral (indicators: green → green no_gap; response: green → green no_gap; referral: amber → green closed"))
        let line = try #require(text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("closed: [children]") })
        #expect(closed.mark.line == line + 1)
        #expect(report.text().contains("FAIL training-rounds: council_closes_referral_gap_and_opens_children_gap"))
        #expect(!report.text().contains("No indicator is present"))
        let json = try JSONValue.parse(report.json())
        let first = try #require(json["tests"]?.array?.first)
        #expect(first["outcome"] == .null)
        #expect(first["failures"]?.array?.first?["expectation"]?.string == "agencies")
        #expect(first["failures"]?.array?.first?["line"]?.number == Double(line + 1))
        #expect(report.summary.hasSuffix("1 failed"))
    }

    @Test("pack diff evaluates every agency of every round as its own case")
    func casesForDiff() throws {
        let file = try #require(Self.library(tests: Self.shipped).testFiles.first)
        let test = try #require(file.tests.first)
        let cases = test.cases(id: "f/t")
        #expect(cases.count == 2)
        let first = String(decoding: cases[0].json, as: UTF8.self)
        #expect(first.hasPrefix("{\"id\":\"f/t/2025/Calderbridge Council\",\"answers\":{\"agency_number\":7,"))
        // The 2026 agency is based on the 2025 one: its own answers replace those, the rest are kept.
        let second = String(decoding: cases[1].json, as: UTF8.self)
        #expect(second.contains("\"assessment_date\":\"2026-10-05\""))
        #expect(second.contains("\"level_referral\":\"refer\""))
        #expect(second.contains("\"coverage_children\":40"))
        #expect(second.contains("\"frontline_staff\":200"))
        #expect(!second.contains("2025-10-06"))
    }
}
