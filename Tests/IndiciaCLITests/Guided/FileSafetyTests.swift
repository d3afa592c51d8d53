import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

@Suite("File safety and privacy")
struct FileSafetyTests {
    @Test("files are written atomically with mode 0600, replacing the old file")
    func atomicMode() throws {
        let directory = ToolRunner.temporaryDirectory()
        let path = directory + "/answers.json"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("old".utf8), attributes: [.posixPermissions: 0o644]))
        #expect(FileSystem.writeFileAtomically(path, Array("new".utf8)))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        #expect(ToolRunner.permissions(path) == 0o600)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasPrefix(".indicia-") }
        #expect(leftovers.isEmpty)
    }

    @Test("a reader never sees a half-written file: while the new version is written, the old one stays whole")
    func neverPartial() async throws {
        let directory = ToolRunner.temporaryDirectory()
        let path = directory + "/big.json"
        let old = [UInt8](repeating: 0x61, count: 1 << 20)
        let new = [UInt8](repeating: 0x62, count: 32 << 20)
        /// Whether the writer's temporary file (`.indicia-XXXXXX` beside the target) exists: a write is under way.
        func writing() -> Bool {
            ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).contains { $0.hasPrefix(".indicia-") }
        }
        // A read counts only when the write was under way both before and after it, so the test cannot
        // pass by reading before the write began or after it ended; a few attempts make missing it unlikely.
        var readsDuringWrite = 0
        for _ in 0..<5 where readsDuringWrite == 0 {
            #expect(FileSystem.writeFileAtomically(path, old))
            let finished = Locked(false)
            let writer = Task.detached {
                let ok = FileSystem.writeFileAtomically(path, new)
                finished.withLock { $0 = true }
                return ok
            }
            while true {
                let done = finished.withLock { $0 }
                let before = writing()
                let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
                let during = before && writing()
                if bytes.count == old.count && bytes.allSatisfy({ $0 == 0x61 }) {
                    if during { readsDuringWrite += 1 }
                    if done {
                        Issue.record("the write finished and the old version is still there")
                        break
                    }
                } else if bytes.count == new.count && bytes.allSatisfy({ $0 == 0x62 }) {
                    break
                } else {
                    Issue.record("read a partial file of \(bytes.count) bytes")
                    break
                }
            }
            #expect(await writer.value)
        }
        #expect(readsDuringWrite > 0, "no read fell inside a write, so nothing was observed")
    }

    @Test("a failed write leaves the old file intact and no temporary file behind")
    func failedWrite() throws {
        let directory = ToolRunner.temporaryDirectory()
        let path = directory + "/result.json"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("old".utf8)))
        // The target's directory does not exist for the temporary file: the write must fail cleanly.
        #expect(!FileSystem.writeFileAtomically(directory + "/missing/result.json", Array("new".utf8)))
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "old")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["result.json"])
    }

    @Test("answers never appear on stderr, from the guided CLI or JSON mode")
    func noAnswersOnStderr() {
        let secret = "PLANTED-ANSWER-\(UUID().uuidString)"
        let directory = ToolRunner.temporaryDirectory()
        var lines = Array(GuidedSessionTests.adultAnswers.prefix(12))  // up to the action taken
        lines.append(secret)  // the free-text notes
        lines.append("")  // professional judgement: keep the computed level
        lines.append("")
        let guided = ToolRunner.run(
            ["screen", "--summary", directory + "/summary.txt"], input: lines.joined(separator: "\n") + "\n", directory: directory)
        #expect(!guided.errors.contains(secret))
        #expect(guided.code == .ok)
        #expect(ToolRunner.permissions(directory + "/summary.txt") == 0o600)
        #expect(ToolRunner.permissions(directory + "/indicia-welfare-draft.json") == 0o600)
        let stream = ToolRunner.run(
            ["evaluate", "--pack", "welfare"], input: #"{"id":"x","answers":{"notes":"\#(secret)","age_band":"\#(secret)"}}"# + "\n")
        #expect(!stream.errors.contains(secret))
        #expect(!stream.output.contains(secret), "neither the bad answer nor the free text is echoed")
    }
}
