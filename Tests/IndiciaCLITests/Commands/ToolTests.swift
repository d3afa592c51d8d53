import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

@Suite("Command line basics")
struct ToolTests {
    /// Every `--help` is checked whole against its golden in `HelpGoldenTests`.
    @Test("--version, -V and version print the engine version")
    func version() {
        for spelling in ["--version", "-V", "version"] {
            let run = ToolRunner.run([spelling])
            #expect(run.code == .ok)
            #expect(run.output == "indicia \(EngineVersion.current)\n")
            #expect(run.errors.isEmpty)
        }
    }

    @Test("unknown commands and options give one line, the usage, and exit 64")
    func usageErrors() {
        let command = ToolRunner.run(["lnit"])
        #expect(command.code == .usage)
        #expect(command.errors.hasPrefix("indicia: unknown command 'lnit'; did you mean 'lint'?\n"))
        let option = ToolRunner.run(["lint", "--formt", "json"])
        #expect(option.code == .usage)
        #expect(option.errors.hasPrefix("indicia lint: unknown option '--formt'; did you mean '--format'?\n"))
        let missing = ToolRunner.run(["evaluate", "--pack"])
        #expect(missing.code == .usage)
        #expect(missing.errors.hasPrefix("indicia evaluate: --pack needs a value\n"))
        #expect(ToolRunner.run([]).code == .usage)
    }

    @Test("lint with no paths reads the packs folder: the fixture packs' warnings, exactly, and exit 0")
    func lintDefaultPacks() {
        // A fixed date, so no contact's review date passes (that is checked in LintCommandTests).
        let run = ToolRunner.run(["lint", "--today", "2026-11-29"])
        #expect(run.code == .ok)
        let findings = run.output.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
            .map { line in line.range(of: "Fixtures/packs/").map { String(line[$0.upperBound...]) } ?? String(line) }
        // The tiny pack has no tests and three unverified indicators; the fixture helpline is unverified.
        #expect(
            findings == [
                "rules/tiny.yaml:3:1: warning: rule set 'tiny' has no tests: add a test file (kind: tests, rules: tiny) under rules/tests/ so its 2 outcomes and 0 next steps are checked [untested-pack]",
                "rules/tiny.yaml:14:5: warning: indicator 'documents_withheld' has not been checked against a primary source (verified: false) [unverified]",
                "rules/tiny.yaml:20:5: warning: indicator 'excessive_hours' has not been checked against a primary source (verified: false) [unverified]",
                "rules/tiny.yaml:26:5: warning: indicator 'not_free_to_leave' has not been checked against a primary source (verified: false) [unverified]",
                "rules/welfare-services.yaml:17:5: warning: service 'helpline' contact details have not been checked against their source (verified: false) [unverified]",
            ])
        #expect(run.output.hasSuffix("0 errors, 5 warnings in 12 files\n"))
    }

    @Test("lint exit codes: findings 1, missing path 66, JSON format")
    func lintExitCodes() {
        let broken = ToolRunner.run(["lint", ToolRunner.repositoryRoot + "/Tests/IndiciaKitTests/Fixtures/lint/cycle"])
        #expect(broken.code == .findings)
        let missing = ToolRunner.run(["lint", "/no/such/path"])
        #expect(missing.code == .noInput)
        #expect(missing.output.contains("/no/such/path:1:1: error: no such file or directory [file-not-found]"))
        let json = ToolRunner.run(["lint", "--format", "json", ToolRunner.repositoryRoot + "/Tests/IndiciaKitTests/Fixtures/lint/unknown-key"])
        let parsed = try? JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [[String: Any]]
        #expect(parsed?.first?["code"] as? String == "unknown-key")
        #expect(parsed?.first?["line"] as? Int == 25)
        #expect(parsed?.first?["column"] as? Int == 9)
    }
}
