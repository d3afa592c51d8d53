import Foundation
import Testing

@testable import IndiciaKit

/// `lint` reports the outcomes and next steps no pack test reaches, and fails on a test file that does not load.
@Suite("Lint: pack test coverage")
struct LinterCoverageTests {
    static let root = Fixtures.path("packtests")

    @Test("the next step no test gives is a warning at its definition; reached ones are not")
    func untestedNextStep() {
        let findings = Linter().lint(PackLibrary.load(paths: [Self.root + "/v1"]))
        // The fixture's tests reach every outcome and give call_999 and refer_as_first_responder,
        // but no test is about a worker who is not a First Responder.
        #expect(findings.map(\.code) == [.untestedNextStep])
        #expect(findings.first?.message.contains("'contact_a_first_responder'") == true)
        #expect(findings.first?.severity == .warning)
        #expect(findings.first?.mark.line == 62)
    }

    @Test("an outcome no test reaches is a warning")
    func untestedOutcome() {
        let library = PackLibrary.load(paths: [Self.root + "/v1/questionnaires", Self.root + "/v1/rules/shelter.yaml", Self.root + "/failing"])
        let findings = Linter().lint(library)
        // The failing tests reach concern and danger only.
        #expect(findings.filter { $0.code == .untestedOutcome }.map(\.message) == ["no test of rule set 'shelter' reaches outcome 'none' (level 0)"])
        #expect(
            Set(findings.filter { $0.code == .untestedNextStep }.map(\.message)) == [
                "no test of rule set 'shelter' gives next step 'refer_as_first_responder'"
            ])
    }

    @Test("a test file that does not load is a lint error")
    func brokenTestFileIsAnError() {
        for folder in ["unknown-indicator", "not-yaml", "other-pack", "bad-answers"] {
            let library = PackLibrary.load(paths: [Self.root + "/v1/questionnaires", Self.root + "/v1/rules/shelter.yaml", Self.root + "/" + folder])
            #expect(Linter().lint(library).contains { $0.severity == .error && $0.mark.file.hasSuffix(folder + "/tests.yaml") }, "\(folder)")
        }
    }

    @Test("packs with no test files anywhere get no coverage findings")
    func noTestsNoNoise() {
        let library = PackLibrary.load(paths: [Self.root + "/v1/questionnaires", Self.root + "/v1/rules/shelter.yaml"])
        #expect(Linter().lint(library).isEmpty)
    }
}
