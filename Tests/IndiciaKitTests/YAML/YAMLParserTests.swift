import Foundation
import Testing

@testable import IndiciaKit

@Suite("YAML layer")
struct YAMLParserTests {
    let parser = YAMLParser()

    func parse(_ text: String) throws -> YAMLNode { try parser.parse(text, file: "t.yaml") }

    /// The pairs of a mapping node; a node of any other kind fails the test.
    func mapping(_ node: YAMLNode, sourceLocation: SourceLocation = #_sourceLocation) throws -> [YAMLNode.Pair] {
        guard case .mapping(let pairs) = node.content else {
            Issue.record("expected a mapping, got a \(node.kindName)", sourceLocation: sourceLocation)
            throw NotAMapping()
        }
        return pairs
    }

    struct NotAMapping: Error {}

    @Test("scalars resolve by the YAML 1.2 core schema; yes/no/on/off stay text")
    func coreSchema() throws {
        let root = try parse("a: yes\nb: no\nc: on\nd: true\ne: 12\nf: 1.5\ng: ~\nh: '12'\ni: 0x1F\nj: 1e3\nk: .inf\nl: 99999999999999999999\n")
        let pairs = try mapping(root)
        let values = Dictionary(uniqueKeysWithValues: pairs.map { ($0.key.scalarText ?? "", $0.value.resolved) })
        #expect(values["a"] == .string("yes"))
        #expect(values["b"] == .string("no"))
        #expect(values["c"] == .string("on"))
        #expect(values["d"] == .bool(true))
        #expect(values["e"] == .int(12))
        #expect(values["f"] == .float(1.5))
        #expect(values["g"] == .null)
        #expect(values["h"] == .string("12"))
        #expect(values["i"] == .int(31))
        #expect(values["j"] == .float(1000))
        #expect(values["k"] == .float(.infinity))
        #expect(values["l"] == .float(1e20))
    }

    @Test("every node carries a 1-based line and column")
    func marks() throws {
        let root = try parse("top:\n  - first\n  - key: value\n")
        guard case .mapping(let pairs) = root.content, case .sequence(let items) = pairs[0].value.content else {
            Issue.record("unexpected shape")
            return
        }
        #expect(pairs[0].key.mark == SourceMark(file: "t.yaml", line: 1, column: 1))
        #expect(items[0].mark == SourceMark(file: "t.yaml", line: 2, column: 5))
        #expect(items[1].mark == SourceMark(file: "t.yaml", line: 3, column: 5))
    }

    @Test("scalar styles are kept")
    func styles() throws {
        let root = try parse("a: plain\nb: 'single'\nc: \"double\"\nd: |\n  literal\ne: >\n  folded\n")
        let pairs = try mapping(root)
        #expect(pairs.count == 5)
        #expect(pairs.map { $0.value.scalarStyle } == [.plain, .singleQuoted, .doubleQuoted, .literal, .folded])
    }

    @Test("duplicate keys name both positions")
    func duplicateKeys() {
        #expect(
            throws: YAMLSyntaxError.duplicateKey(
                "a", at: SourceMark(file: "t.yaml", line: 3, column: 1), first: SourceMark(file: "t.yaml", line: 1, column: 1))
        ) {
            try parse("a: 1\nb: 2\na: 3\n")
        }
    }

    @Test("a billion-laughs alias bomb fails fast at its first anchor")
    func billionLaughs() {
        var text = "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        for level in 1..<9 {
            let previous = Character(Unicode.Scalar(UInt8(96 + level)))
            let name = Character(Unicode.Scalar(UInt8(97 + level)))
            text += "\(name): &\(name) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ",") + "]\n"
        }
        while text.utf8.count < 1_000_000 { text += "# padding to make a 1 MB file\n" }
        // Refused at the first anchor (line 1), so nothing is expanded; no timing (speed is benchmarked, not tested).
        #expect(throws: YAMLSyntaxError.aliasNotAllowed(at: SourceMark(file: "t.yaml", line: 1, column: 4))) { try parse(text) }
    }

    @Test("10,000-deep nesting fails with a positioned error, not a crash")
    func deepNesting() {
        let text = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(throws: YAMLSyntaxError.tooDeep(limit: 64, at: SourceMark(file: "t.yaml", line: 1, column: 65))) { try parse(text) }
    }

    @Test("invalid UTF-8 is reported at its line and column")
    func invalidUTF8() {
        var bytes = Array("a: ok\nb: x".utf8)
        bytes.append(0xFF)
        bytes += Array("y\n".utf8)
        do throws(YAMLSyntaxError) {
            _ = try parser.parse(bytes, file: "t.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.mark == SourceMark(file: "t.yaml", line: 2, column: 5))
            #expect(error.message.contains("invalid leading UTF-8 octet"))
        }
    }

    @Test("a tab used for indentation keeps libyaml's position and wording")
    func tabIndent() {
        do throws(YAMLSyntaxError) {
            _ = try parser.parse("a:\n\tb: 1\n", file: "t.yaml")
            Issue.record("expected an error")
        } catch {
            #expect(error.mark.line == 2)
            #expect(error.code == .yamlSyntax)
            #expect(error.message.contains("tab"))
        }
    }

    @Test("files over the size limit are refused before parsing")
    func sizeLimit() {
        let small = YAMLParser(limits: YAMLLimits(maxFileBytes: 10))
        #expect(throws: YAMLSyntaxError.fileTooLarge(bytes: 12, limit: 10, file: "t.yaml")) { try small.parse("a: 1234567\n\n", file: "t.yaml") }
    }

    @Test("only one document per file; empty files are errors")
    func documents() {
        #expect(throws: YAMLSyntaxError.multipleDocuments(at: SourceMark(file: "t.yaml", line: 2, column: 1))) { try parse("a: 1\n---\nb: 2\n") }
        #expect(throws: YAMLSyntaxError.empty(file: "t.yaml")) { try parse("") }
    }

    @Test("tags other than !!str are refused")
    func tags() throws {
        #expect(throws: YAMLSyntaxError.unsupportedTag("!custom", at: SourceMark(file: "t.yaml", line: 1, column: 4))) { try parse("a: !custom x\n") }
        // !!str makes text of what would otherwise resolve to the integer 12.
        let pairs = try mapping(parse("a: !!str 12\nb: 12\n"))
        #expect(pairs.map(\.value.resolved) == [.string("12"), .int(12)])
    }

    @Test("a UTF-8 byte-order mark and CRLF line ends are accepted")
    func bomAndCRLF() throws {
        let root = try parser.parse([0xEF, 0xBB, 0xBF] + Array("a: 1\r\nb: two\r\n".utf8), file: "t.yaml")
        let pairs = try mapping(root)
        #expect(pairs.count == 2)
        #expect(pairs[0].key.scalarText == "a")
        #expect(pairs[1].value.resolved == .string("two"))
        #expect(pairs[1].key.mark.line == 2)
    }
}
