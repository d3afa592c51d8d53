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
}
