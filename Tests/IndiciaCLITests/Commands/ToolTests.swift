import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

@Suite("Command line basics")
struct ToolTests {
    @Test("--version and --help")
    func versionAndHelp() {
        let version = ToolRunner.run(["--version"])
        #expect(version.code == .ok)
        #expect(version.output == "indicia \(EngineVersion.current)\n")
        let help = ToolRunner.run(["--help"])
        #expect(help.code == .ok)
        for command in ["screen", "assess", "evaluate", "lint", "schema", "report"] { #expect(help.output.contains("  \(command)")) }
        let lintHelp = ToolRunner.run(["lint", "--help"])
        #expect(lintHelp.output.hasPrefix("Usage: indicia lint"))
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

    @Test("lint on the shipped packs has no errors; every warning is an unverified flag or a pack-test coverage gap")
    func lintShipped() {
        // A fixed date: whether a contact's review date has passed is checked in LintCommandTests.
        let run = ToolRunner.run(["lint", "--today", "2026-11-29"])
        #expect(run.code == .ok)
        let findingLines = run.output.split(separator: "\n").filter { $0.contains(": warning: ") || $0.contains(": error: ") }
        #expect(!findingLines.isEmpty)
        for line in findingLines {
            let coverage = line.hasSuffix("[untested-outcome]") || line.hasSuffix("[untested-next-step]") || line.hasSuffix("[untested-pack]")
            #expect(line.hasSuffix("[unverified]") || coverage, "\(line)")
        }
        #expect(run.output.contains(" 0 errors,") || run.output.hasPrefix("0 errors") || run.output.contains("\n0 errors,"))
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
