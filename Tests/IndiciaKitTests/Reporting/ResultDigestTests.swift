import Testing

@testable import IndiciaKit

/// The digest's fast value skipper against its checking path: over many inputs, valid and not,
/// skipping gives the same end, or the same error at the same position, either way.
@Suite("ResultDigest")
struct ResultDigestTests {
    /// What skipping one value gave: where it ended, or the error.
    enum Outcome: Equatable, CustomStringConvertible {
        case end(Int)
        case error(String, String, Int?)
        var description: String {
            switch self {
            case .end(let end): "end \(end)"
            case .error(let code, let message, let column): "\(code) at \(column.map(String.init) ?? "-"): \(message)"
            }
        }
    }

    static func outcome(_ bytes: [UInt8], depth: Int, checkingOnly: Bool) -> Outcome {
        bytes.withUnsafeBufferPointer { buffer in
            var scanner = JSONScanner(buffer)
            do throws(CaseError) {
                if checkingOnly {
                    try ResultDigest.skipChecking(&scanner, depth: depth)
                } else {
                    try ResultDigest.skip(&scanner, depth: depth)
                }
                return .end(scanner.position)
            } catch {
                return .error(error.code.rawValue, error.message, error.column)
            }
        }
    }

    /// The fast path's own answer (nil: it handed the value to the checking path).
    static func fast(_ bytes: [UInt8], depth: Int = 0) -> Int? {
        bytes.withUnsafeBufferPointer { ResultDigest.fastSkip($0, from: 0, depth: depth) }
    }

    /// Checks one input: the fast path never accepts what the checking path refuses, ends where it
    /// ends, and `skip` (fast, then checking) reports exactly what the checking path reports.
    static func check(_ bytes: [UInt8], depth: Int = 0, sourceLocation: SourceLocation = #_sourceLocation) {
        let checking = outcome(bytes, depth: depth, checkingOnly: true)
        let both = outcome(bytes, depth: depth, checkingOnly: false)
        #expect(both == checking, "\(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
        if let end = fast(bytes, depth: depth) {
            #expect(checking == .end(end), "fast path accepted \(String(decoding: bytes, as: UTF8.self))", sourceLocation: sourceLocation)
        }
    }

    static let seeds: [String] = [
        #"{"id":"wy-1","ok":true,"pack":{"id":"screening","revision":"2026.11"},"scores":{"a":1,"b":-2.5e3},"values":{"x":null,"y":false,"z":[1,2,[]]},"indicators":[{"id":"a","label":"Child's money — unexplained","tags":["child"],"evidence":[{"answer":"yes"}]}]}"#,
        "{\n  \"ok\" : true ,\n\t\"list\" : [ 1 , 2.0 , -0 , 0.5e-3 , 1E+9 ] ,\r\n  \"empty\" : { } , \"none\" : [ ]\n}",
        #"["plain text that is longer than sixteen bytes, and then some more of it", "é ü ñ — “quoted” 😀", "\n\t\"\\\/\b\f\r\u00e9\uD83D\uDE00"]"#,
        #"{"a":"\ud800","b":"\u12G4","c":"\x","d":"tab\#tinside","e":"é"}"#,
        #"[0,-0,01,1.,.5,-,1e,1e+,1E-7,123456789012345678901234567890,tru,nul,falsey,true,null,false]"#,
        #"{"k" "v"}"#, #"{"k":}"#, #"{,}"#, #"[1,]"#, #"{"a":1,}"#, #"[1 2]"#, #"{"a":1"b":2}"#, #"}"#, #"""#, "", " ",
    ]

    @Test func seedsAndEveryTruncation() {
        for seed in Self.seeds {
            let bytes = Array(seed.utf8)
            for length in 0...bytes.count { Self.check(Array(bytes[0..<length])) }
        }
    }

    @Test func everyByteReplaced() {
        let replacements: [UInt8] = [
            0x22, 0x5C, 0x7B, 0x7D, 0x5B, 0x5D, 0x2C, 0x3A, 0x00, 0x1F, 0x20, 0x0A, 0x61, 0x31, 0x2D, 0x2E, 0x65, 0x75, 0x80, 0xBF, 0xC0, 0xC3, 0xE0,
            0xED, 0xF0, 0xF4, 0xF5, 0xFF,
        ]
        for seed in Self.seeds.prefix(3) {
            let bytes = Array(seed.utf8)
            for index in bytes.indices {
                for replacement in replacements {
                    var mutated = bytes
                    mutated[index] = replacement
                    Self.check(mutated)
                }
            }
        }
    }

    @Test func utf8SequencesAtEveryLeadByte() {
        // Every lead byte with every interesting continuation, inside a string long enough for the
        // sixteen-byte path and short enough for the byte path.
        let seconds: [UInt8] = [0x00, 0x41, 0x7F, 0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF]
        for lead in UInt8(0x80)...UInt8(0xFF) {
            for second in seconds {
                for third: UInt8 in [0x80, 0xBF, 0x41] {
                    for length in 1...4 {
                        let sequence = Array([lead, second, third, 0x80].prefix(length))
                        Self.check([0x22] + sequence + [0x22])
                        Self.check([0x22] + Array("0123456789abcdef0123".utf8) + sequence + Array("0123456789abcdef".utf8) + [0x22])
                    }
                }
            }
        }
    }

    @Test func nestingAtTheLimit() {
        for levels in [1, 2, 31, 62, 63, 64, 65, 70] {
            for depth in [0, 1, 30, 63, 64] {
                Self.check(Array((String(repeating: "[", count: levels) + String(repeating: "]", count: levels)).utf8), depth: depth)
                Self.check(Array((String(repeating: "[", count: levels) + "1" + String(repeating: "]", count: levels)).utf8), depth: depth)
                Self.check(Array((String(repeating: "{\"a\":", count: levels) + "1" + String(repeating: "}", count: levels)).utf8), depth: depth)
            }
        }
        Self.check(Array("7".utf8), depth: 64)
    }

    @Test func randomDocuments() {
        var random = FixturePack.Random(state: 15)
        let pieces = [
            "{", "}", "[", "]", ",", ":", "\"", "\"key\"", "\"text with some length to it\"", "\\", "\\u00e9", "\\n", "1", "-2.5e3", "0",
            "true", "false", "null", " ", "\n", "é", "\u{1F600}", "\u{01}",
        ]
        for _ in 0..<4000 {
            var text = ""
            for _ in 0..<random.below(24) { text += pieces[random.below(pieces.count)] }
            Self.check(Array(text.utf8))
        }
    }

    /// The fast path takes the ordinary cases itself (else it would be no faster).
    @Test func fastPathTakesOrdinaryValues() {
        let seed = Array(Self.seeds[0].utf8)
        #expect(Self.fast(seed) == seed.count)
        let pretty = Array(Self.seeds[1].utf8)
        #expect(Self.fast(pretty) == pretty.count)
        let text = Array(Self.seeds[2].utf8)
        #expect(Self.fast(text) == text.count)
        #expect(Self.fast(Array("[1,]".utf8)) == nil)
        #expect(Self.fast(Array(#""\ud800""#.utf8)) != nil)
        #expect(Self.fast(Array("\"\u{ED}\u{A0}\"".utf8)) != nil)
        #expect(Self.fast([0x22, 0xED, 0xA0, 0x80, 0x22]) == nil)
    }
}
