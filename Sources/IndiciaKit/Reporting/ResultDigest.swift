/// The few parts of a result line the network report reads, found without building the whole
/// document: whether it is a result, its pack and outcome, and where its `values` and `indicators`
/// are. Everything else is checked for well-formedness and skipped.
struct ResultDigest {
    /// `ok`, or nil when the document has no boolean `ok` (so it is not a result).
    var ok: Bool?
    var packID: String?
    var outcomeID: String?
    /// Byte range of the `values` object.
    var values: Range<Int>?
    /// Byte range of the `indicators` array.
    var indicators: Range<Int>?

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
            try scanner.skipValue(path: "")
        } else {
            scanner.position += 1
            scanner.skipWhitespace()
            if scanner.peek == 0x7D {
                scanner.position += 1
            } else {
                repeat {
                    scanner.skipWhitespace()
                    let key = try scanner.readString(path: "")
                    try scanner.expect(0x3A, "':'", path: "")
                    scanner.skipWhitespace()
                    let name = key.hasEscapes ? Array(try scanner.decodeBytes(key, path: "")) : Array(scanner.slice(key))
                    let start = scanner.position
                    switch name {
                    case Array("ok".utf8):
                        if scanner.peek == 0x74 || scanner.peek == 0x66 {
                            digest.ok = try scanner.readLiteral(path: "")
                        } else {
                            try scanner.skipValue(path: "")
                        }
                    case Array("pack".utf8):
                        digest.packID = try member("id", of: &scanner)
                    case Array("outcome".utf8):
                        digest.outcomeID = try member("id", of: &scanner)
                    case Array("values".utf8):
                        try scanner.skipValue(path: "")
                        if bytes[start] == 0x7B { digest.values = start..<scanner.position }
                    case Array("indicators".utf8):
                        try scanner.skipValue(path: "")
                        if bytes[start] == 0x5B { digest.indicators = start..<scanner.position }
                    default:
                        try scanner.skipValue(path: "")
                    }
                } while try scanner.another(closing: 0x7D, path: "")
            }
        }
        scanner.skipWhitespace()
        guard scanner.atEnd else { throw scanner.malformed("more text after the document", path: "") }
        return digest
    }

    /// The text of member `key` of the object at the scanner (skipped whole), or nil.
    private static func member(_ key: StaticString, of scanner: inout JSONScanner) throws(CaseError) -> String? {
        guard scanner.peek == 0x7B else {
            try scanner.skipValue(path: "")
            return nil
        }
        var found: String?
        try forEachMember(&scanner) { (name, scanner) throws(CaseError) in
            if found == nil, name.elementsEqual(UnsafeBufferPointer(start: key.utf8Start, count: key.utf8CodeUnitCount)), scanner.peek == 0x22 {
                let token = try scanner.readString(path: "")
                found = try scanner.decodeString(token, path: "")
            } else {
                try scanner.skipValue(path: "")
            }
        }
        return found
    }

    /// Calls `body` with each member's key (escapes resolved) and the scanner at its value; `body`
    /// must consume the value.
    static func forEachMember(
        _ scanner: inout JSONScanner, _ body: ([UInt8], inout JSONScanner) throws(CaseError) -> Void
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
            let name = key.hasEscapes ? try scanner.decodeBytes(key, path: "") : Array(scanner.slice(key))
            try body(name, &scanner)
        } while try scanner.another(closing: 0x7D, path: "")
    }
}
