import Foundation
import Testing

@testable import IndiciaKit

/// The shipped packs' own tests (rules/tests/), run in-process: every test loads and passes, and
/// every result they produce keeps the promises every result must keep, whatever the content.
@Suite("Shipped pack tests")
struct ShippedPackTestsTests {
    static let report = ShippedPacks.library.testReport()

    @Test("every shipped test file loads and every test passes")
    func allPass() {
        #expect(Self.report.diagnostics.isEmpty, "\(Self.report.diagnostics)")
        #expect(Self.report.failed == 0, "\(Self.report.text())")
        // Both shipped rule sets have tests.
        #expect(Set(Self.report.results.map { $0.runtime.pack.identity.id }) == ["screening", "training"])
    }

    @Test("every present indicator names the answers behind it, and those answers were given")
    func evidence() {
        #expect(Self.report.results.contains { !$0.evaluation.firedIndicators($0.runtime.pack).isEmpty }, "no test result has an indicator")
        for result in Self.report.results {
            let pack = result.runtime.pack
            let given = Set(result.test.answers.map(\.question))
            for indicator in result.evaluation.firedIndicators(pack) {
                let evidence = result.evidence(forIndicator: indicator)
                let name = "\(result.test.id): \(pack.rules.indicators[indicator].id)"
                #expect(!evidence.isEmpty, "\(name) has no evidence")
                for item in evidence { #expect(given.contains(item.question), "\(name) cites \(item.question), which the test did not answer") }
            }
        }
    }

    @Test("no result says that someone is, or is not, a victim; every result carries the disclaimer")
    func wording() throws {
        #expect(!Self.report.results.isEmpty)
        for result in Self.report.results {
            let json = try JSONValue.parse(result.runtime.resultJSON(result.evaluation, id: nil))
            guard case .object(let fields) = json else {
                Issue.record("\(result.test.id): the result is not an object")
                continue
            }
            let spoken = JSONValue.object(fields.filter { $0.0 != "disclaimer" })
            let wording = spoken.pretty.lowercased()
            for phrase in ["is a victim", "is not a victim", "are a victim", "not a victim of"] {
                #expect(!wording.contains(phrase), "\(result.test.id) says '\(phrase)'")
            }
            let disclaimer = json["disclaimer"]?.string ?? ""
            #expect(!disclaimer.isEmpty, "\(result.test.id) has no disclaimer")
            if result.runtime.pack.identity.id == "screening" {
                #expect(disclaimer.contains("not a decision"), "\(result.test.id): the screening disclaimer must say it is not a decision")
            }
        }
    }
}
