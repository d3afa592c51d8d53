/// A strict, allocation-free JSON tokenizer over one record's bytes (RFC 8259).
struct JSONScanner {
    /// A string token's raw bytes between the quotes.
    struct StringToken {
        var start: Int
        var end: Int
        var hasEscapes: Bool
    }

    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    static let maxDepth = 64

    init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    @inline(__always) var atEnd: Bool { position >= bytes.count }
    @inline(__always) var peek: UInt8 { position < bytes.count ? bytes[position] : 0 }

    func fail(_ code: CaseError.Code, _ message: String, path: String) -> CaseError {
        CaseError(code, message, path: path, column: position + 1)
    }

    func fail(_ code: CaseError.Code, _ message: String, path: StaticString) -> CaseError {
        fail(code, message, path: "\(path)")
    }

    func malformed(_ message: String, path: String) -> CaseError {
        fail(.malformedJSON, "malformed JSON: \(message)", path: path)
    }

    func malformed(_ message: String, path: StaticString) -> CaseError {
        malformed(message, path: "\(path)")
    }

    @inline(__always) mutating func skipWhitespace() {
        guard let base = bytes.baseAddress else { return }
        var p = position
        let n = bytes.count
        // Compact JSON has no whitespace: one comparison in the common case.
        while p < n {
            let b = base[p]
            if b > 0x20 || (b != 0x20 && b != 0x09 && b != 0x0A && b != 0x0D) { break }
            p += 1
        }
        position = p
    }

    mutating func expect(_ byte: UInt8, _ what: String, path: StaticString) throws(CaseError) {
        skipWhitespace()
        guard peek == byte else { throw malformed("expected \(what)\(describeHere)", path: path) }
        position += 1
    }

    /// After an object member or array item: consumes a ',' and answers true (another follows),
    /// or consumes the closing bracket and answers false.
    @inline(__always)
    mutating func another(closing: UInt8, path: StaticString) throws(CaseError) -> Bool {
        skipWhitespace()
        if peek == 0x2C {
            position += 1
            return true
        }
        try expect(closing, closing == 0x7D ? "',' or '}'" : "',' or ']'", path: path)
        return false
    }

    var describeHere: String {
        guard position < bytes.count else { return " but the record ended" }
        let b = bytes[position]
        if b >= 0x21 && b < 0x7F { return " but found '\(Character(Unicode.Scalar(b)))'" }
        return " but found byte 0x\(String(b, radix: 16))"
    }

    /// Reads a string token, checking escapes and refusing raw control characters.
    @inline(__always)
    mutating func readString(path: StaticString) throws(CaseError) -> StringToken {
        if let base = bytes.baseAddress, position < bytes.count, base[position] == 0x22 {
            let start = position + 1
            var p = start
            let n = bytes.count
            while p < n {
                let b = base[p]
                if b == 0x22 {
                    position = p + 1
                    return StringToken(start: start, end: p, hasEscapes: false)
                }
                // Escapes, control characters and non-ASCII text take the slow, checking path.
                if b == 0x5C || b < 0x20 || b >= 0x80 { break }
                p += 1
            }
        }
        return try readStringSlowly(path: path)
    }

    /// The general case: escapes, errors, and text missing its closing quote.
    @inline(never)
    mutating func readStringSlowly(path: StaticString) throws(CaseError) -> StringToken {
        guard peek == 0x22 else { throw malformed("expected text in double quotes\(describeHere)", path: path) }
        position += 1
        let start = position
        var escapes = false
        while position < bytes.count {
            let b = bytes[position]
            if b == 0x22 {
                let token = StringToken(start: start, end: position, hasEscapes: escapes)
                // JSON text must be valid UTF-8 (RFC 8259); escaped strings are checked when decoded.
                if !escapes, !Self.isValidUTF8(Array(bytes[start..<position])) {
                    throw CaseError(.invalidUTF8, "text is not valid UTF-8", path: "\(path)", column: start + 1)
                }
                position += 1
                return token
            }
            if b == 0x5C {
                escapes = true
                position += 1
                guard position < bytes.count else { break }
                switch bytes[position] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74: position += 1
                case 0x75:
                    guard position + 4 < bytes.count,
                        (1...4).allSatisfy({ Self.hexValue(bytes[position + $0]) != nil })
                    else { throw malformed("bad \\u escape", path: path) }
                    position += 5
                default:
                    throw malformed("unknown escape in text", path: path)
                }
                continue
            }
            if b < 0x20 { throw malformed("control character inside text", path: path) }
            position += 1
        }
        throw malformed("text is missing its closing quote", path: path)
    }

    static func hexValue(_ b: UInt8) -> UInt32? {
        switch b {
        case 0x30...0x39: return UInt32(b - 0x30)
        case 0x41...0x46: return UInt32(b - 0x41 + 10)
        case 0x61...0x66: return UInt32(b - 0x61 + 10)
        default: return nil
        }
    }

    /// The raw bytes of a token.
    @inline(__always) func slice(_ token: StringToken) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[token.start..<token.end])
    }

    /// Decodes a string token into valid UTF-8 bytes (escapes resolved), or fails on invalid UTF-8.
    func decodeBytes(_ token: StringToken, path: StaticString) throws(CaseError) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(token.end - token.start)
        var i = token.start
        while i < token.end {
            let b = bytes[i]
            guard b == 0x5C else {
                out.append(b)
                i += 1
                continue
            }
            let e = bytes[i + 1]
            i += 2
            switch e {
            case 0x62: out.append(0x08)
            case 0x66: out.append(0x0C)
            case 0x6E: out.append(0x0A)
            case 0x72: out.append(0x0D)
            case 0x74: out.append(0x09)
            case 0x75:
                var code: UInt32 = 0
                for k in 0..<4 { code = code << 4 | (Self.hexValue(bytes[i + k]) ?? 0) }
                i += 4
                if code >= 0xD800 && code < 0xDC00, i + 5 < token.end, bytes[i] == 0x5C, bytes[i + 1] == 0x75 {
                    var low: UInt32 = 0
                    for k in 0..<4 { low = low << 4 | (Self.hexValue(bytes[i + 2 + k]) ?? 0) }
                    if low >= 0xDC00 && low < 0xE000 {
                        code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw CaseError(.invalidUTF8, "text holds an unpaired \\u surrogate", path: "\(path)", column: i)
                }
                out.append(contentsOf: Array(String(scalar).utf8))
            default: out.append(e)
            }
        }
        guard Self.isValidUTF8(out) else {
            throw CaseError(.invalidUTF8, "text is not valid UTF-8", path: "\(path)", column: token.start + 1)
        }
        return out
    }

    func decodeString(_ token: StringToken, path: StaticString) throws(CaseError) -> String {
        String(decoding: try decodeBytes(token, path: path), as: UTF8.self)
    }

    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    /// Reads a JSON number; returns nil (after consuming it) if it does not fit a finite double.
    @inline(__always)
    mutating func readNumber(path: StaticString) throws(CaseError) -> Double? {
        // Fast path: a small non-negative integer followed by a delimiter.
        if let base = bytes.baseAddress {
            var p = position
            let n = bytes.count
            var value = 0
            var digits = 0
            while p < n, digits < 16 {
                let d = base[p] &- 0x30
                if d > 9 { break }
                value = value * 10 + Int(d)
                digits += 1
                p += 1
            }
            if digits > 0, !(digits > 1 && base[position] == 0x30), p < n {
                let next = base[p]
                if next != 0x2E && next != 0x65 && next != 0x45 && (next < 0x30 || next > 0x39) {
                    position = p
                    return Double(value)
                }
            }
        }
        return try readNumberSlowly(path: path)
    }

    @inline(never)
    mutating func readNumberSlowly(path: StaticString) throws(CaseError) -> Double? {
        let start = position
        var negative = false
        if peek == 0x2D {
            negative = true
            position += 1
        }
        guard peek >= 0x30 && peek <= 0x39 else { throw malformed("expected a value\(describeHere)", path: path) }
        var integer: UInt64 = 0
        var digits = 0
        if peek == 0x30 {
            position += 1
            digits = 1
        } else {
            while peek >= 0x30 && peek <= 0x39 {
                if digits < 18 { integer = integer * 10 + UInt64(peek - 0x30) }
                digits += 1
                position += 1
            }
        }
        var simple = digits <= 18
        if peek == 0x2E {
            simple = false
            position += 1
            guard peek >= 0x30 && peek <= 0x39 else { throw malformed("a number needs digits after '.'", path: path) }
            while peek >= 0x30 && peek <= 0x39 { position += 1 }
        }
        if peek == 0x65 || peek == 0x45 {
            simple = false
            position += 1
            if peek == 0x2B || peek == 0x2D { position += 1 }
            guard peek >= 0x30 && peek <= 0x39 else { throw malformed("a number needs digits in its exponent", path: path) }
            while peek >= 0x30 && peek <= 0x39 { position += 1 }
        }
        if simple {
            let value = Double(integer)
            return negative ? -value : value
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<position]), as: UTF8.self)
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// Reads `true`, `false` or `null`.
    mutating func readLiteral(path: StaticString) throws(CaseError) -> Bool? {
        func match(_ word: StaticString) -> Bool {
            let count = word.utf8CodeUnitCount
            guard position + count <= bytes.count else { return false }
            for k in 0..<count where bytes[position + k] != word.utf8Start[k] { return false }
            position += count
            return true
        }
        if match("true") { return true }
        if match("false") { return false }
        if match("null") { return nil }
        throw malformed("expected a value\(describeHere)", path: path)
    }

    /// Skips any value, checking it is well-formed, with a nesting limit.
    mutating func skipValue(path: StaticString, depth: Int = 0) throws(CaseError) {
        guard depth < Self.maxDepth else {
            throw fail(.tooDeep, "JSON is nested more than \(Self.maxDepth) levels deep", path: path)
        }
        skipWhitespace()
        switch peek {
        case 0x22: _ = try readString(path: path)
        case 0x7B:
            position += 1
            skipWhitespace()
            if peek == 0x7D {
                position += 1
                return
            }
            while true {
                skipWhitespace()
                _ = try readString(path: path)
                try expect(0x3A, "':'", path: path)
                try skipValue(path: path, depth: depth + 1)
                if try another(closing: 0x7D, path: path) { continue }
                return
            }
        case 0x5B:
            position += 1
            skipWhitespace()
            if peek == 0x5D {
                position += 1
                return
            }
            while true {
                try skipValue(path: path, depth: depth + 1)
                if try another(closing: 0x5D, path: path) { continue }
                return
            }
        case 0x2D, 0x30...0x39: _ = try readNumber(path: path)
        default: _ = try readLiteral(path: path)
        }
    }

    /// A JSON pointer segment for a key (`~` and `/` escaped).
    static func pointerSegment(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        let text = String(decoding: bytes, as: UTF8.self)
        return text.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
    }
}
