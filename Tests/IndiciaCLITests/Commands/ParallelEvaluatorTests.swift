import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

/// The case stream through `indicia evaluate`: recovery, positions, determinism across runs and
/// threads, bounded memory for unknown packs. ThreadSanitizer runs these too (`scripts/test`).
@Suite("indicia evaluate: stream and threads")
struct ParallelEvaluatorTests {
    static let tiny = ToolRunner.fixturePacks + "/rules/tiny.yaml"

    static func results(_ text: String) -> [[String: Any]] {
        text.split(separator: "\n").map { (try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) ?? [:] }
    }

    static func code(_ result: [String: Any]) -> String {
        (result["ok"] as? Bool == true) ? "ok" : ((result["error"] as? [String: Any])?["code"] as? String ?? "?")
    }

    /// 100 lines: every 10th from line 1 a truncated object, every 10th from line 6 binary garbage.
    static func hostileStream() -> [UInt8] {
        var lines: [[UInt8]] = []
        for n in 1...100 {
            if n % 10 == 1 {
                lines.append(Array(#"{"id":\#(n),"answers":{"documents_held":"yes","hours_per_week":4"#.utf8))
            } else if n % 10 == 6 {
                // Control bytes, invalid UTF-8, braces and quotes; never a newline.
                lines.append((0..<64).map { i in UInt8(truncatingIfNeeded: (i * 73 + n * 29 + 11) % 256) }.map { $0 == 0x0A ? 0x7B : $0 })
            } else {
                lines.append(Array(#"{"id":\#(n),"answers":{"hours_per_week":\#(n)}}"#.utf8))
            }
        }
        return Array(lines.joined(separator: [0x0A])) + [0x0A]
    }

    @Test("100 lines with a truncated object every 10th line from 1 and garbage every 10th from 6: 100 results, 80 ok, in any chunking")
    func hostileStreamResults() {
        let input = String(decoding: Self.hostileStream(), as: UTF8.self)
        for chunk in [Int.max, 1, 7, 4096] {
            let run = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: input, chunk: chunk)
            let results = Self.results(run.output)
            #expect(results.count == 100, "chunk \(chunk)")
            #expect(results.filter { $0["ok"] as? Bool == true }.count == 80, "chunk \(chunk)")
            for (index, result) in results.enumerated() where result["ok"] as? Bool != true {
                let n = index + 1
                #expect(n % 10 == 1 || n % 10 == 6, "line \(n) should have been evaluated")
                #expect(result["line"] as? Int == n)
            }
            for (index, result) in results.enumerated() where result["ok"] as? Bool == true {
                #expect(result["id"] as? Int == index + 1)
            }
            #expect(run.code == .findings)
        }
    }

    @Test("two pretty-printed documents back to back give two results")
    func twoDocuments() {
        let document = { (id: String) in "{\n  \"id\": \"\(id)\",\n  \"answers\": {\n    \"can_leave\": \"no\"\n  }\n}\n" }
        let run = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: document("one") + document("two"))
        let results = Self.results(run.output)
        #expect(results.map { $0["id"] as? String } == ["one", "two"])
        #expect(results.allSatisfy { $0["ok"] as? Bool == true })
        #expect(run.code == .ok)
    }

    @Test("a BOM before a pretty-printed document: one result")
    func byteOrderMarkDocument() {
        let run = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: "\u{FEFF}{\n  \"id\": 1,\n  \"answers\": {}\n}\n")
        #expect(Self.results(run.output).map(Self.code) == ["ok"])
    }

    @Test("a pretty-printed document over 1 MiB: one error result, and the record after it is evaluated")
    func longDocument() {
        let padding = (0..<40_000).map { _ in "    " + String(repeating: " ", count: 24) }.joined(separator: "\n")
        let document = "{\n  \"id\": \"big\",\n" + padding + "\n  \"answers\": {}\n}\n"
        let run = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: document + #"{"id":"after","answers":{}}"# + "\n")
        let results = Self.results(run.output)
        #expect(results.map(Self.code) == ["line-too-long", "ok"])
        #expect(results.first?["line"] as? Int == 1)
        #expect(results.last?["id"] as? String == "after")
    }

    /// An input that replies to each line before the next one is sent, as a coprocess's client
    /// does: it records how many results had been written each time a read was made.
    final class Coprocess: InputSource {
        var lines: [[UInt8]]
        let output: BufferOutput
        var seen: [Int] = []
        init(_ lines: [String], output: BufferOutput) {
            self.lines = lines.map { Array(($0 + "\n").utf8) }
            self.output = output
        }
        func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
            seen.append(output.bytes.filter { $0 == 0x0A }.count)
            guard !lines.isEmpty else { return 0 }
            let line = lines.removeFirst()
            buffer.copyBytes(from: line)
            return line.count
        }
        var hasDataWaiting: Bool { false }
        var isTerminal: Bool { false }
    }

    @Test("a first line with a trailing comma swallows nothing, and as a coprocess each reply comes before the next request")
    func trailingCommaCoprocess() {
        let output = BufferOutput()
        let input = Coprocess(
            [#"{"id":"a","answers":{"can_leave":"no"}},"#, #"{"id":"b","answers":{}}"#, #"{"id":"c","answers":{}}"#], output: output)
        let context = Context(
            input: input, output: output, errors: BufferOutput(), environment: [:], currentDirectory: ToolRunner.temporaryDirectory())
        let code = Tool.run(["evaluate", "--pack", Self.tiny], context: context)
        let results = Self.results(output.text)
        #expect(results.map(Self.code) == ["malformed-json", "ok", "ok"])
        #expect(results.map { $0["id"] as? String } == ["a", "b", "c"])
        // Before each read: 0 replies, then 1, 2, 3 (the last read finds the end of input).
        #expect(input.seen == [0, 1, 2, 3])
        #expect(code == .findings)
    }

    @Test("the same bad record gives the same code, path, line and column through evaluate, report and evaluateJSON")
    func samePosition() throws {
        // Line 3 of a document that starts on line 4 of the input: line 6, column 3.
        let bad = "{\n  \"id\": \"bad\"\n  \"answers\": {}\n}\n"
        let input = "{\"id\":1}\n\n{\"id\":2}\n" + bad
        let evaluate = ToolRunner.run(["evaluate", "--pack", Self.tiny], input: input)
        let fromEvaluate = try #require(Self.results(evaluate.output).last)
        let error = try #require(fromEvaluate["error"] as? [String: Any])
        #expect(fromEvaluate["line"] as? Int == 6)
        #expect(error["column"] as? Int == 3)
        #expect(error["code"] as? String == "malformed-json")
        #expect(error["path"] as? String == "")

        let library = PackLibrary.load(paths: [ToolRunner.packsFolder(["tiny"])])
        let pack = try #require(library.compile(rulesID: "tiny").0)
        let fromLibraryRun = PackRuntime(pack: pack).evaluateJSON(Array(input.utf8))
        let fromLibrary = try #require(Self.results(String(decoding: fromLibraryRun.bytes, as: UTF8.self)).last)
        #expect(fromLibrary["line"] as? Int == 6)
        #expect(NSDictionary(dictionary: fromLibrary["error"] as? [String: Any] ?? [:]) == NSDictionary(dictionary: error))
        #expect(String(decoding: fromLibraryRun.bytes, as: UTF8.self) + "\n" == evaluate.output)

        let report = ToolRunner.run(["report"], input: input)
        // The report counts the bad record as left out, names its position, and goes on (#15).
        #expect(report.code == .findings)
        #expect(report.errors.hasPrefix("indicia report: <stdin>:6:3: left out: not a result (malformed JSON"))
        #expect(report.errors.hasSuffix("[malformed-json]\n"))
    }

    @Test("several input files: error results name their file, and lines are counted in each file")
    func severalFiles() throws {
        let folder = ToolRunner.temporaryDirectory()
        let first = folder + "/first.ndjson"
        let second = folder + "/second \"x\".ndjson"
        try Data((#"{"id":1,"answers":{}}"# + "\nnot json\n").utf8).write(to: URL(fileURLWithPath: first))
        try Data(("\n" + #"{"id":2,"answers":{"nope":1}}"# + "\n").utf8).write(to: URL(fileURLWithPath: second))
        let run = ToolRunner.run(["evaluate", "--pack", Self.tiny, first, second])
        let results = Self.results(run.output)
        #expect(results.map(Self.code) == ["ok", "malformed-json", "unknown-question"])
        #expect(results[1]["file"] as? String == first)
        #expect(results[1]["line"] as? Int == 2)
        #expect(results[2]["file"] as? String == second)
        #expect(results[2]["line"] as? Int == 2)
        // Standard input has no file name.
        let piped = Self.results(ToolRunner.run(["evaluate", "--pack", Self.tiny], input: "not json\n").output)
        #expect(piped.first?["file"] == nil)
    }

    /// A packs folder with the tiny pack and a pack that does not compile (`base`).
    static func mixedPacksRoot() throws -> String {
        let root = ToolRunner.packsFolder(["tiny"])
        let fm = FileManager.default
        let repo = ToolRunner.repositoryRoot
        try fm.copyItem(atPath: repo + "/Tests/IndiciaKitTests/Fixtures/lint/cycle/rules.yaml", toPath: root + "/rules/base.yaml")
        try fm.copyItem(atPath: repo + "/Tests/IndiciaKitTests/Fixtures/lint/cycle/questionnaire.yaml", toPath: root + "/questionnaires/base.yaml")
        return root
    }

    /// Records naming the tiny pack (with and without its revision), a wrong revision, a pack that
    /// does not load and unknown packs, mixed, enough to be split between threads.
    static func mixedStream(_ count: Int) -> String {
        (1...count).map { n -> String in
            let pack: String
            switch n % 7 {
            case 0: pack = "nowhere-\(n % 13)"
            case 1: pack = "base"
            case 2: pack = "tiny@2026.1"
            case 3: pack = "tiny@1999"
            default: pack = "tiny"
            }
            return #"{"id":\#(n),"pack":"\#(pack)","answers":{"hours_per_week":\#(n % 169),"documents_held":"yes"}}"#
        }.joined(separator: "\n") + "\n"
    }

    @Test("a mixed-pack stream gives byte-identical output over 20 runs, and each pack name always gets the same answer")
    func deterministicMixedPacks() throws {
        let root = try Self.mixedPacksRoot()
        let input = Self.mixedStream(3_000)
        let first = ToolRunner.run(["evaluate", "--packs", root], input: input, chunk: 70_000)
        for run in 2...20 {
            let again = ToolRunner.run(["evaluate", "--packs", root], input: input, chunk: run % 2 == 0 ? .max : 70_000)
            #expect(again.output == first.output, "run \(run)")
        }
        let results = Self.results(first.output)
        #expect(results.count == 3_000)
        for (index, result) in results.enumerated() {
            let want: String
            switch (index + 1) % 7 {
            case 0: want = "unknown-pack"
            case 1: want = "unusable-pack"
            case 3: want = "unknown-pack"
            default: want = "ok"
            }
            #expect(Self.code(result) == want, "record \(index + 1)")
        }
        let messages = Set(results.filter { Self.code($0) == "unusable-pack" }.map { ($0["error"] as? [String: Any])?["message"] as? String ?? "" })
        #expect(messages == ["pack 'base' does not load; run indicia lint"])
    }

    @Test("unknown pack names are not remembered: the cache holds only packs on disk")
    func unknownPacksNotCached() throws {
        let root = try Self.mixedPacksRoot()
        let cache = PackCache(
            locator: PackLocator(
                option: root,
                context: Context(input: BufferInput(""), output: BufferOutput(), errors: BufferOutput(), environment: [:], currentDirectory: root)))
        for n in 0..<500 {
            let name = "unknown-\(n)-" + String(repeating: "x", count: 10_000)
            guard case .failure(let error) = cache.index(named: name) else {
                Issue.record("an unknown pack was found")
                return
            }
            #expect(error.code == .unknownPack)
        }
        #expect(cache.cachedNames == 0)
        if case .failure(let error) = cache.index(named: "base") { #expect(error.code == .unusablePack) }
        if case .failure(let error) = cache.index(named: "base") { #expect(error.code == .unusablePack) }
        #expect(cache.cachedNames == 1)
    }
}
