import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

/// `indicia report` reads results a line at a time: the same report whatever sizes the input
/// arrives in, pretty-printed documents too, and clear accounts of what it left out or refused.
@Suite("indicia report")
struct ReportCommandTests {
    static let shipped = ["INDICIA_PACKS": ToolRunner.repositoryRoot]

    /// The example agencies' training-needs results, as `indicia evaluate` writes them.
    static func trainingResults() -> String {
        let agencies = (try? String(contentsOfFile: ToolRunner.repositoryRoot + "/examples/training/agencies.ndjson", encoding: .utf8)) ?? ""
        return ToolRunner.run(["evaluate", "--pack", "training"], input: agencies, environment: Self.shipped).output
    }

    @Test("the report is the same when the results arrive a few bytes at a time")
    func chunkedInput() {
        let results = Self.trainingResults()
        let agencies = (try? String(contentsOfFile: ToolRunner.repositoryRoot + "/examples/training/agencies.ndjson", encoding: .utf8)) ?? ""
        #expect(results.split(separator: "\n").count == agencies.split(separator: "\n").count)
        let whole = ToolRunner.run(["report", "--format", "json"], input: results, environment: Self.shipped)
        #expect(whole.code == .ok)
        #expect(whole.output.contains("\"agencies\""))
        for chunk in [1, 7, 4096] {
            let pieces = ToolRunner.run(["report", "--format", "json"], input: results, chunk: chunk, environment: Self.shipped)
            #expect(pieces.code == .ok)
            #expect(pieces.output == whole.output, "chunk \(chunk)")
        }
    }

    @Test("a pretty-printed result (as --out writes) is read as one document, even a byte at a time")
    func prettyDocument() throws {
        let line = try #require(Self.trainingResults().split(separator: "\n").first)
        let pretty = try JSONValue.parse(Array(line.utf8)).pretty
        #expect(pretty.contains("\n"))
        for chunk in [1, .max] {
            let run = ToolRunner.run(["report", "--format", "json"], input: pretty, chunk: chunk, environment: Self.shipped)
            #expect(run.code == .ok, "\(run.errors)")
            let report = try JSONValue.parse(Array(run.output.utf8))
            #expect(report["agencies"]?.array?.count == 1)
            #expect(report["not_results"]?.number == 0)
        }
    }

    @Test("error results, other packs' results and JSON that is not a result are counted and named, not silently dropped")
    func leftOut() {
        let bench = ToolRunner.repositoryRoot + "/bench/pack/rules/bench.yaml"
        let other = ToolRunner.run(["evaluate", "--pack", bench], input: #"{"id":"b1","answers":{}}"# + "\n", environment: Self.shipped).output
        let input =
            Self.trainingResults() + #"{"id":"x","ok":false,"line":3,"error":{"code":"wrong-type","message":"m","path":""}}"# + "\n"
            + other + "[1,2]\n" + #"{"answers":{"immediate_danger":"no"}}"# + "\n"
        let run = ToolRunner.run(["report"], input: input, environment: Self.shipped)
        #expect(run.code == .ok)
        #expect(
            run.output.contains(
                "Left out: 1 error result (records that could not be evaluated); 1 result of packs with no report: block here; "
                    + "2 JSON documents that are not a result."))
        let json = ToolRunner.run(["report", "--format", "json"], input: input, environment: Self.shipped)
        let report = try? JSONValue.parse(Array(json.output.utf8))
        #expect(report?["error_records"]?.number == 1)
        #expect(report?["other_records"]?.number == 1)
        #expect(report?["not_results"]?.number == 2)
        #expect(ToolRunner.run(["report", "--format", "html"], input: input, environment: Self.shipped).output.contains("Left out: 1 error result"))
    }

    @Test("a folder of result files (NDJSON, pretty-printed JSON, a draft among them) is read file by file")
    func folder() throws {
        let directory = ToolRunner.temporaryDirectory()
        let lines = Self.trainingResults().split(separator: "\n").map(String.init)
        try (lines[0..<10].joined(separator: "\n") + "\n").write(toFile: directory + "/a.ndjson", atomically: true, encoding: .utf8)
        for (n, line) in lines[10...].enumerated() {
            try JSONValue.parse(Array(line.utf8)).pretty.write(toFile: directory + "/agency-\(n).json", atomically: true, encoding: .utf8)
        }
        try #"{"version":1,"answers":{}}"#.write(toFile: directory + "/indicia-training-draft.json", atomically: true, encoding: .utf8)
        try "not read".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
        let run = ToolRunner.run(["report", directory, "--format", "json"], environment: Self.shipped)
        #expect(run.code == .ok, "\(run.errors)")
        let report = try JSONValue.parse(Array(run.output.utf8))
        #expect(report["agencies"]?.array?.count == lines.count)
        #expect(report["not_results"]?.number == 1)
    }

    @Test("nothing to report says so")
    func empty() {
        let run = ToolRunner.run(["report"], input: "\n\n", environment: Self.shipped)
        #expect(run.code == .ok)
        #expect(run.output == "No results to report.\n")
    }

    @Test("a line that is not JSON is counted as left out, and none of its text is shown")
    func malformedLine() {
        let results = Self.trainingResults()
        let count = results.split(separator: "\n").count
        let input = results + "SECRET-ANSWER not json\n" + #"{"id":"half","ok":tr"# + "\n"
        let run = ToolRunner.run(["report"], input: input, chunk: 1000, environment: Self.shipped)
        #expect(run.code == .findings)
        #expect(run.output.contains("\(count) agencies"))
        #expect(run.output.contains("Left out: 2 lines that are not JSON."))
        #expect(run.errors.hasPrefix("indicia report: <stdin>:\(count + 1):1: left out: not a result (malformed JSON"))
        #expect(run.errors.contains("indicia report: <stdin>:\(count + 2):"))
        #expect(run.errors.split(separator: "\n").allSatisfy { $0.hasSuffix("[malformed-json]") })
        #expect(!run.output.contains("SECRET") && !run.errors.contains("SECRET"))
    }

    @Test("--rounds compares the two example rounds; --agency prints one agency's action plan; an unknown agency is exit 1")
    func roundsAndAgency() throws {
        let directory = ToolRunner.temporaryDirectory()
        for (file, name) in [("agencies-2025.ndjson", "2025.ndjson"), ("agencies.ndjson", "2026.ndjson")] {
            let cases = try String(contentsOfFile: ToolRunner.repositoryRoot + "/examples/training/" + file, encoding: .utf8)
            let results = ToolRunner.run(["evaluate", "--pack", "training"], input: cases, environment: Self.shipped).output
            try results.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        }
        let rounds = ToolRunner.run(["report", "--rounds", directory + "/2025.ndjson", directory + "/2026.ndjson"], environment: Self.shipped)
        #expect(rounds.code == .ok, "\(rounds.errors)")
        #expect(rounds.output.contains("## Change between rounds"))
        #expect(rounds.output.contains("Not re-assessed in the latest round: Kirkgate community centre (fictional)"))
        // Riverside Jobcentre has no designated lead: appointing one comes first in its plan.
        let plan = ToolRunner.run(
            ["report", "--rounds", directory + "/2025.ndjson", directory + "/2026.ndjson", "--agency", "riverside jobcentre"],
            environment: Self.shipped)
        #expect(plan.code == .ok)
        #expect(plan.output.hasPrefix("# Action plan: Riverside Jobcentre (agency number 8)"))
        #expect(plan.output.contains("| 1 | Designated leads and SPOCs | Red | 0 → 4 |"))
        let byNumber = ToolRunner.run(["report", directory + "/2026.ndjson", "--agency", "8", "--format", "json"], environment: Self.shipped)
        let json = try JSONValue.parse(Array(byNumber.output.utf8))
        #expect(json["action_plan"]?["agency"]?.string == "Riverside Jobcentre")
        let unknown = ToolRunner.run(["report", directory + "/2026.ndjson", "--agency", "Nobody"], environment: Self.shipped)
        #expect(unknown.code == .findings)
        #expect(unknown.errors.hasPrefix("indicia report: no agency 'Nobody' in the latest round of results"))
        #expect(
            ToolRunner.run(["report", directory + "/2026.ndjson", "--agency", "8", "--format", "html"], environment: Self.shipped).code == .usage)
    }
}
