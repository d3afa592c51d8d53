import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

/// `indicia test`: exit codes and formats, on test-owned packs (the shipped packs' tests run in CI
/// through `indicia test` itself and in-process in `ShippedPackTestsTests`).
@Suite("indicia test")
struct TestCommandTests {
    static let fixtures = ToolRunner.repositoryRoot + "/Tests/IndiciaKitTests/Fixtures/packtests"

    @Test("without paths, the test files under the packs folder run: the fixture packs' eleven tests pass (welfare 5, labour 3, skills 3)")
    func defaultPacksPass() {
        let run = ToolRunner.run(["test"])
        #expect(run.code == .ok, "\(run.output)\(run.errors)")
        #expect(run.output == "11 passed, 0 failed\n")
    }

    @Test("exit codes: 0 all pass, 1 a test failed, 65 a test file does not load, 66 missing path, 64 bad format")
    func exitCodes() {
        let packs = ["--packs", Self.fixtures + "/v1"]
        #expect(ToolRunner.run(["test", Self.fixtures + "/v1"]).code == .ok)
        let failing = ToolRunner.run(["test"] + packs + [Self.fixtures + "/failing/tests.yaml"])
        #expect(failing.code == .findings)
        #expect(failing.output.hasSuffix("1 passed, 1 failed\n"))
        #expect(ToolRunner.run(["test"] + packs + [Self.fixtures + "/unknown-indicator/tests.yaml"]).code == .dataError)
        #expect(ToolRunner.run(["test"] + packs + [Self.fixtures + "/not-yaml/tests.yaml"]).code == .dataError)
        #expect(ToolRunner.run(["test", Self.fixtures + "/no-such-file.yaml"]).code == .noInput)
        #expect(ToolRunner.run(["test", "--format", "xml"]).code == .usage)
    }

    @Test("a test file beside its pack files, with no rules/ folder, runs against them")
    func flatFolder() throws {
        let folder = ToolRunner.temporaryDirectory()
        for (from, to) in [
            ("v1/questionnaires/shelter.yaml", "q.yaml"), ("v1/rules/shelter.yaml", "r.yaml"), ("v1/rules/tests/shelter.yaml", "t.yaml"),
        ] {
            try FileManager.default.copyItem(atPath: Self.fixtures + "/" + from, toPath: folder + "/" + to)
        }
        let run = ToolRunner.run(["test", folder + "/t.yaml"])
        #expect(run.code == .ok, "\(run.output)")
        #expect(run.output == "3 passed, 0 failed\n")
    }

    @Test("--format json is one JSON document with the counts and each failure's position")
    func json() throws {
        let run = ToolRunner.run(["test", "--packs", Self.fixtures + "/v1", "--format", "json", Self.fixtures + "/failing/tests.yaml"])
        #expect(run.code == .findings)
        let document = try JSONValue.parse(Array(run.output.utf8))
        #expect(document["passed"]?.number == 1)
        #expect(document["failed"]?.number == 1)
        let failure = document["tests"]?.array?.first?["failures"]?.array?.first
        #expect(failure?["line"]?.number == 20)
        #expect(failure?["column"]?.number == 40)
        #expect(failure?["expectation"]?.string == "indicators")
    }

    @Test("indicia help lists the test command")
    func listed() {
        #expect(ToolRunner.run(["help"]).output.contains("  test "))
    }
}
