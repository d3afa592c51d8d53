import Foundation
import Testing

@testable import IndiciaKit

/// Test files checked against their pack: every unknown key, unknown id and refused answer is an
/// error at the position of what is wrong (marked `↓` in the text below), and all are reported.
@Suite("Pack test files")
struct PackTestSuiteTests {
    static let v1 = Fixtures.path("packtests/v1")

    /// Text with `↓` markers removed, and the position of the character after each marker.
    static func marked(_ text: String, file: String) -> (text: String, marks: [SourceMark]) {
        var marks: [SourceMark] = []
        var out = ""
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var column = 1
            var clean = ""
            for scalar in line.unicodeScalars {
                if scalar == "↓" {
                    marks.append(SourceMark(file: file, line: index + 1, column: column))
                } else {
                    clean.unicodeScalars.append(scalar)
                    column += 1
                }
            }
            out += (index == 0 ? "" : "\n") + clean
        }
        return (out, marks)
    }

    /// The shelter fixture pack plus one test file held in memory.
    static func library(tests: String, name: String = "tests.yaml") -> PackLibrary {
        var sources: [(name: String, bytes: [UInt8])] = []
        for path in ["questionnaires/shelter.yaml", "rules/shelter.yaml"] {
            sources.append((path, Array((Fixtures.read(v1 + "/" + path) ?? "").utf8)))
        }
        sources.append((name, Array(tests.utf8)))
        return PackLibrary.load(sources: sources)
    }

    @Test("every mistake in a test file is reported at its own position")
    func everyMistakePositioned() {
        let (text, marks) = Self.marked(
            """
            version: 1
            kind: tests
            id: mistakes
            rules: shelter
            title: Mistakes
            ↓revision: "1"
            tests:
              - id: one
                situation: Everything wrong.
                answers:
                  worker: ↓ambulance
                  ↓hours_a_week: 10
                  signs: [labour, ↓begging]
                  hours_per_week: ↓not_known
                  immediate_danger: ↓maybe
                expect:
                  outcome: ↓concerned
                  indicators: [↓documents_witheld]
                  not_next_steps: [↓call_99]
                  values: { ↓first_responders: true }
                  ↓urgnet: true
              - id: two
                situation: Nothing wrong.
                answers: {}
                expect: { outcome: none }
            """, file: "tests.yaml")
        let library = Self.library(tests: text)
        let report = library.testReport()
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.mark).sorted() == marks.sorted(), "\(errors)")
        let codes = Dictionary(errors.map { ($0.mark.line, $0.code.rawValue) }, uniquingKeysWith: { a, _ in a })
        #expect(codes[6] == "unknown-key")
        #expect(codes[11] == "refused-answer")
        #expect(codes[12] == "unknown-question")
        #expect(codes[13] == "refused-answer")
        #expect(codes[14] == "refused-answer")
        #expect(codes[15] == "refused-answer")
        #expect(codes[17] == "unknown-outcome")
        #expect(codes[18] == "unknown-indicator")
        #expect(codes[19] == "unknown-recommendation")
        #expect(codes[20] == "unknown-value")
        #expect(errors.first { $0.code == .unknownIndicator }?.message.contains("did you mean 'documents_withheld'") == true)
        // The test with mistakes does not run; the other one does.
        #expect(report.results.map(\.test.id) == ["two"])
    }

    @Test("an answer the questionnaire refuses is refused with the same words as JSON mode")
    func sameGrammarAsJSONMode() throws {
        let library = Self.library(
            tests: """
                version: 1
                kind: tests
                id: one
                rules: shelter
                title: One
                tests:
                  - id: t
                    situation: Too many hours.
                    answers: { hours_per_week: 500 }
                    expect: {}
                """)
        let error = try #require(library.testReport().diagnostics.first)
        let pack = try #require(library.compile(rulesID: "shelter").0)
        let (ok, bytes) = PackRuntime(pack: pack).evaluateJSON(Array(#"{"answers":{"hours_per_week":500}}"#.utf8))
        #expect(!ok)
        let json = String(decoding: bytes, as: UTF8.self)
        #expect(error.code == .refusedAnswer)
        #expect(json.contains("\"code\":\"out-of-range\""))
        #expect(error.message.contains("the answer to 'hours_per_week' is above its maximum of 168 (JSON mode: out-of-range)"))
        #expect(json.contains("the answer to 'hours_per_week' is above its maximum of 168"))
        #expect(error.mark == SourceMark(file: "tests.yaml", line: 9, column: 32))
    }

    @Test("YAML yes and no are the answers \"yes\" and \"no\"; true/false, numbers and lists become JSON")
    func answersAsJSON() throws {
        let library = Self.library(
            tests: """
                version: 1
                kind: tests
                id: one
                rules: shelter
                title: One
                tests:
                  - id: t
                    situation: Spelling.
                    answers: { documents_held: yes, immediate_danger: false, hours_per_week: 61, signs: [labour, sexual], worker: "police" }
                    expect: { indicators: [documents_withheld, excessive_hours, labour_sign], values: { first_responder: true } }
                """)
        let suite = try #require(library.testSuites().suites.first)
        let json = String(decoding: try #require(suite.cases.first).json, as: UTF8.self)
        #expect(
            json
                == #"{"id":"t","answers":{"documents_held":"yes","immediate_danger":false,"hours_per_week":61,"signs":["labour","sexual"],"worker":"police"}}"#
        )
        let results = PackTestRunner.run(suite)
        #expect(results.count == 1 && results.allSatisfy { $0.passed })
    }

    @Test("a file that is not YAML gives one positioned error and no crash")
    func notYAML() {
        let library = Self.library(tests: "version: 1\nkind: tests\ntests: [\n  - id: \"open\n")
        let errors = library.testReport().diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.code == .yamlSyntax)
        #expect(errors.first?.mark.file == "tests.yaml")
    }

    @Test("a test file naming a rule set that is not there gives one error at its rules: value")
    func otherPack() {
        let library = Self.library(
            tests: "version: 1\nkind: tests\nid: x\nrules: screening\ntitle: X\ntests:\n  - { id: a, situation: A, answers: {}, expect: {} }\n")
        let errors = library.testReport().diagnostics
        #expect(errors.map(\.code) == [.unknownRules])
        #expect(errors.first?.mark == SourceMark(file: "tests.yaml", line: 4, column: 8))
    }

    @Test("expectations that contradict each other or the pack are load errors")
    func contradictions() {
        let library = Self.library(
            tests: """
                version: 1
                kind: tests
                id: one
                rules: shelter
                title: One
                tests:
                  - id: t
                    situation: Contradictions.
                    answers: {}
                    expect:
                      outcome: danger
                      level: 2
                      urgent: false
                      indicators: [labour_sign]
                      not_indicators: [labour_sign]
                """)
        let errors = library.testReport().diagnostics
        #expect(errors.map(\.code) == [.contradictoryExpectation, .contradictoryExpectation, .contradictoryExpectation])
        #expect(errors.map(\.mark.line) == [12, 13, 15])
    }
}
