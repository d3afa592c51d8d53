import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

@Suite("indicia schema")
struct SchemaCommandTests {
    @Test("schema result prints the full result schema, and --result summary the summary's")
    func resultSchemas() throws {
        let full = ToolRunner.run(["schema", "result"])
        #expect(full.code == .ok)
        let fullSchema = try #require(try JSONSerialization.jsonObject(with: Data(full.output.utf8)) as? [String: Any])
        let summary = ToolRunner.run(["schema", "result", "--result", "summary"])
        #expect(summary.code == .ok)
        let summarySchema = try #require(try JSONSerialization.jsonObject(with: Data(summary.output.utf8)) as? [String: Any])
        // The summary has no evidence or services; only the full result has a disclaimer.
        #expect(full.output.contains("\"disclaimer\""))
        #expect(!summary.output.contains("\"disclaimer\""))
        #expect(fullSchema["$schema"] != nil && summarySchema["$schema"] != nil)
    }

    @Test("schema result with --pack or --packs is a usage error naming the option, not a silently ignored option")
    func resultTakesNoPack() {
        for option in ["--pack", "--packs"] {
            let run = ToolRunner.run(["schema", "result", option, "welfare"])
            #expect(run.code == .usage)
            #expect(run.output == "")
            #expect(run.errors == "indicia schema: 'result' takes no \(option) (the result schema is the same for every pack)\n")
        }
    }

    @Test("schema case with --result is a usage error; schema case --pack prints the pack's case schema")
    func caseTakesNoResult() {
        let wrong = ToolRunner.run(["schema", "case", "--pack", "welfare", "--result", "summary"])
        #expect(wrong.code == .usage)
        #expect(wrong.output == "")
        #expect(wrong.errors.contains("'case' takes no --result"))
        let right = ToolRunner.run(["schema", "case", "--pack", "welfare"])
        #expect(right.code == .ok, "\(right.errors)")
        #expect(right.output.contains("\"answers\""))
    }
}
