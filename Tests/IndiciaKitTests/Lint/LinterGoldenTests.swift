import Foundation
import Testing

@testable import IndiciaKit

/// One golden file per broken fixture pack: the exact rendered diagnostics (line, column, message, caret).
@Suite("Lint diagnostics match their golden files")
struct LinterGoldenTests {
    static let cases = Fixtures.directories(in: "lint")

    @Test("fixture", arguments: cases)
    func fixture(_ name: String) {
        let directory = Fixtures.path("lint/\(name)")
        let library = PackLibrary.load(paths: [directory + "/questionnaire.yaml", directory + "/rules.yaml"])
        let findings = Linter().lint(library)
        let rendered = DiagnosticRenderer(sources: library.sources).render(findings)
            .replacingOccurrences(of: directory + "/", with: "")
        Fixtures.assertGolden(rendered, "lint/\(name)/expected.txt")
        if name == "valid" {
            #expect(findings.isEmpty)
        } else {
            #expect(!findings.isEmpty, "a broken fixture must produce a finding")
        }
    }

    /// Without this, a missing Fixtures folder would give the parameterised test no arguments, and it would pass.
    @Test("the fixture folders are found: the valid pack and every fixture named below are among the test's arguments")
    func fixturesFound() {
        #expect(Set(["valid"] + Self.expectedCodes.keys).isSubset(of: Self.cases), "\(Self.cases)")
    }

    static let expectedCodes: [String: Diagnostic.Code] = [
        "tab-indent": .yamlSyntax, "duplicate-key": .duplicateKey, "alias": .yamlAlias, "unknown-key": .unknownKey,
        "cycle": .cycle, "never-fires": .neverFires, "outcome-always-matches": .outcomeShadowed,
        "type-mismatch": .exprType, "unknown-choice": .unknownChoice, "show-if-later-question": .laterQuestion,
        "unsupported-version": .unsupportedVersion, "invalid-utf8": .yamlSyntax, "empty-file": .emptyFile,
    ]

    @Test("every broken fixture reports its own kind of problem first", arguments: expectedCodes.keys.sorted())
    func codes(_ name: String) {
        let directory = Fixtures.path("lint/\(name)")
        let findings = Linter().lint(PackLibrary.load(paths: [directory]))
        let first = findings.first { $0.severity == .error }
        #expect(first?.code == Self.expectedCodes[name], "\(name): \(findings.map(\.code))")
    }
}
