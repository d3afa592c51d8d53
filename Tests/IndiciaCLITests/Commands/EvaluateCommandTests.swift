import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

@Suite("indicia evaluate")
struct EvaluateCommandTests {
    static let tiny = ToolRunner.fixturePacks + "/rules/tiny.yaml"
    static let good = #"{"id":"c1","answers":{"documents_held":"yes","hours_per_week":70,"can_leave":"no"}}"#

    func lines(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").map { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) ?? [:] }
    }

    @Test("every 10th line garbage: one result per input line, in order, exit 1")
    func garbageEveryTenthLine() {
        // About 300 KB: more than one read, and batches large enough to be split between threads,
        // so the worker threads and the writer thread are exercised (ThreadSanitizer runs this too).
        let count = 6_000
        var input = ""
        for n in 1...count {
            input += n % 10 == 0 ? "this is not json {\n" : #"{"id":\#(n),"answers":{"hours_per_week":\#(n % 100)}}"# + "\n"
        }
        let run = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: input)
        #expect(run.code == .findings)
        let results = lines(run.output)
        #expect(results.count == count)
        for (index, result) in results.enumerated() {
            let n = index + 1
            if n % 10 == 0 {
                #expect(result["ok"] as? Bool == false)
                #expect(result["line"] as? Int == n)
                #expect((result["error"] as? [String: Any])?["code"] as? String == "malformed-json")
            } else {
                #expect(result["ok"] as? Bool == true)
                #expect(result["id"] as? Int == n)
            }
        }
        #expect(run.errors == "indicia evaluate: 6000 records, 600 failed (see the error results)\n")
    }

    @Test("every kind of bad record gets its own coded error with a JSON pointer; the rest are evaluated")
    func badRecords() {
        let input =
            [
                #"{"id":"a","answers":{"documents_held":"maybe"}}"#,
                #"{"id":"b","answers":{"hours_per_week":"ten"}}"#,
                #"{"id":"c","answers":{"hours_per_week":500}}"#,
                #"{"id":"d","answers":{"hours":5}}"#,
                #"{"id":"e","pack":"nope","answers":{}}"#,
                #"{"id":"f","answers":{"can_leave":"no","can_leave":"yes"}}"#,
                #"{"id":"g","answers":[],"x":1}"#,
                #"[1,2,3]"#,
                Self.good,
                "",
                "not json",
            ].joined(separator: "\n") + "\n"
        let run = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: input)
        let results = lines(run.output)
        #expect(results.count == 10)
        let codes = results.map { ($0["error"] as? [String: Any])?["code"] as? String ?? "ok" }
        #expect(
            codes == [
                "unknown-choice", "wrong-type", "out-of-range", "unknown-question", "unknown-pack", "duplicate-answer", "wrong-type", "wrong-type",
                "ok", "malformed-json",
            ])
        let paths = results.map { ($0["error"] as? [String: Any])?["path"] as? String ?? "" }
        #expect(paths[0] == "/answers/documents_held")
        #expect(paths[3] == "/answers/hours")
        #expect(paths[4] == "/pack")
        #expect(results[8]["id"] as? String == "c1")
        // The blank line (line 10) gets no result but is counted: the next record is line 11.
        #expect(results[9]["line"] as? Int == 11)
        #expect(run.code == .findings)
    }

    @Test("answers never appear in errors or on stderr")
    func noAnswersInErrors() {
        let secret = "SECRET-ANSWER-\(UUID().uuidString)"
        let input = #"{"id":"a","answers":{"can_leave":"\#(secret)"}}"# + "\n" + #"{"id":"b","answers":{"\#(secret)":1}}"# + "\n"
        let run = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: input)
        #expect(!run.errors.contains(secret))
        let first = run.output.split(separator: "\n").first.map(String.init) ?? ""
        #expect(!first.contains(secret), "the value given must not be echoed")
    }

    @Test("a pretty-printed document is one case")
    func document() {
        let input = "{\n  \"id\": \"doc\",\n  \"answers\": {\n    \"can_leave\": \"no\"\n  }\n}\n"
        let run = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: input)
        #expect(run.code == .ok)
        let results = lines(run.output)
        #expect(results.count == 1)
        #expect((results.first?["outcome"] as? [String: Any])?["id"] as? String == "concern")
    }

    @Test("input arriving a few bytes at a time, as from a pipe, gives the same results")
    func chunkedInput() {
        let document = "{\n  \"id\": \"doc\",\n  \"answers\": {\n    \"can_leave\": \"no\"\n  }\n}\n"
        let stream = (1...20).map { #"{"id":\#($0),"answers":{"hours_per_week":\#($0 * 4)}}"# }.joined(separator: "\n") + "\nnot json\n"
        for input in [document, stream] {
            let whole = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: input)
            for chunk in [1, 5] {
                let pieces = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: input, chunk: chunk)
                #expect(pieces.output == whole.output, "chunk \(chunk)")
                #expect(pieces.code == whole.code)
            }
        }
        #expect(lines(ToolRunner.run(["evaluate", "--pack", Self.tiny], input: document, chunk: 1).output).first?["ok"] as? Bool == true)
        #expect(lines(ToolRunner.run(["evaluate", "--pack", Self.tiny], input: stream, chunk: 1).output).count == 21)
    }

    @Test("an error in a pretty-printed document names the line and column of the problem in it")
    func documentErrorPosition() {
        let input = "{\n  \"id\": \"doc\",\n  \"answers\": {\n    \"can_leave\": \"perhaps\"\n  }\n}\n"
        let run = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: input)
        #expect(run.code == .findings)
        let result = lines(run.output).first ?? [:]
        #expect(result["line"] as? Int == 4)
        let error = result["error"] as? [String: Any]
        #expect(error?["code"] as? String == "unknown-choice")
        #expect(error?["path"] as? String == "/answers/can_leave")
        // `    "can_leave": ` is 17 characters: the answer starts in column 18.
        #expect(error?["column"] as? Int == 18)
    }

    @Test("one stream may mix packs; unknown packs and revisions are per-record errors")
    func mixedPacks() {
        // The test-owned packs: welfare (revision 7.1) and tiny.
        let input = [
            #"{"id":1,"pack":"welfare","answers":{"in_danger":"yes"}}"#,
            #"{"id":2,"pack":"tiny","answers":{"can_leave":"no"}}"#,
            #"{"id":3,"pack":"welfare@7.1","answers":{"in_danger":"no"}}"#,
            #"{"id":4,"pack":"welfare@1999","answers":{}}"#,
            #"{"id":5,"pack":"nowhere","answers":{}}"#,
        ].joined(separator: "\n")
        let run = ToolRunner.run(["evaluate"], input: input)
        let results = lines(run.output)
        #expect(results.count == 5)
        #expect((results[0]["outcome"] as? [String: Any])?["id"] as? String == "danger")
        #expect((results[1]["outcome"] as? [String: Any])?["id"] as? String == "concern")
        #expect((results[2]["pack"] as? [String: Any])?["revision"] as? String == "7.1")
        #expect((results[2]["outcome"] as? [String: Any])?["id"] as? String == "no_signs")
        #expect((results[3]["error"] as? [String: Any])?["code"] as? String == "unknown-pack")
        #expect((results[4]["error"] as? [String: Any])?["code"] as? String == "unknown-pack")
    }

    @Test("a record longer than the limit gets an error and the stream goes on")
    func longLine() {
        let long = #"{"id":"long","answers":{"x":""# + String(repeating: "a", count: 1_100_000) + #""}}"#
        let run = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: long + "\n" + Self.good + "\n")
        let results = lines(run.output)
        #expect(results.count == 2)
        #expect((results[0]["error"] as? [String: Any])?["code"] as? String == "line-too-long")
        #expect(results[1]["ok"] as? Bool == true)
    }

    @Test("exit codes: unusable pack 65, missing pack file 66, missing input 66")
    func exitCodes() {
        #expect(
            ToolRunner.run(["evaluate", "--pack", ToolRunner.repositoryRoot + "/Tests/IndiciaKitTests/Fixtures/lint/cycle/rules.yaml"]).code
                == .dataError)
        #expect(ToolRunner.run(["evaluate", "--pack", "/no/such/rules.yaml"]).code == .noInput)
        #expect(ToolRunner.run(["evaluate", "--pack", Self.tiny, "/no/such/cases.ndjson"]).code == .noInput)
        #expect(ToolRunner.run(["evaluate", "--pack", "no-such-pack"]).code == .dataError)
        #expect(ToolRunner.run(["evaluate", "--pack", Self.tiny], input: Self.good + "\n").code == .ok)
    }

    /// Two runs in one process share its hash seed, so Set and Dictionary order could not differ
    /// between them: each run here is a process of its own, and thread timing differs too.
    @Test(
        "the same mixed input gives byte-identical output in separate processes, on one thread and on four",
        .disabled(
            if: ProcessInfo.processInfo.environment["INDICIA_SANITIZER"] == "thread",
            "under ThreadSanitizer the statically linked executable fails TSan's allocator check at exit (scripts/test)"))
    func deterministic() throws {
        let executable = try #require(ToolRunner.executable, "the indicia executable is built beside the tests")
        var records: [String] = []
        for n in 1...300 {
            switch n % 6 {
            case 0: records.append(#"{"id":\#(n),"pack":"nowhere-\#(n % 12)","answers":{}}"#)
            case 1: records.append(#"{"id":\#(n),"pack":"tiny","answers":{"can_leave":"no","hours_per_week":\#(n % 100)}}"#)
            case 2:
                records.append(
                    #"{"id":\#(n),"pack":"welfare","answers":{"in_danger":"no","worker_role":"nurse","age_band":"adult","papers_taken":"yes","owes_money":"yes","work_types":["farm"]}}"#
                )
            case 3: records.append(#"{"id":\#(n),"pack":"welfare","answers":{"in_danger":"perhaps"}}"#)
            case 4: records.append(#"{"id":\#(n),"pack":"tiny","answers":{"can_leave":"no","#)
            default: records.append(#"{"id":\#(n),"pack":"welfare@1999","answers":{}}"#)
            }
        }
        let path = ToolRunner.temporaryDirectory() + "/cases.ndjson"
        #expect(FileManager.default.createFile(atPath: path, contents: Data((records.joined(separator: "\n") + "\n").utf8)))
        var outputs: Set<Data> = []
        for threads in ["1", "4", "1", "4"] {
            let run = try ToolRunner.runProcess(executable, ["evaluate", "--threads", threads, path])
            #expect(run.status == ExitCode.findings.rawValue)
            #expect(run.output.split(separator: UInt8(ascii: "\n")).count == records.count)
            outputs.insert(run.output)
        }
        #expect(outputs.count == 1)
    }

    /// Cases for the result goldens: an adult with signs and evidence, danger, a child with answers
    /// not known, professional judgement, and a record with a bad answer.
    static let goldenCases =
        [
            #"{"id":"adult","answers":{"in_danger":"no","seen_alone":"no","visit_date":"2026-05-14","district":"north","worker_role":"nurse","age_band":"adult","was_child_then":"no","papers_taken":"yes","owes_money":"yes","work_types":["farm","kitchen"],"hours":70,"action_taken":"notified","notes":"x"}}"#,
            #"{"id":2,"answers":{"in_danger":"yes"}}"#,
            #"{"id":"child","answers":{"in_danger":"no","age_band":"child","papers_taken":"not_known","owes_money":"not_known","work_types":"not_known","hours":61}}"#,
            #"{"id":"judged","answers":{"in_danger":"no","age_band":"adult","owes_money":"yes"},"judgement":{"level":4,"reason":"A locked gate."}}"#,
            #"{"id":"bad","answers":{"age_band":"elderly"}}"#,
        ].joined(separator: "\n") + "\n"

    @Test("results of the test-owned welfare pack, full and summary, match their goldens byte for byte", arguments: ["full", "summary"])
    func resultGolden(_ profile: String) {
        let run = ToolRunner.run(["evaluate", "--pack", "welfare", "--result", profile], input: Self.goldenCases)
        #expect(run.code == .findings, "the bad record fails")
        #expect(run.errors == "indicia evaluate: 5 records, 1 failed (see the error results)\n")
        let one = ToolRunner.run(["evaluate", "--pack", "welfare"], input: #"{"id":"bad","answers":{"age_band":"elderly"}}"# + "\n")
        #expect(one.errors == "indicia evaluate: 1 record, 1 failed (see the error results)\n")
        let output = run.output.replacingOccurrences(of: #""engine":"\#(EngineVersion.current)""#, with: #""engine":"${VERSION}""#)
        Golden.assert(output, "evaluate/welfare-\(profile).ndjson")
    }
}

@Suite("indicia evaluate --result and --threads")
struct EvaluateProfileTests {
    static let tiny = EvaluateCommandTests.tiny

    /// About 400 KB of cases (more than one read, batches split between threads), every 7th one bad.
    static let stream: String = {
        var input = ""
        for n in 1...8_000 {
            input +=
                n % 7 == 0
                ? "{\"id\":\(n),\"answers\":{\"can_leave\":\"perhaps\"}}\n"
                : #"{"id":\#(n),"answers":{"hours_per_week":\#(n % 100),"documents_held":"yes"}}"# + "\n"
        }
        return input
    }()

    @Test("--threads 1, --threads 2 and the default give byte-identical output, in both profiles")
    func threads() {
        for profile in ["full", "summary"] {
            let base = ToolRunner.run(["evaluate", "--pack", Self.tiny, "--result", profile], input: Self.stream)
            #expect(base.code == .findings)
            #expect(base.output.split(separator: "\n").count == 8_000)
            for threads in ["1", "2", "3"] {
                let run = ToolRunner.run(["evaluate", "--pack", Self.tiny, "--result", profile, "--threads", threads], input: Self.stream)
                #expect(run.code == .findings)
                #expect(run.output == base.output, "--result \(profile) --threads \(threads)")
            }
        }
    }

    @Test("--result summary writes the summary; --result full (the default) the explained result")
    func profiles() {
        let input = #"{"id":"c1","answers":{"documents_held":"yes","hours_per_week":70,"can_leave":"no"}}"# + "\n"
        let summary = ToolRunner.run(["evaluate", "--pack", Self.tiny, "--result", "summary"], input: input)
        #expect(summary.code == .ok)
        // All three of tiny's questions are answered: nothing is missing.
        #expect(
            summary.output.hasSuffix(
                #","indicators":["documents_withheld","excessive_hours","not_free_to_leave"],"next_steps":[],"missing_data":[]}"# + "\n"))
        #expect(!summary.output.contains("evidence"))
        let full = ToolRunner.run(["evaluate", "--pack", Self.tiny, "--result", "full"], input: input)
        let plain = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: input)
        #expect(full.output == plain.output)
        #expect(full.output.contains(#""evidence":[{"question":"documents_held""#))
    }

    @Test(
        "a bad --result or --threads is a usage error naming the choices",
        arguments: [
            (["--result", "short"], "indicia evaluate: --result must be full or summary, not 'short'\n"),
            (["--threads", "0"], "indicia evaluate: --threads must be a whole number from 1 to 256, not '0'\n"),
            (["--threads", "two"], "indicia evaluate: --threads must be a whole number from 1 to 256, not 'two'\n"),
        ])
    func usage(_ options: [String], _ message: String) {
        let run = ToolRunner.run(["evaluate", "--pack", Self.tiny] + options, input: "")
        #expect(run.code == .usage)
        #expect(run.errors == message)
        #expect(run.output == "")
    }
}
