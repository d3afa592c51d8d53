import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

/// A stream of hostile records: every one gets a result line with the expected code, every good
/// record is still evaluated, and nothing crashes or stops the stream.
@Suite("Adversarial cases")
struct AdversarialCaseTests {
    static let directory = ToolRunner.repositoryRoot + "/Tests/IndiciaKitTests/Fixtures/adversarial"

    @Test("one result per input line, each with its expected code, exit 1")
    func stream() throws {
        let input = try Data(contentsOf: URL(fileURLWithPath: Self.directory + "/cases.ndjson"))
        let expected =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.directory + "/cases-expected.json"))) as? [String] ?? []
        let pack = ToolRunner.repositoryRoot + "/Tests/IndiciaKitTests/Fixtures/lint/valid/rules.yaml"
        let output = BufferOutput()
        let errors = BufferOutput()
        let context = Context(
            input: BufferInput(bytes: [UInt8](input)), output: output, errors: errors,
            environment: [:], currentDirectory: ToolRunner.temporaryDirectory())
        let code = Tool.run(["evaluate", "--pack", pack], context: context)
        #expect(code == .findings)
        let lines = output.text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        // A blank input line is not a record: it gets no result, but it is counted in line numbers.
        let records = expected.enumerated().filter { $0.element != "blank" }
        #expect(lines.count == records.count)
        for (line, (index, want)) in zip(lines, records) {
            let result = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] ?? [:]
            let got = (result["ok"] as? Bool == true) ? "ok" : ((result["error"] as? [String: Any])?["code"] as? String ?? "?")
            #expect(got == want, "line \(index + 1): \(line.prefix(200))")
            if got != "ok" { #expect(result["line"] as? Int == index + 1) }
        }
        #expect(!errors.text.contains("\u{1B}"))
    }

    @Test("a directory given as the pack or as input is a clear error")
    func directories() {
        #expect(ToolRunner.run(["evaluate", "--pack", Self.directory + "/packs/directory.yaml"]).code == .dataError)
        let run = ToolRunner.run(["evaluate", "--pack", "welfare", Self.directory])
        #expect(run.code == .noInput)
        #expect(run.errors.contains("cannot read"))
    }
}
