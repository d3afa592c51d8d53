import Testing

@testable import IndiciaKit

/// Framing: the records a stream yields, and their lines, whatever pieces the input arrives in.
@Suite("CaseStream")
struct CaseStreamTests {
    /// What a test compares: the line a record starts on, and its text (or its failure code).
    struct Framed: Equatable, CustomStringConvertible {
        var line: Int
        var text: String
        var description: String { "\(line): \(text)" }
    }

    /// Frames `input` delivered in the given pieces (sizes, repeated; empty = all at once).
    static func frame(_ input: [UInt8], pieces: [Int] = [], limits: CaseLimits = .standard) -> [Framed] {
        var stream = CaseStream(limits: limits)
        var out: [Framed] = []
        func take() {
            while let record = stream.next() {
                let text = record.failure.map { "<\($0.code.rawValue)>" } ?? String(decoding: stream.buffer[record.range], as: UTF8.self)
                out.append(Framed(line: record.line, text: text))
            }
        }
        var offset = 0
        var piece = 0
        while offset < input.count {
            let size = pieces.isEmpty ? input.count : max(1, pieces[piece % pieces.count])
            piece += 1
            let next = min(input.count, offset + size)
            stream.append(input[offset..<next])
            offset = next
            take()
        }
        stream.finish()
        take()
        return out
    }

    static func frame(_ text: String, pieces: [Int] = []) -> [Framed] { frame(Array(text.utf8), pieces: pieces) }

    /// A repeatable sequence of piece sizes from 1 to `largest` (no randomness that differs by run).
    static func randomPieces(seed: UInt64, count: Int = 64, largest: Int = 40) -> [Int] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(largest)) + 1
        }
    }

    /// Every input below gives the same records whole, a byte at a time and in uneven pieces.
    static let inputs: [String] = [
        "{\"id\":1}\n{\"id\":2}\n",
        "{\"id\":1}\r\n\r\n  \n{\"id\":2}",
        "{\n  \"id\": \"doc\",\n  \"answers\": {\n    \"a\": \"x\"\n  }\n}\n{\n  \"id\": 2\n}\n",
        "{\"id\":\"a\",\"answers\":{}},\n{\"id\":\"b\",\"answers\":{}}\n",
        "{\"id\":\"a\",\"answers\":{\"q\":\"yes\"\n{\"id\":\"b\"}\n",
        "\u{FEFF}{\n \"id\": 1\n}\n",
        "{\"a\":\"unterminated\n{\"id\":2}\n",
        "[1,\n2]\nnull\n  {\"x\": \"}{\\\"\"}\n",
        "{\n \"id\": 1,\n",
        "not json {\n{\"id\":1}",
    ]

    @Test("the same records whatever the chunking: whole, a byte at a time, and random splits", arguments: inputs.indices)
    func chunking(_ index: Int) {
        let input = Self.inputs[index]
        let whole = Self.frame(input)
        #expect(!whole.isEmpty)
        #expect(Self.frame(input, pieces: [1]) == whole)
        for seed in UInt64(1)...20 {
            #expect(Self.frame(input, pieces: Self.randomPieces(seed: seed, largest: 7)) == whole, "seed \(seed)")
        }
    }

    @Test("NDJSON: one record per line; CR before LF dropped; blank lines give nothing but are counted")
    func ndjson() {
        #expect(
            Self.frame("{\"id\":1}\r\n\r\n  \n{\"id\":2}") == [Framed(line: 1, text: "{\"id\":1}"), Framed(line: 4, text: "{\"id\":2}")])
        #expect(Self.frame("\n\n \t\r\n").isEmpty)
        #expect(Self.frame("").isEmpty)
    }

    @Test("pretty-printed documents back to back are one record each, starting on their first line")
    func documents() {
        let framed = Self.frame(Self.inputs[2])
        #expect(framed.map(\.line) == [1, 7])
        #expect(framed.first?.text == "{\n  \"id\": \"doc\",\n  \"answers\": {\n    \"a\": \"x\"\n  }\n}")
    }

    @Test("a trailing comma after a complete object does not swallow the records after it")
    func trailingComma() {
        #expect(Self.frame(Self.inputs[3]).map(\.line) == [1, 2])
    }

    @Test("a truncated object is a record of its own: a record in the first column starts the next")
    func truncated() {
        #expect(
            Self.frame(Self.inputs[4]) == [
                Framed(line: 1, text: "{\"id\":\"a\",\"answers\":{\"q\":\"yes\""), Framed(line: 2, text: "{\"id\":\"b\"}"),
            ])
    }

    @Test("a line ending inside a string cannot go on: it is a record of its own")
    func unterminatedString() {
        #expect(Self.frame(Self.inputs[6]).map(\.line) == [1, 2])
    }

    @Test("an unfinished document at the end of the input: its first line, then every later line, each a record")
    func unfinishedAtEnd() {
        #expect(Self.frame(Self.inputs[8]) == [Framed(line: 1, text: "{"), Framed(line: 2, text: " \"id\": 1,")])
    }

    @Test("a byte order mark before a pretty-printed document: still one record")
    func byteOrderMark() {
        let framed = Self.frame(Self.inputs[5])
        #expect(framed.count == 1)
        #expect(framed.first?.line == 1)
    }

    @Test("brackets inside strings, escaped quotes and arrays are followed correctly")
    func strings() {
        #expect(Self.frame(Self.inputs[7]).map(\.line) == [1, 3, 4])
    }

    @Test("a record longer than the limit is refused once and skipped; the records after it are read")
    func tooLong() {
        let limits = CaseLimits(maxLineBytes: 64)
        let longLine = "{\"id\":\"" + String(repeating: "x", count: 200) + "\"}\n{\"id\":2}\n"
        // A pretty-printed document over the limit: one failure, not one per line.
        let longDocument = "{\n" + (1...30).map { "  \"k\($0)\": \($0)," }.joined(separator: "\n") + "\n  \"end\": 0\n}\n{\"id\":3}\n"
        for pieces in [[], [1], Self.randomPieces(seed: 3)] {
            #expect(
                Self.frame(Array(longLine.utf8), pieces: pieces, limits: limits) == [
                    Framed(line: 1, text: "<line-too-long>"), Framed(line: 2, text: "{\"id\":2}"),
                ])
            #expect(
                Self.frame(Array(longDocument.utf8), pieces: pieces, limits: limits) == [
                    Framed(line: 1, text: "<line-too-long>"), Framed(line: 34, text: "{\"id\":3}"),
                ])
        }
    }

    @Test("memory stays bounded while a record far over the limit is skipped")
    func skippingKeepsNothing() {
        var stream = CaseStream(limits: CaseLimits(maxLineBytes: 1024))
        let piece = [UInt8](repeating: 0x61, count: 1 << 16)
        stream.append("{\"id\":\"".utf8)
        var failures = 0
        for _ in 0..<200 {
            stream.append(piece)
            while let record = stream.next() { if record.failure != nil { failures += 1 } }
        }
        #expect(failures == 1)
        #expect(stream.buffer.count < 4 << 20)
    }

    @Test("100 lines: a truncated object every 10th line from line 1, binary garbage every 10th from line 6: 100 records")
    func hostileStream() {
        var lines: [[UInt8]] = []
        for n in 1...100 {
            if n % 10 == 1 {
                lines.append(Array("{\"id\":\(n),\"answers\":{\"q\":\"ye".utf8))
            } else if n % 10 == 6 {
                lines.append((0..<40).map { UInt8(truncatingIfNeeded: ($0 * 37 + n * 11) % 256) }.map { $0 == 0x0A ? 0x00 : $0 })
            } else {
                lines.append(Array("{\"id\":\(n),\"answers\":{}}".utf8))
            }
        }
        let input = Array(lines.joined(separator: [0x0A]))
        for pieces in [[], [1], Self.randomPieces(seed: 9, largest: 300)] {
            let framed = Self.frame(input, pieces: pieces)
            #expect(framed.map(\.line) == Array(1...100))
        }
    }

    @Test("a problem's position: the record's first line plus the line ends before it, and the column in its own line")
    func positions() {
        let record = Array("{\n  \"id\": 1,\n  \"x\": 2\n}".utf8)
        record.withUnsafeBufferPointer { bytes in
            // Byte offset of `"x"` is 15 (1-based column 16 in the record): line 3, column 3.
            #expect(CaseStream.position(ofColumn: 16, in: bytes, line: 10) == (12, 3))
            #expect(CaseStream.position(ofColumn: 1, in: bytes, line: 10) == (10, 1))
            let (error, line) = CaseStream.locate(CaseError(.unknownField, "x", path: "/x", column: 16), in: bytes, line: 10)
            #expect(line == 12)
            #expect(error.column == 3)
        }
    }
}
