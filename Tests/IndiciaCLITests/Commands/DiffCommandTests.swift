import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

/// `indicia diff` on two revisions of a fixture pack: revision 2 lowers the long-hours threshold
/// from 60 to 48 hours a week and renames the choice `charity` to `voluntary_sector`.
@Suite("indicia diff")
struct DiffCommandTests {
    static let fixtures = ToolRunner.repositoryRoot + "/Tests/IndiciaKitTests/Fixtures/packtests"
    static let arguments = ["diff", fixtures + "/v1", fixtures + "/v2", "--cases", fixtures + "/diff/cases.ndjson"]

    /// Compares with `Fixtures/goldens/diff/NAME` (fixture paths written relative to the fixtures folder).
    static func golden(_ actual: String, _ name: String, sourceLocation: SourceLocation = #_sourceLocation) {
        Golden.assert(actual.replacingOccurrences(of: fixtures + "/", with: ""), "diff/" + name, sourceLocation: sourceLocation)
    }

    @Test("the change list, in text and JSON, matches the golden files")
    func goldens() {
        let text = ToolRunner.run(Self.arguments)
        #expect(text.code == .findings)
        Self.golden(text.output, "expected.txt")
        let json = ToolRunner.run(Self.arguments + ["--format", "json"])
        #expect(json.code == .findings)
        Self.golden(json.output, "expected.json")
    }

    @Test("what the revisions do to each case, written from the change")
    func perCase() throws {
        let run = ToolRunner.run(Self.arguments + ["--format", "json"])
        let document = try JSONValue.parse(Array(run.output.utf8))
        let cases = try #require(document["cases"]?.array)
        func find(_ id: String) -> JSONValue? { cases.first { $0["id"]?.string == id } }
        // 50 hours a week is now long hours: a labour case with nothing else moves from none to concern.
        #expect(find("other-50h-labour")?["after"]?["outcome"]?.string == "concern")
        #expect(find("other-50h-labour")?["indicators_added"]?.array?.compactMap(\.string) == ["excessive_hours"])
        // 70 hours was long hours before and after: not listed.
        #expect(find("police-70h") == nil)
        // The renamed choice: the old revision evaluates the case, the new one refuses it, saying why.
        #expect(find("charity-passport")?["refused_by_old"] == .null)
        #expect(find("charity-passport")?["refused_by_new"]?["code"]?.string == "unknown-choice")
        #expect(find("charity-passport")?["refused_by_new"]?["path"]?.string == "/answers/worker")
        let totals = document["totals"]
        #expect(totals?["cases"]?.number == 7)
        #expect(totals?["moved_up"]?.number == 1)
        #expect(totals?["moved_down"]?.number == 0)
        let changes = try #require(document["rule_changes"]?.array)
        #expect(
            changes.map { "\($0["kind"]?.string ?? "") \($0["id"]?.string ?? "") \($0["change"]?.string ?? "")" } == [
                "question worker answers", "indicator excessive_hours condition",
            ])
    }

    @Test("--cases - reads the cases from standard input, with the same report")
    func standardInput() throws {
        let cases = try String(contentsOfFile: Self.fixtures + "/diff/cases.ndjson", encoding: .utf8)
        let fromFile = ToolRunner.run(Self.arguments)
        let fromInput = ToolRunner.run(["diff", Self.fixtures + "/v1", Self.fixtures + "/v2", "--cases", "-"], input: cases, chunk: 7)
        #expect(fromInput.code == .findings)
        #expect(fromInput.output == fromFile.output)
    }

    @Test("a revision against itself: nothing changed, exit 0")
    func unchanged() {
        let run = ToolRunner.run(["diff", Self.fixtures + "/v1", Self.fixtures + "/v1"])
        #expect(run.code == .ok)
        #expect(run.output.contains("The content is the same in both revisions."))
        #expect(run.output.contains("No case changed."))
    }

    @Test("by default the cases are the pack's own tests, and refusals are listed with the reason")
    func defaultCases() {
        let run = ToolRunner.run(["diff", Self.fixtures + "/v1", Self.fixtures + "/v2"])
        #expect(run.code == .findings)
        #expect(run.output.contains("3 cases:"))
        #expect(run.output.contains("shelter-checks/charity_long_hours_only (line 24): refused by the new revision only"))
    }

    @Test("two different packs is a usage error; a pack that does not load is 65; a missing path 66; --format html works")
    func errors() {
        let other = ToolRunner.run(["diff", Self.fixtures + "/v1", ToolRunner.packsFolder(["tiny"])])
        #expect(other.code == .usage)
        #expect(other.errors.contains("holds pack 'shelter'") && other.errors.contains("holds pack 'tiny'"))
        #expect(ToolRunner.run(["diff", Self.fixtures + "/v1", Self.fixtures + "/missing"]).code == .noInput)
        #expect(ToolRunner.run(["diff", Self.fixtures + "/v1"]).code == .usage)
        #expect(ToolRunner.run(Self.arguments + ["--format", "pdf"]).code == .usage)
        let broken = ToolRunner.temporaryDirectory()
        #expect(FileManager.default.createFile(atPath: broken + "/rules.yaml", contents: Data("version: 1\nkind: rules\nid: shelter\n".utf8)))
        #expect(ToolRunner.run(["diff", Self.fixtures + "/v1", broken]).code == .dataError)
        let html = ToolRunner.run(Self.arguments + ["--format", "html"])
        #expect(html.code == .findings)
        #expect(html.output.hasPrefix("<!doctype html>") && html.output.contains("charity-passport") && !html.output.contains("<script"))
    }
}
