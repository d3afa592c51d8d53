import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

/// `indicia report` reads results a line at a time: the same report whatever sizes the input
/// arrives in, pretty-printed documents too, and clear accounts of what it left out or refused.
@Suite("indicia report")
struct ReportCommandTests {
    /// The test-owned skills pack's cases for one round (`Fixtures/cases/skills-YEAR.ndjson`).
    static func cases(_ year: Int) -> String {
        let path = ToolRunner.fixturePacks + "/../cases/skills-\(year).ndjson"
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }

    /// The 2026 round's training-needs results (three agencies), as `indicia evaluate` writes them.
    static func trainingResults() -> String {
        ToolRunner.run(["evaluate", "--pack", "skills"], input: cases(2026)).output
    }

    @Test("the report is the same when the results arrive a few bytes at a time")
    func chunkedInput() {
        let results = Self.trainingResults()
        #expect(results.split(separator: "\n").count == 3)
        let whole = ToolRunner.run(["report", "--format", "json"], input: results)
        #expect(whole.code == .ok)
        #expect(whole.output.contains("\"agencies\""))
        for chunk in [1, 7, 4096] {
            let pieces = ToolRunner.run(["report", "--format", "json"], input: results, chunk: chunk)
            #expect(pieces.code == .ok)
            #expect(pieces.output == whole.output, "chunk \(chunk)")
        }
    }

    @Test("the report and its messages are the same with one thread or several, over batches large enough to be cut")
    func threads() {
        let results = Self.trainingResults()
        var input = ""
        for round in 0..<300 {
            input += results
            if round % 37 == 0 { input += "not json \(round)\n" + #"{"id":"e","ok":false}"# + "\n" }
        }
        #expect(input.utf8.count > 4 * ReportReader.parallelThreshold)
        let one = ToolRunner.run(["report", "--format", "json", "--threads", "1"], input: input)
        #expect(one.code == .findings)
        #expect(one.errors.split(separator: "\n").count == 9)
        #expect(one.output.contains("\"error_records\": 9"))
        for (threads, chunk) in [("2", Int.max), ("3", 100_000)] {
            let many = ToolRunner.run(["report", "--format", "json", "--threads", threads], input: input, chunk: chunk)
            #expect(many.code == one.code)
            #expect(many.output == one.output, "--threads \(threads), chunk \(chunk)")
            #expect(many.errors == one.errors, "--threads \(threads), chunk \(chunk)")
        }
        #expect(ToolRunner.run(["report", "--threads", "0"], input: input).code == .usage)
    }

    @Test("a pretty-printed result (as --out writes) is read as one document, even a byte at a time")
    func prettyDocument() throws {
        let line = try #require(Self.trainingResults().split(separator: "\n").first)
        let pretty = try JSONValue.parse(Array(line.utf8)).pretty
        #expect(pretty.contains("\n"))
        for chunk in [1, .max] {
            let run = ToolRunner.run(["report", "--format", "json"], input: pretty, chunk: chunk)
            #expect(run.code == .ok, "\(run.errors)")
            let report = try JSONValue.parse(Array(run.output.utf8))
            #expect(report["agencies"]?.array?.count == 1)
            #expect(report["not_results"]?.number == 0)
        }
    }

    @Test("error results, other packs' results and JSON that is not a result are counted and named, not silently dropped")
    func leftOut() {
        // The tiny pack has no report: block.
        let other = ToolRunner.run(["evaluate", "--pack", "tiny"], input: #"{"id":"b1","answers":{}}"# + "\n").output
        let input =
            Self.trainingResults() + #"{"id":"x","ok":false,"line":3,"error":{"code":"wrong-type","message":"m","path":""}}"# + "\n"
            + other + "[1,2]\n" + #"{"answers":{"immediate_danger":"no"}}"# + "\n"
        let run = ToolRunner.run(["report"], input: input)
        #expect(run.code == .ok)
        #expect(
            run.output.contains(
                "Left out: 1 error result (records that could not be evaluated); 1 result of packs with no report: block here; "
                    + "2 JSON documents that are not a result."))
        let json = ToolRunner.run(["report", "--format", "json"], input: input)
        let report = try? JSONValue.parse(Array(json.output.utf8))
        #expect(report?["error_records"]?.number == 1)
        #expect(report?["other_records"]?.number == 1)
        #expect(report?["not_results"]?.number == 2)
        #expect(ToolRunner.run(["report", "--format", "html"], input: input).output.contains("Left out: 1 error result"))
    }

    @Test("a folder of result files (NDJSON, pretty-printed JSON, a draft among them) is read file by file")
    func folder() throws {
        let directory = ToolRunner.temporaryDirectory()
        let lines = Self.trainingResults().split(separator: "\n").map(String.init)
        try (lines[0..<1].joined(separator: "\n") + "\n").write(toFile: directory + "/a.ndjson", atomically: true, encoding: .utf8)
        for (n, line) in lines[1...].enumerated() {
            try JSONValue.parse(Array(line.utf8)).pretty.write(toFile: directory + "/agency-\(n).json", atomically: true, encoding: .utf8)
        }
        try #"{"version":1,"answers":{}}"#.write(toFile: directory + "/indicia-skills-draft.json", atomically: true, encoding: .utf8)
        try "not read".write(toFile: directory + "/notes.txt", atomically: true, encoding: .utf8)
        let run = ToolRunner.run(["report", directory, "--format", "json"])
        #expect(run.code == .ok, "\(run.errors)")
        let report = try JSONValue.parse(Array(run.output.utf8))
        #expect(report["agencies"]?.array?.count == lines.count)
        #expect(report["not_results"]?.number == 1)
    }

    @Test("--format csv writes the training table; screening and training results together are refused, not mixed")
    func csvOneKind() throws {
        let training = Self.trainingResults()
        let csv = ToolRunner.run(["report", "--format", "csv"], input: training)
        #expect(csv.code == .ok)
        #expect(csv.output.hasPrefix("pack,table,round,agency,agency_id,item,measure,value\r\n"))
        let screening = ToolRunner.run(["evaluate", "--pack", "welfare"], input: #"{"id":"a","answers":{}}"# + "\n").output
        #expect(screening.contains("\"ok\":true"))
        let mixed = ToolRunner.run(["report", "--format", "csv"], input: training + screening)
        #expect(mixed.code == .usage)
        #expect(mixed.output.isEmpty)
        #expect(mixed.errors.contains("--format csv writes one table"))
    }

    @Test("nothing to report says so")
    func empty() {
        let run = ToolRunner.run(["report"], input: "\n\n")
        #expect(run.code == .ok)
        #expect(run.output == "No results to report.\n")
    }

    @Test("a line that is not JSON is counted as left out, and none of its text is shown")
    func malformedLine() {
        let results = Self.trainingResults()
        let count = results.split(separator: "\n").count
        let input = results + "SECRET-ANSWER not json\n" + #"{"id":"half","ok":tr"# + "\n"
        let run = ToolRunner.run(["report"], input: input, chunk: 1000)
        #expect(run.code == .findings)
        #expect(run.output.contains("\(count) agencies"))
        #expect(run.output.contains("Left out: 2 lines that are not JSON."))
        #expect(run.errors.hasPrefix("indicia report: <stdin>:\(count + 1):1: left out: not a result (malformed JSON"))
        #expect(run.errors.contains("indicia report: <stdin>:\(count + 2):"))
        #expect(run.errors.split(separator: "\n").allSatisfy { $0.hasSuffix("[malformed-json]") })
        #expect(!run.output.contains("SECRET") && !run.errors.contains("SECRET"))
    }

    @Test("--rounds compares two rounds; --agency prints one agency's action plan; an unknown agency is exit 1")
    func roundsAndAgency() throws {
        let directory = ToolRunner.temporaryDirectory()
        for year in [2025, 2026] {
            let results = ToolRunner.run(["evaluate", "--pack", "skills"], input: Self.cases(year)).output
            try results.write(toFile: directory + "/\(year).ndjson", atomically: true, encoding: .utf8)
        }
        let rounds = ToolRunner.run(["report", "--rounds", directory + "/2025.ndjson", directory + "/2026.ndjson"])
        #expect(rounds.code == .ok, "\(rounds.errors)")
        #expect(rounds.output.contains("## Change between rounds"))
        // Old Mill Centre (agency 3) was assessed only in 2025.
        #expect(rounds.output.contains("Not re-assessed in the latest round: Old Mill Centre"))
        // Riverbank (agency 2, renamed): a clinic needs level 3 in spotting the signs; level 2 with 70%
        // trained was amber, level 3 with 90% is green.
        #expect(rounds.output.contains("| Riverbank Health Clinic | 1 | 0 | 0 | Spotting the signs: closed (Amber · 1 → Green · 0) |"))
        #expect(rounds.output.contains("Agency number 2 was 'Riverbank Clinic' in round 2025.ndjson and is 'Riverbank Health Clinic' now"))
        // Readiness in the order of the pack's report_bands table: one agency with a named lead.
        #expect(rounds.output.contains("| Band | Agencies |\n|---|---:|\n| Ready | 1 |\n| Not ready yet | 2 |\n"))
        // Hilltop School: a school needs level 3 in referrals; its staff are at level 1, 60% of them
        // trained in the last two years.
        let plan = ToolRunner.run(["report", "--rounds", directory + "/2025.ndjson", directory + "/2026.ndjson", "--agency", "hilltop school"])
        #expect(plan.code == .ok)
        #expect(plan.output.hasPrefix("# Action plan: Hilltop School (agency number 1)"))
        #expect(plan.output.contains("| 1 | Making referrals | Red | 1 → 3 | 60 % | "))
        let byNumber = ToolRunner.run(["report", directory + "/2026.ndjson", "--agency", "1", "--format", "json"])
        let json = try JSONValue.parse(Array(byNumber.output.utf8))
        #expect(json["action_plan"]?["agency"]?.string == "Hilltop School")
        #expect(json["action_plan"]?["steps"]?.array?.first?["percent_trained"]?.number == 60)
        let unknown = ToolRunner.run(["report", directory + "/2026.ndjson", "--agency", "Nobody"])
        #expect(unknown.code == .findings)
        #expect(unknown.errors.hasPrefix("indicia report: no agency 'Nobody' in the latest round of results"))
        #expect(ToolRunner.run(["report", directory + "/2026.ndjson", "--agency", "1", "--format", "html"]).code == .usage)
    }
}
