import Foundation
import Testing

@testable import IndiciaKit

/// Access to test fixtures and golden files.
enum Fixtures {
    /// The Fixtures folder copied into the test bundle.
    static var root: String {
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)?.path ?? "Fixtures"
    }

    static func path(_ relative: String) -> String { root + "/" + relative }

    static func directories(in relative: String) -> [String] {
        let base = path(relative)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: base)) ?? []
        return names.filter { name in
            var isDirectory: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + "/" + name, isDirectory: &isDirectory) && isDirectory.boolValue
        }.sorted()
    }

    static func read(_ path: String) -> String? {
        guard let data = FileManager.default.contents(atPath: path) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }

    /// Compares `actual` with a golden file; with RECORD_GOLDENS=1 rewrites the file in the source tree and fails.
    static func assertGolden(_ actual: String, _ relative: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let expected = read(path(relative))
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .appendingPathComponent("Fixtures").appendingPathComponent(relative)
            try? FileManager.default.createDirectory(at: source.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: source)
            Issue.record("recorded golden \(relative); run again without RECORD_GOLDENS", sourceLocation: sourceLocation)
            return
        }
        #expect(expected == actual, "golden \(relative) differs", sourceLocation: sourceLocation)
    }

    /// Loads pack files written from YAML text into a temporary folder.
    static func library(questionnaire: String, rules: String, services: String? = nil) -> PackLibrary {
        let directory = NSTemporaryDirectory() + "indicia-test-" + UUID().uuidString
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        #expect(FileManager.default.createFile(atPath: directory + "/q.yaml", contents: Data(questionnaire.utf8)))
        #expect(FileManager.default.createFile(atPath: directory + "/r.yaml", contents: Data(rules.utf8)))
        if let services { #expect(FileManager.default.createFile(atPath: directory + "/s.yaml", contents: Data(services.utf8))) }
        return PackLibrary.load(paths: [directory])
    }

    /// Loads and compiles a pack from YAML text (questionnaire then rules), failing the test on errors.
    static func pack(
        questionnaire: String, rules: String, services: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
    ) -> CompiledPack? {
        let library = library(questionnaire: questionnaire, rules: rules, services: services)
        guard let id = library.ruleSetIDs.first else {
            Issue.record("no rule set: \(library.diagnostics)", sourceLocation: sourceLocation)
            return nil
        }
        let (pack, diagnostics) = library.compile(rulesID: id)
        if pack == nil || !library.diagnostics.isEmpty {
            Issue.record("pack failed: \(library.diagnostics + diagnostics)", sourceLocation: sourceLocation)
        }
        return pack
    }

    /// Compiles a pack expecting it to fail, returning the diagnostics.
    static func packErrors(questionnaire: String, rules: String) -> [Diagnostic] {
        let library = library(questionnaire: questionnaire, rules: rules)
        var all = library.diagnostics
        for id in library.ruleSetIDs { all += library.compile(rulesID: id).1 }
        return all
    }
}
