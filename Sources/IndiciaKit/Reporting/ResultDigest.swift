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

    private static let okKey = Array("ok".utf8)
    private static let packKey = Array("pack".utf8)
    private static let outcomeKey = Array("outcome".utf8)
    private static let valuesKey = Array("values".utf8)
    private static let indicatorsKey = Array("indicators".utf8)
    private static let judgementKey = Array("judgement".utf8)
    private static let raisedKey = Array("raised".utf8)
    static let idKey = Array("id".utf8)

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
                if key.elementsEqual(okKey) {
                    if scanner.peek == 0x74 || scanner.peek == 0x66 {
                        digest.ok = try scanner.readLiteral(path: "")
                    } else {
                        try skip(&scanner)
                    }
                } else if key.elementsEqual(packKey) {
                    digest.packID = try member(idKey, of: &scanner)
                } else if key.elementsEqual(outcomeKey) {
                    digest.outcomeID = try member(idKey, of: &scanner)
                } else if key.elementsEqual(valuesKey) {
                    try skip(&scanner)
                    if bytes[start] == 0x7B { digest.values = start..<scanner.position }
                } else if key.elementsEqual(judgementKey) {
                    if scanner.peek == 0x6E {
                        _ = try scanner.readLiteral(path: "")
                        digest.judgement = Judgement.none
                    } else if scanner.peek == 0x7B {
                        var raised = false
                        try forEachMember(&scanner) { (name, scanner) throws(CaseError) in
                            if name.elementsEqual(raisedKey), scanner.peek == 0x74 || scanner.peek == 0x66 {
                                raised = try scanner.readLiteral(path: "") == true
                            } else {
                                try skip(&scanner)
                            }
                        }
                        digest.judgement = raised ? .raised : .notRaised
                    } else {
                        try skip(&scanner)
                    }
                } else if key.elementsEqual(indicatorsKey) {
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
    private static func member(_ key: [UInt8], of scanner: inout JSONScanner) throws(CaseError) -> [UInt8]? {
        guard scanner.peek == 0x7B else {
            try skip(&scanner)
            return nil
        }
        var found: [UInt8]?
        try forEachMember(&scanner) { (name, scanner) throws(CaseError) in
            if found == nil, name.elementsEqual(key), scanner.peek == 0x22 {
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
            let key = try scanner.readString(path: "")
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

    /// Skips any value, checking it is well-formed, with a nesting limit.
    static func skip(_ scanner: inout JSONScanner, depth: Int = 0) throws(CaseError) {
        guard depth < JSONScanner.maxDepth else {
            throw scanner.fail(.tooDeep, "JSON is nested more than \(JSONScanner.maxDepth) levels deep", path: "")
        }
        scanner.skipWhitespace()
        switch scanner.peek {
        case 0x22: try skipString(&scanner)
        case 0x7B:
            scanner.position += 1
            scanner.skipWhitespace()
            if scanner.peek == 0x7D {
                scanner.position += 1
                return
            }
            repeat {
                scanner.skipWhitespace()
                try skipString(&scanner)
                try scanner.expect(0x3A, "':'", path: "")
                try skip(&scanner, depth: depth + 1)
            } while try scanner.another(closing: 0x7D, path: "")
        case 0x5B:
            scanner.position += 1
            scanner.skipWhitespace()
            if scanner.peek == 0x5D {
                scanner.position += 1
                return
            }
            repeat {
                try skip(&scanner, depth: depth + 1)
            } while try scanner.another(closing: 0x5D, path: "")
        case 0x2D, 0x30...0x39: _ = try scanner.readNumber(path: "")
        default: _ = try scanner.readLiteral(path: "")
        }
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
