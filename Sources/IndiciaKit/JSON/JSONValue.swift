/// A parsed JSON document, for reading drafts and results (not the hot path: cases use `CaseDecoder`).
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    /// Members in document order (duplicate keys are refused when parsing).
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.number(let a), .number(let b)): return a == b
        case (.string(let a), .string(let b)): return a == b
        case (.array(let a), .array(let b)): return a == b
        case (.object(let a), .object(let b)): return a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }

    /// Parses one JSON document.
    ///
    /// - Parameter bytes: The document.
    /// - Returns: The value.
    /// - Throws: ``CaseError`` with the column of the problem.
    public static func parse(_ bytes: [UInt8]) throws(CaseError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buffer) throws(CaseError) -> JSONValue in
            var scanner = JSONScanner(buffer)
            // A byte order mark is ignored, as in cases (RFC 8259 allows it).
            if buffer.count >= 3, buffer[0] == 0xEF, buffer[1] == 0xBB, buffer[2] == 0xBF { scanner.position = 3 }
            let value = try parseValue(&scanner, depth: 0)
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw scanner.malformed("unexpected data after the document", path: "") }
            return value
        }
    }

    static func parseValue(_ scanner: inout JSONScanner, depth: Int) throws(CaseError) -> JSONValue {
        guard depth < JSONScanner.maxDepth else { throw scanner.fail(.tooDeep, "JSON is nested too deeply", path: "") }
        scanner.skipWhitespace()
        switch scanner.peek {
        case 0x22:
            let token = try scanner.readString(path: "")
            return .string(try scanner.decodeString(token, path: ""))
        case 0x7B:
            scanner.position += 1
            var members: [(String, JSONValue)] = []
            var seen: Set<String> = []
            scanner.skipWhitespace()
            if scanner.peek == 0x7D {
                scanner.position += 1
                return .object([])
            }
            while true {
                scanner.skipWhitespace()
                let token = try scanner.readString(path: "")
                let key = try scanner.decodeString(token, path: "")
                guard seen.insert(key).inserted else { throw scanner.fail(.duplicateKey, "duplicate key in JSON object", path: "") }
                try scanner.expect(0x3A, "':'", path: "")
                members.append((key, try parseValue(&scanner, depth: depth + 1)))
                if try scanner.another(closing: 0x7D, path: "") { continue }
                return .object(members)
            }
        case 0x5B:
            scanner.position += 1
            var items: [JSONValue] = []
            scanner.skipWhitespace()
            if scanner.peek == 0x5D {
                scanner.position += 1
                return .array([])
            }
            while true {
                items.append(try parseValue(&scanner, depth: depth + 1))
                if try scanner.another(closing: 0x5D, path: "") { continue }
                return .array(items)
            }
        case 0x2D, 0x30...0x39:
            guard let number = try scanner.readNumber(path: "") else { throw scanner.fail(.outOfRange, "number too large", path: "") }
            return .number(number)
        default:
            guard let flag = try scanner.readLiteral(path: "") else { return .null }
            return .bool(flag)
        }
    }

    /// The member of an object, if any.
    public subscript(key: String) -> JSONValue? {
        if case .object(let members) = self { return members.first { $0.0 == key }?.1 }
        return nil
    }

    /// The text of a string value.
    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    /// The number of a number value.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The flag of a boolean value.
    public var bool: Bool? {
        if case .bool(let flag) = self { return flag }
        return nil
    }

    /// The items of an array value.
    public var array: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }

    /// The members of an object value.
    public var members: [(String, JSONValue)]? {
        if case .object(let members) = self { return members }
        return nil
    }

    /// Compact JSON text.
    public var serialized: [UInt8] {
        var out: [UInt8] = []
        write(to: &out)
        return out
    }

    /// Indented JSON text (two spaces, keys in the order given), ending with a newline.
    public var pretty: String {
        var out: [UInt8] = []
        writePretty(to: &out, indent: 0)
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    private func writePretty(to out: inout [UInt8], indent: Int) {
        let pad = { (n: Int) in [UInt8](repeating: 0x20, count: n) }
        switch self {
        case .array(let items) where !items.isEmpty:
            out += Array("[\n".utf8)
            for (n, item) in items.enumerated() {
                out += pad(indent + 2)
                item.writePretty(to: &out, indent: indent + 2)
                out += Array((n < items.count - 1 ? ",\n" : "\n").utf8)
            }
            out += pad(indent) + [0x5D]
        case .object(let members) where !members.isEmpty:
            out += Array("{\n".utf8)
            for (n, (key, value)) in members.enumerated() {
                out += pad(indent + 2)
                JSONOutput.string(key, to: &out)
                out += Array(": ".utf8)
                value.writePretty(to: &out, indent: indent + 2)
                out += Array((n < members.count - 1 ? ",\n" : "\n").utf8)
            }
            out += pad(indent) + [0x7D]
        default:
            write(to: &out)
        }
    }

    private func write(to out: inout [UInt8]) {
        switch self {
        case .null: out += Array("null".utf8)
        case .bool(let flag): out += Array((flag ? "true" : "false").utf8)
        case .number(let value): JSONOutput.number(value, to: &out)
        case .string(let text): JSONOutput.string(text, to: &out)
        case .array(let items):
            out.append(0x5B)
            for (n, item) in items.enumerated() {
                if n > 0 { out.append(0x2C) }
                item.write(to: &out)
            }
            out.append(0x5D)
        case .object(let members):
            out.append(0x7B)
            for (n, (key, value)) in members.enumerated() {
                if n > 0 { out.append(0x2C) }
                JSONOutput.string(key, to: &out)
                out.append(0x3A)
                value.write(to: &out)
            }
            out.append(0x7D)
        }
    }
}
