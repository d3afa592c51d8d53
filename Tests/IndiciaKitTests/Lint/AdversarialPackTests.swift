import Foundation
import Testing

@testable import IndiciaKit

/// Hostile or broken pack files: each gives one positioned error (or loads, where the input is
/// legitimately fine), quickly, and never crashes.
@Suite("Adversarial packs")
struct AdversarialPackTests {
    static let directory = Fixtures.path("adversarial")

    static let expected: [(String, Diagnostic.Code?, Int, Int)] = [
        ("bom.yaml", nil, 0, 0),
        ("crlf.yaml", nil, 0, 0),
        ("long-line.yaml", nil, 0, 0),
        ("tab-indent.yaml", .yamlSyntax, 14, 1),
        ("unclosed-quote.yaml", .yamlSyntax, 35, 1),
        ("duplicate-key.yaml", .duplicateKey, 5, 1),
        ("wrong-type-list.yaml", .wrongType, 7, 12),
        ("wrong-type-weight.yaml", .wrongType, 8, 42),
        ("huge-number.yaml", .badNumber, 8, 42),
        ("nan-weight.yaml", .badNumber, 8, 42),
        ("infinity-level.yaml", .badNumber, 29, 12),
        ("huge-integer.yaml", .badNumber, 29, 12),
        ("deep-nesting.yaml", .yamlTooDeep, 35, 67),
        ("long-expression.yaml", .exprTooLong, 17, 12),
        ("empty.yaml", .emptyFile, 1, 1),
        ("only-comment.yaml", .emptyFile, 1, 1),
        ("not-a-mapping.yaml", .wrongType, 1, 1),
        ("binary.yaml", .yamlSyntax, 1, 1),
        ("alias-bomb.yaml", .yamlAlias, 1, 4),
        ("invalid-utf8.yaml", .yamlSyntax, 5, 14),
        ("overlong-utf8.yaml", .yamlSyntax, 5, 13),
    ]

    @Test("each broken pack gives its positioned error; the fine ones load", arguments: expected.map(\.0))
    func pack(_ name: String) throws {
        let (_, code, line, column) = try #require(Self.expected.first { $0.0 == name })
        let path = Self.directory + "/packs/" + name
        let start = ContinuousClock.now
        let library = PackLibrary.load(paths: [Self.directory + "/questionnaire.yaml", path])
        let findings = Linter().lint(library).filter { $0.severity == .error }
        #expect(ContinuousClock.now - start < .seconds(2))
        guard let code else {
            #expect(findings.isEmpty, "\(name): \(findings)")
            return
        }
        let first = try #require(findings.first, "\(name) should fail")
        #expect(first.code == code, "\(name): \(first)")
        #expect(first.mark.file == path)
        #expect(first.mark.line == line && first.mark.column == column, "\(name): \(first.mark)")
        // Rendered diagnostics never carry control characters to the terminal.
        let rendered = DiagnosticRenderer(sources: library.sources).render(findings)
        #expect(!rendered.unicodeScalars.contains { ($0.value < 0x20 && $0 != "\n" && $0 != "\t") || $0.value == 0x1B })
    }

    @Test("a directory where a file is expected, and a missing file, are reported, not crashed on")
    func notFiles() {
        var problems: [Diagnostic] = []
        #expect(PackFiles.expand(Self.directory + "/packs/directory.yaml", into: &problems).isEmpty)
        if case .failure(let diagnostic) = PackFiles.read(Self.directory + "/packs/directory.yaml", limit: 1000) {
            #expect(diagnostic.code == .notAFile)
        } else {
            Issue.record("a directory must not read as a file")
        }
        let missing = PackLibrary.load(paths: [Self.directory + "/no-such-file.yaml"])
        #expect(missing.unreadable.first?.code == .fileNotFound)
    }

    @Test("files over the size limit are refused without being read whole")
    func tooLarge() {
        let library = PackLibrary.load(paths: [Self.directory + "/packs/long-line.yaml"], limits: YAMLLimits(maxFileBytes: 10_000))
        #expect(library.diagnostics.first?.code == .fileTooLarge)
    }

    @Test(
        "an unreadable file is reported", .enabled(if: getuid() != 0, "root can read any file: reported as skipped, not passed"))
    func unreadable() throws {
        let path = NSTemporaryDirectory() + "indicia-unreadable-\(UUID().uuidString).yaml"
        #expect(FileManager.default.createFile(atPath: path, contents: Data("version: 1\n".utf8), attributes: [.posixPermissions: 0]))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(PackLibrary.load(paths: [path]).unreadable.first?.code == .unreadable)
    }
}
