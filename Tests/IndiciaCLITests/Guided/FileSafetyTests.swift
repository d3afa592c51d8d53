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

    @Test("a reader never sees a half-written file: the old version stays whole until the new one replaces it")
    func neverPartial() async throws {
        let directory = ToolRunner.temporaryDirectory()
        let path = directory + "/big.json"
        let old = [UInt8](repeating: 0x61, count: 1 << 20)
        let new = [UInt8](repeating: 0x62, count: 32 << 20)
        #expect(FileSystem.writeFileAtomically(path, old))
        let writer = Task.detached { FileSystem.writeFileAtomically(path, new) }
        var sawOld = false
        var sawNew = false
        while true {
            let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
            if bytes.count == old.count && bytes.allSatisfy({ $0 == 0x61 }) {
                sawOld = true
            } else if bytes.count == new.count && bytes.first == 0x62 && bytes.last == 0x62 {
                sawNew = true
                break
            } else {
                Issue.record("read a partial file of \(bytes.count) bytes")
                break
            }
        }
        #expect(await writer.value)
        #expect(sawNew)
        _ = sawOld
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
