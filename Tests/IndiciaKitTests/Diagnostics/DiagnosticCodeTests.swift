import Foundation
import Testing

@testable import IndiciaKit

/// The lint vocabulary: every code documented, and the table in docs/authoring.md generated from it.
@Suite("Diagnostic codes")
struct DiagnosticCodeTests {
    static let authoring = ShippedPacks.repositoryRoot + "/docs/authoring.md"

    @Test("the codes table in docs/authoring.md is the one Diagnostic.Code generates")
    func documentationTable() throws {
        let text = try String(contentsOfFile: Self.authoring, encoding: .utf8)
        let begin = try #require(text.range(of: Diagnostic.Code.documentationBegin + "\n"), "docs/authoring.md lacks the BEGIN marker")
        let end = try #require(text.range(of: Diagnostic.Code.documentationEnd, range: begin.upperBound..<text.endIndex), "lacks the END marker")
        let published = String(text[begin.upperBound..<end.lowerBound])
        let generated = Diagnostic.Code.documentationTable
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1", published != generated {
            let updated = String(text[..<begin.upperBound]) + generated + String(text[end.lowerBound...])
            try Data(updated.utf8).write(to: URL(fileURLWithPath: Self.authoring))
            Issue.record("rewrote the codes table in docs/authoring.md; run again without RECORD_GOLDENS")
            return
        }
        #expect(published == generated, "regenerate with: RECORD_GOLDENS=1 swift test --filter DiagnosticCodeTests")
    }

    @Test("each code is kebab-case, reads back as itself, and has a one-line meaning ending in a full stop", arguments: Diagnostic.Code.allCases)
    func meaning(_ code: Diagnostic.Code) {
        #expect(code.rawValue.allSatisfy { $0.isLowercase || $0 == "-" }, "\(code)")
        #expect(Diagnostic.Code(rawValue: code.rawValue) == code)
        #expect(!code.meaning.contains("\n") && code.meaning.hasSuffix("."), "\(code): \(code.meaning)")
    }

    /// Codes whose triggering example cannot fire yet, each with the reason. The test expects them
    /// to fail; when one starts to fire, the known issue is gone and the test says to remove it here.
    static let pending: [Diagnostic.Code: String] = [:]

    @Test("each code's triggering example produces it and its non-triggering example does not", arguments: Diagnostic.Code.allCases)
    func examples(_ code: Diagnostic.Code) throws {
        let (triggering, nonTriggering) = code.examples
        #expect(triggering.unmatched.isEmpty && nonTriggering.unmatched.isEmpty, "\(code): replacements that did not apply")
        #expect(triggering != nonTriggering, "\(code): the two examples must differ")
        let without = try Self.codes(of: nonTriggering)
        #expect(!without.contains(code), "\(code): the non-triggering example produced it")
        let with = try Self.codes(of: triggering)
        if let reason = Self.pending[code] {
            withKnownIssue(Comment(rawValue: reason)) { #expect(with.contains(code)) }
        } else {
            #expect(with.contains(code), "\(code): the triggering example gave only \(with.sorted())")
        }
    }

    @Test("the base pack of the examples lints without a single finding, with and without its tests")
    func cleanBase() throws {
        #expect(try Self.codes(of: .base).isEmpty)
        #expect(try Self.codes(of: .tested).isEmpty)
    }

    /// Writes an example into a fresh folder, lints it as `indicia lint` does, asks for its pack if
    /// it names one, and returns every code found.
    static func codes(of example: Diagnostic.Code.Example) throws -> Set<Diagnostic.Code> {
        let folder = NSTemporaryDirectory() + "indicia-code-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for entry in example.entries {
            switch entry {
            case .file(let name, let text):
                try Data(text.utf8).write(to: URL(fileURLWithPath: folder + "/" + name))
            case .folder(let name):
                try FileManager.default.createDirectory(atPath: folder + "/" + name, withIntermediateDirectories: true)
            case .socket(let name):
                try makeSocket(at: folder + "/" + name)
            }
        }
        let library = PackLibrary.load(paths: example.lint.map { $0 == "." ? folder : folder + "/" + $0 })
        let today = try example.today.map { try #require(CalendarDate.days(fromISO: $0), "today: \($0)") }
        var found = Linter(today: today).lint(library)
        if let id = example.pack { found += library.compile(rulesID: id).1 }
        if !library.testFiles.isEmpty {
            // As `indicia test` does: load problems, and every failed test as a test-failed finding.
            let report = library.testReport()
            found += report.diagnostics
            if report.failed > 0 {
                found.append(Diagnostic(.error, .testFailed, "\(report.failed) failed", at: SourceMark(file: folder, line: 1, column: 1)))
            }
        }
        return Set(found.map(\.code))
    }

    /// A Unix-domain socket file: it exists, but nobody (not even root) can open it for reading.
    static func makeSocket(at path: String) throws {
        let fd = socket(AF_UNIX, Int32(SOCK_STREAM.rawValue), 0)
        try #require(fd >= 0)
        var address = sockaddr_un()
        address.sun_family = sa_family_t(AF_UNIX)
        let bytes = Array(path.utf8)
        try #require(bytes.count < MemoryLayout.size(ofValue: address.sun_path))
        withUnsafeMutableBytes(of: &address.sun_path) { raw in
            for (index, byte) in bytes.enumerated() { raw[index] = byte }
        }
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_un>.size)) }
        }
        close(fd)
        try #require(bound == 0, "bind \(path)")
    }
}
