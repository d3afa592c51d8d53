/// The few parts of a result line the network report reads, found without building the whole
/// document: whether it is a result, its pack and outcome, and where its `values` and `indicators`
/// are. Everything else is checked for well-formedness and skipped.
///
/// Skipping is most of the work (a screening result is about 9 KB, mostly the text of its
/// indicators and next steps), so text is skipped eight bytes at a time while it holds no quote,
/// backslash, control character or non-ASCII byte; anything else takes ``JSONScanner``'s checking
/// path. Keys are compared in place, without copying.
struct ResultDigest {
    /// `ok`, or nil when the document has no boolean `ok` (so it is not a result).
    var ok: Bool?
    /// The bytes of `pack.id` (escapes resolved).
    var packID: [UInt8]?
    /// The bytes of `outcome.id`.
    var outcomeID: [UInt8]?
    /// Byte range of the `values` object.
    var values: Range<Int>?
    /// Byte range of the `indicators` array.
    var indicators: Range<Int>?
    /// The worker's professional judgement: nil when the result has no `judgement` field (an
    /// older engine), `.none` for `null`, else whether it raised the level of concern.
    var judgement: Judgement?

    /// What the worker's professional judgement did.
    enum Judgement: Int {
        case none = 0
        case raised = 1
        case notRaised = 2
    }

    /// Whether a key is `word`: lengths first, then bytes (keys are short; most differ in length).
    @inline(__always)
    static func same(_ key: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard key.count == word.utf8CodeUnitCount, let base = key.baseAddress else { return key.count == word.utf8CodeUnitCount }
        let start = word.utf8Start
        for index in 0..<key.count where base[index] != start[index] { return false }
        return true
    }

    /// Whether a key is `bytes`, as ``same(_:_:)-(_,StaticString)``.
    @inline(__always)
    static func same(_ key: UnsafeBufferPointer<UInt8>, _ bytes: [UInt8]) -> Bool {
        guard key.count == bytes.count else { return false }
        return bytes.withUnsafeBufferPointer { other in
            guard let base = key.baseAddress, let start = other.baseAddress else { return true }
            for index in 0..<other.count where base[index] != start[index] { return false }
            return true
        }
    }

    /// Scans one JSON document.
    ///
    /// - Parameter bytes: The document.
    /// - Returns: The digest; a document that is JSON but not an object has `ok == nil`.
    /// - Throws: ``CaseError`` when the bytes are not one well-formed JSON document.
    static func scan(_ bytes: UnsafeBufferPointer<UInt8>) throws(CaseError) -> ResultDigest {
        var scanner = JSONScanner(bytes)
        var digest = ResultDigest()
        // A UTF-8 byte order mark is ignored, as RFC 8259 allows.
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { scanner.position = 3 }
        scanner.skipWhitespace()
        if scanner.peek != 0x7B {
            try skip(&scanner)
        } else {
            try forEachMember(&scanner) { (key, scanner) throws(CaseError) in
                let start = scanner.position
                if same(key, "ok") {
                    if scanner.peek == 0x74 || scanner.peek == 0x66 {
                        digest.ok = try scanner.readLiteral(path: "")
                    } else {
                        try skip(&scanner)
                    }
                } else if same(key, "pack") {
                    digest.packID = try member("id", of: &scanner)
                } else if same(key, "outcome") {
                    digest.outcomeID = try member("id", of: &scanner)
                } else if same(key, "values") {
                    try skip(&scanner)
                    if bytes[start] == 0x7B { digest.values = start..<scanner.position }
                } else if same(key, "judgement") {
                    if scanner.peek == 0x6E {
                        _ = try scanner.readLiteral(path: "")
                        digest.judgement = Judgement.none
                    } else if scanner.peek == 0x7B {
                        var raised = false
                        try forEachMember(&scanner) { (name, scanner) throws(CaseError) in
                            if same(name, "raised"), scanner.peek == 0x74 || scanner.peek == 0x66 {
                                raised = try scanner.readLiteral(path: "") == true
                            } else {
                                try skip(&scanner)
                            }
                        }
                        digest.judgement = raised ? .raised : .notRaised
                    } else {
                        try skip(&scanner)
                    }
                } else if same(key, "indicators") {
                    try skip(&scanner)
                    if bytes[start] == 0x5B { digest.indicators = start..<scanner.position }
                } else {
                    try skip(&scanner)
                }
            }
        }
        scanner.skipWhitespace()
        guard scanner.atEnd else { throw scanner.malformed("more text after the document", path: "") }
        return digest
    }

    /// The text of member `key` of the object at the scanner (skipped whole), or nil.
    private static func member(_ key: StaticString, of scanner: inout JSONScanner) throws(CaseError) -> [UInt8]? {
        guard scanner.peek == 0x7B else {
            try skip(&scanner)
            return nil
        }
        var found: [UInt8]?
        try forEachMember(&scanner) { (name, scanner) throws(CaseError) in
            if found == nil, same(name, key), scanner.peek == 0x22 {
                found = try text(&scanner)
            } else {
                try skip(&scanner)
            }
        }
        return found
    }

    /// Reads a string value's bytes (escapes resolved).
    static func text(_ scanner: inout JSONScanner) throws(CaseError) -> [UInt8] {
        let token = try scanner.readString(path: "")
        return token.hasEscapes ? try scanner.decodeBytes(token, path: "") : Array(scanner.slice(token))
    }

    /// Calls `body` with each member's key (escapes resolved) and the scanner at its value; `body`
    /// must consume the value. The key is only valid during the call.
    static func forEachMember(
        _ scanner: inout JSONScanner, _ body: (UnsafeBufferPointer<UInt8>, inout JSONScanner) throws(CaseError) -> Void
    ) throws(CaseError) {
        try scanner.expect(0x7B, "'{'", path: "")
        scanner.skipWhitespace()
        if scanner.peek == 0x7D {
            scanner.position += 1
            return
        }
        repeat {
            scanner.skipWhitespace()
            // A plain key (no escape, control character or non-ASCII byte) is found sixteen bytes at a time.
            let key: JSONScanner.StringToken
            let bytes = scanner.bytes
            if let base = bytes.baseAddress, scanner.position < bytes.count, base[scanner.position] == 0x22,
                case let end = plainText(UnsafeRawPointer(base), bytes.count, scanner.position + 1), end < bytes.count, base[end] == 0x22
            {
                key = JSONScanner.StringToken(start: scanner.position + 1, end: end, hasEscapes: false)
                scanner.position = end + 1
            } else {
                key = try scanner.readString(path: "")
            }
            try scanner.expect(0x3A, "':'", path: "")
            scanner.skipWhitespace()
            if key.hasEscapes {
                let decoded = try scanner.decodeBytes(key, path: "")
                var failure: CaseError?
                decoded.withUnsafeBufferPointer { buffer in
                    do throws(CaseError) { try body(buffer, &scanner) } catch { failure = error }
                }
                if let failure { throw failure }
            } else {
                try body(scanner.slice(key), &scanner)
            }
        } while try scanner.another(closing: 0x7D, path: "")
    }

    /// Skips any value, checking it is well-formed, with a nesting limit (`depth` is how deep the
    /// value already is). The value is first tried by ``fastSkip(_:from:depth:)``; only when that
    /// refuses it does ``skipChecking(_:depth:)`` go over it again, so errors and their positions
    /// are always the checking path's.
    @inline(__always)
    static func skip(_ scanner: inout JSONScanner, depth: Int = 0) throws(CaseError) {
        if let end = fastSkip(scanner.bytes, from: scanner.position, depth: depth) {
            scanner.position = end
            return
        }
        try skipChecking(&scanner, depth: depth)
    }

    /// The end of the value at `from` (after any whitespace), when it is one the checking path
    /// accepts; nil when it cannot tell (the checking path then decides, and reports).
    ///
    /// Invariant (`docs/internals.md`, "Fast-path invariants"): whatever this accepts,
    /// ``skipChecking(_:depth:)`` accepts too, ending at the same byte. It is stricter where that is
    /// simpler: it refuses text that is not valid UTF-8 even beside an escape, and any container
    /// at the deepest level allowed, even an empty one. It holds no state but a position, a level
    /// and one bit per open container (object or array), so it neither recurses nor allocates.
    static func fastSkip(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, depth: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let n = bytes.count
        // A value `level` containers deep is at depth `depth + level`, which must stay below the limit.
        let deepest = JSONScanner.maxDepth - 1 - depth
        guard deepest >= 0 else { return nil }
        var p = from
        var level = 0
        var objects: UInt64 = 0
        @inline(__always) func blank(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 }
        while true {
            // A value.
            while p < n, blank(base[p]) { p += 1 }
            guard p < n else { return nil }
            switch base[p] {
            case 0x22:
                guard let end = fastString(base, n, p) else { return nil }
                p = end
            case 0x7B, 0x5B:
                guard level < deepest else { return nil }
                let object = base[p] == 0x7B
                p += 1
                while p < n, blank(base[p]) { p += 1 }
                guard p < n else { return nil }
                if base[p] == (object ? 0x7D : 0x5D) {
                    p += 1
                } else {
                    if object { objects |= 1 << UInt64(level) } else { objects &= ~(1 << UInt64(level)) }
                    level += 1
                    if object {
                        guard base[p] == 0x22, let end = fastKey(base, n, p) else { return nil }
                        p = end
                    }
                    continue
                }
            case 0x2D, 0x30...0x39:
                guard let end = fastNumber(base, n, p) else { return nil }
                p = end
            case 0x74:
                guard p + 4 <= n, base[p + 1] == 0x72, base[p + 2] == 0x75, base[p + 3] == 0x65 else { return nil }
                p += 4
            case 0x66:
                guard p + 5 <= n, base[p + 1] == 0x61, base[p + 2] == 0x6C, base[p + 3] == 0x73, base[p + 4] == 0x65 else { return nil }
                p += 5
            case 0x6E:
                guard p + 4 <= n, base[p + 1] == 0x75, base[p + 2] == 0x6C, base[p + 3] == 0x6C else { return nil }
                p += 4
            default:
                return nil
            }
            // After a value: the end, a comma (then the next member or item), or a closing bracket.
            while true {
                if level == 0 { return p }
                while p < n, blank(base[p]) { p += 1 }
                guard p < n else { return nil }
                let object = (objects >> UInt64(level - 1)) & 1 == 1
                if base[p] == 0x2C {
                    p += 1
                    if object {
                        while p < n, blank(base[p]) { p += 1 }
                        guard p < n, base[p] == 0x22, let end = fastKey(base, n, p) else { return nil }
                        p = end
                    }
                    break
                }
                guard base[p] == (object ? 0x7D : 0x5D) else { return nil }
                p += 1
                level -= 1
            }
        }
    }

    /// A key at `p` (its opening quote), then its colon: where its value may start.
    @inline(__always)
    private static func fastKey(_ base: UnsafePointer<UInt8>, _ n: Int, _ p: Int) -> Int? {
        guard var q = fastString(base, n, p) else { return nil }
        while q < n, base[q] == 0x20 || base[q] == 0x0A || base[q] == 0x0D || base[q] == 0x09 { q += 1 }
        guard q < n, base[q] == 0x3A else { return nil }
        return q + 1
    }

    /// The end of the text at `p` (its opening quote): sixteen bytes at a time (eight near the end)
    /// while they hold no quote, backslash, control character or non-ASCII byte; escapes and UTF-8
    /// sequences are checked as they come. Nil for anything the checking path might refuse.
    @inline(__always)
    static func fastString(_ base: UnsafePointer<UInt8>, _ n: Int, _ from: Int) -> Int? {
        let raw = UnsafeRawPointer(base)
        var p = from + 1
        while true {
            p = plainText(raw, n, p)
            guard p < n else { return nil }
            let b = base[p]
            if b == 0x22 { return p + 1 }
            if b == 0x5C {
                guard p + 1 < n else { return nil }
                switch base[p + 1] {
                case 0x22, 0x5C, 0x2F, 0x62, 0x66, 0x6E, 0x72, 0x74:
                    p += 2
                case 0x75:
                    guard p + 6 <= n else { return nil }
                    for k in 2...5 where JSONScanner.hexValue(base[p + k]) == nil { return nil }
                    p += 6
                default:
                    return nil
                }
            } else if b < 0x20 {
                return nil
            } else if b >= 0x80 {
                guard let next = utf8Sequence(base, n, p) else { return nil }
                p = next
            } else {
                p += 1
            }
        }
    }

    /// Where the plain text from `p` ends: the first quote, backslash, control character or
    /// non-ASCII byte at or after `p`, or `n`. Sixteen bytes at a time as vectors (SSE2 or NEON
    /// compares, no library call), then eight at a time in a word, then a byte at a time.
    @inline(__always)
    static func plainText(_ raw: UnsafeRawPointer, _ n: Int, _ from: Int) -> Int {
        var p = from
        let quote = SIMD16<UInt8>(repeating: 0x22)
        let backslash = SIMD16<UInt8>(repeating: 0x5C)
        let lastControl = SIMD16<UInt8>(repeating: 0x1F)
        let high = SIMD16<UInt8>(repeating: 0x80)
        while p &+ 16 <= n {
            let v = raw.loadUnaligned(fromByteOffset: p, as: SIMD16<UInt8>.self)
            // A control character is one that `min(v, 0x1F)` leaves unchanged.
            let special = (v .== quote) .| (v .== backslash) .| (v .== v.replacing(with: lastControl, where: v .> lastControl)) .| (v .>= high)
            let words = unsafeBitCast(SIMD16<UInt8>.zero.replacing(with: 0xFF, where: special), to: SIMD2<UInt64>.self)
            if words[0] != 0 { return p &+ words[0].trailingZeroBitCount &>> 3 }
            if words[1] != 0 { return p &+ 8 &+ words[1].trailingZeroBitCount &>> 3 }
            p &+= 16
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while p &+ 8 <= n {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt64.self))
            let quotes = word ^ (ones &* 0x22)
            let backslashes = word ^ (ones &* 0x5C)
            // The lowest flagged byte is exact (the borrows only ever flag bytes above it).
            let flagged =
                (((quotes &- ones) & ~quotes) | ((backslashes &- ones) & ~backslashes) | ((word &- ones &* 0x20) & ~word) | word) & highs
            if flagged != 0 { return p &+ flagged.trailingZeroBitCount &>> 3 }
            p &+= 8
        }
        while p < n {
            let b = raw.load(fromByteOffset: p, as: UInt8.self)
            if b == 0x22 || b == 0x5C || b < 0x20 || b >= 0x80 { return p }
            p &+= 1
        }
        return n
    }

    /// The end of the well-formed UTF-8 sequence at `p` (its lead byte is at least 0x80), or nil
    /// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF).
    @inline(__always)
    static func utf8Sequence(_ base: UnsafePointer<UInt8>, _ n: Int, _ p: Int) -> Int? {
        let lead = base[p]
        @inline(__always) func tail(_ k: Int) -> Bool { p + k < n && base[p + k] & 0xC0 == 0x80 }
        switch lead {
        case 0xC2...0xDF:
            return tail(1) ? p + 2 : nil
        case 0xE0...0xEF:
            guard tail(1), tail(2) else { return nil }
            let second = base[p + 1]
            if lead == 0xE0 && second < 0xA0 { return nil }
            if lead == 0xED && second > 0x9F { return nil }
            return p + 3
        case 0xF0...0xF4:
            guard tail(1), tail(2), tail(3) else { return nil }
            let second = base[p + 1]
            if lead == 0xF0 && second < 0x90 { return nil }
            if lead == 0xF4 && second > 0x8F { return nil }
            return p + 4
        default:
            return nil
        }
    }

    /// The end of the number at `p`, in JSON's grammar (`-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`).
    @inline(__always)
    private static func fastNumber(_ base: UnsafePointer<UInt8>, _ n: Int, _ from: Int) -> Int? {
        var p = from
        @inline(__always) func digit(_ q: Int) -> Bool { q < n && base[q] &- 0x30 < 10 }
        if base[p] == 0x2D { p += 1 }
        guard digit(p) else { return nil }
        if base[p] == 0x30 {
            p += 1
        } else {
            while digit(p) { p += 1 }
        }
        if p < n, base[p] == 0x2E {
            p += 1
            guard digit(p) else { return nil }
            while digit(p) { p += 1 }
        }
        if p < n, base[p] == 0x65 || base[p] == 0x45 {
            p += 1
            if p < n, base[p] == 0x2B || base[p] == 0x2D { p += 1 }
            guard digit(p) else { return nil }
            while digit(p) { p += 1 }
        }
        return p
    }

    /// Skips any value, checking it is well-formed, with a nesting limit: the general path, whose
    /// errors and positions are what the report gives. It is the scanner's own ``JSONScanner/skipValue(path:depth:)``,
    /// the one the case decoder uses.
    static func skipChecking(_ scanner: inout JSONScanner, depth: Int = 0) throws(CaseError) {
        try scanner.skipValue(path: "", depth: depth)
    }

    /// Skips a string eight bytes at a time while it is plain ASCII text.
    @inline(__always)
    static func skipString(_ scanner: inout JSONScanner) throws(CaseError) {
        let bytes = scanner.bytes
        guard let base = bytes.baseAddress, scanner.position < bytes.count, base[scanner.position] == 0x22 else {
            _ = try scanner.readStringSlowly(path: "")
            return
        }
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var p = scanner.position + 1
        let n = bytes.count
        let raw = UnsafeRawPointer(base)
        while p + 8 <= n {
            let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: p, as: UInt64.self))
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            // A byte is special if it is a quote, a backslash, below 0x20 or at least 0x80.
            let special =
                ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash) | ((word &- ones &* 0x20) & ~word) | word
            if special & highs != 0 { break }
            p += 8
        }
        while p < n {
            let b = base[p]
            if b == 0x22 {
                scanner.position = p + 1
                return
            }
            if b == 0x5C || b < 0x20 || b >= 0x80 { break }
            p += 1
        }
        _ = try scanner.readStringSlowly(path: "")
    }
}
