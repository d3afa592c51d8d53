import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

/// Runs `indicia` in-process with scripted input, capturing output, errors and the exit code.
struct ToolRun {
    var code: ExitCode
    var output: String
    var errors: String

    /// The output with runs of whitespace (including wrapped lines) collapsed to one space.
    var flat: String { output.split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ") }
}

enum ToolRunner {
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    /// The test-owned packs (`Fixtures/packs`: rules/ and questionnaires/), the default pack
    /// folder of every run, so editing the shipped packs never breaks a code test.
    static var fixturePacks: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fixtures/packs").path
    }

    /// A new packs folder (rules/ and questionnaires/) holding copies of the named fixture packs only.
    static func packsFolder(_ ids: [String]) -> String {
        let root = temporaryDirectory()
        for folder in ["rules", "questionnaires"] {
            try? FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
            for id in ids {
                try? FileManager.default.copyItem(atPath: fixturePacks + "/\(folder)/\(id).yaml", toPath: root + "/\(folder)/\(id).yaml")
            }
        }
        return root
    }

    static func run(
        _ arguments: [String], input: String = "", chunk: Int = .max, directory: String? = nil, environment: [String: String] = [:],
        today: String? = nil
    ) -> ToolRun {
        let output = BufferOutput()
        let errors = BufferOutput()
        var env = ["INDICIA_PACKS": fixturePacks, "NO_COLOR": "1"]
        env.merge(environment) { $1 }
        let context = Context(
            input: BufferInput(input, chunk: chunk), output: output, errors: errors, environment: env,
            currentDirectory: directory ?? temporaryDirectory(), today: today)
        let code = Tool.run(arguments, context: context)
        return ToolRun(code: code, output: output.text, errors: errors.text)
    }

    /// One folder per test process holding every test's folder; removed when the process exits, so
    /// the drafts and results the tests write do not pile up in the system's temporary folder.
    static let scratch: String = {
        let path = NSTemporaryDirectory() + "indicia-cli-tests-\(getpid())"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(atPath: ToolRunner.scratch) }
        return path
    }()

    /// The built `indicia` executable, beside the test bundle; nil if it is not there.
    static var executable: String? {
        // Linux runs the tests as an executable in the products folder; Darwin loads an .xctest bundle from it.
        let folders = [Bundle.main.executableURL] + Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map(\.bundleURL)
        return folders.compactMap { $0?.deletingLastPathComponent().appendingPathComponent("indicia").path }
            .first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs the `indicia` executable in a process of its own (so with its own hash seed), returning
    /// its standard output and exit status.
    static func runProcess(_ executable: String, _ arguments: [String]) throws -> (output: Data, status: Int32) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ["INDICIA_PACKS": fixturePacks, "NO_COLOR": "1"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (output, process.terminationStatus)
    }

    static func temporaryDirectory() -> String {
        let path = scratch + "/" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    static func permissions(_ path: String) -> Int? {
        (try? FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue
    }
}
