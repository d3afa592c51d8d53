import Foundation
import Testing

@testable import IndiciaKit

/// Pack tests run through the same decoder and evaluator as `indicia evaluate`; failures point at
/// the expectation that failed and explain the result with its own evidence.
@Suite("Pack test runner")
struct PackTestRunnerTests {
    static let root = Fixtures.path("packtests")

    static func report(_ folder: String) -> PackTestReport {
        let v1 = root + "/v1"
        let library = PackLibrary.load(paths: [v1 + "/questionnaires", v1 + "/rules", root + "/" + folder])
        return library.testReport(only: [root + "/" + folder])
    }

    @Test("the fixture pack's own tests pass")
    func ownTestsPass() {
        let report = Self.report("v1/rules/tests")
        #expect(report.diagnostics.isEmpty)
        #expect(report.summary == "3 passed, 0 failed")
    }

    @Test("a test's result is the result indicia evaluate gives for the same answers")
    func sameEngineAsEvaluate() throws {
        let v1 = Self.root + "/v1"
        let library = PackLibrary.load(paths: [v1])
        let suite = try #require(library.testSuites().suites.first)
        let results = PackTestRunner.run(suite)
        // v1's test file holds three tests: each is compared, none skipped by the zip.
        #expect(suite.cases.count == 3 && results.count == 3)
        for (item, result) in zip(suite.cases, results) {
            let (ok, bytes) = suite.runtime.evaluateJSON(item.json)
            #expect(ok)
            let outcome = suite.runtime.pack.rules.outcomes[result.evaluation.outcome].id
            #expect(String(decoding: bytes, as: UTF8.self).contains("\"outcome\":{\"id\":\"\(outcome)\""))
            #expect(result.runtime.resultJSON(result.evaluation, id: nil) == suite.runtime.resultJSON(result.evaluation, id: nil))
        }
    }

    @Test("a failing expectation is reported at its position with expected, actual and the evidence")
    func failingExpectation() throws {
        let report = Self.report("failing")
        #expect(report.summary == "1 passed, 1 failed")
        let failed = try #require(report.results.first { !$0.passed })
        // The situation: a charity worker, passport held, 50 hours. Long hours is not a sign at 50,
        // and a charity worker is not a First Responder: both expectations fail, nothing else.
        #expect(failed.failures.map(\.expectation) == ["indicators", "next_steps"])
        #expect(failed.failures.map(\.mark.line) == [20, 21])
        #expect(failed.failures.map(\.mark.column) == [40, 20])
        #expect(failed.failures[0].actual == "not present; its condition read hours_per_week = 50")
        #expect(failed.failures[1].actual == "next steps given: contact_a_first_responder")
        #expect(failed.evidence(forIndicator: 0).map(\.question) == ["documents_held"])
    }

    @Test("golden", arguments: ["failing", "unknown-indicator", "not-yaml", "other-pack", "bad-answers"])
    func golden(_ folder: String) {
        let report = Self.report(folder)
        let text = report.text().replacingOccurrences(of: Self.root + "/", with: "")
        Fixtures.assertGolden(text, "packtests/\(folder)/expected.txt")
        let json = String(decoding: report.json(), as: UTF8.self).replacingOccurrences(of: Self.root + "/", with: "")
        Fixtures.assertGolden(json, "packtests/\(folder)/expected.json")
    }

    @Test("load errors: one positioned error for a test naming an unknown indicator, a file that is not YAML, another pack")
    func oneErrorEach() {
        for (folder, code, line, column) in [
            ("unknown-indicator", "unknown-indicator", 12, 20), ("not-yaml", "yaml-syntax", 9, 1), ("other-pack", "unknown-rules", 4, 8),
        ] {
            let errors = Self.report(folder).diagnostics
            #expect(errors.map(\.code.rawValue) == [code], "\(folder)")
            #expect(errors.first.map { [$0.mark.line, $0.mark.column] } == [line, column], "\(folder)")
        }
    }
}
