/// A scalar resolved with the YAML 1.2 core schema.
///
/// Quoted and block scalars are always strings; `yes`, `no`, `on` and `off` stay strings.
public enum YAMLScalar: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
}

extension YAMLNode {
    /// The scalar resolved by the YAML 1.2 core schema (collections resolve to `.null`).
    public var resolved: YAMLScalar {
        guard case .scalar(let text, let style, let tag) = content else { return .null }
        if tag == "tag:yaml.org,2002:str" || style != .plain { return .string(text) }
        return YAMLNode.resolvePlain(text)
    }

    /// Resolves a plain scalar's text by the core schema's explicit grammar.
    static func resolvePlain(_ text: String) -> YAMLScalar {
        // Most plain scalars are words: only these first characters can start a null, boolean or number.
        if let first = text.utf8.first {
            switch first {
            case UInt8(ascii: "~"), UInt8(ascii: "n"), UInt8(ascii: "N"), UInt8(ascii: "t"), UInt8(ascii: "T"), UInt8(ascii: "f"),
                UInt8(ascii: "F"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                break
            default:
                return .string(text)
            }
        }
        switch text {
        case "", "~", "null", "Null", "NULL": return .null
        case "true", "True", "TRUE": return .bool(true)
        case "false", "False", "FALSE": return .bool(false)
        case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF": return .float(.infinity)
        case "-.inf", "-.Inf", "-.INF": return .float(-.infinity)
        case ".nan", ".NaN", ".NAN": return .float(.nan)
        default: break
        }
        let bytes = Array(text.utf8)
        if isDecimalInteger(bytes) {
            // Out-of-range integers are numbers that do not fit: never wrapped, never a trap.
            if let value = Int(text) { return .int(value) }
            return .float(Double(text) ?? .infinity)
        }
        if bytes.count > 2, bytes[0] == UInt8(ascii: "0") {
            if bytes[1] == UInt8(ascii: "o"), let value = Int(text.dropFirst(2), radix: 8) { return .int(value) }
            if bytes[1] == UInt8(ascii: "x"), let value = Int(text.dropFirst(2), radix: 16) { return .int(value) }
        }
        if isCoreFloat(bytes), let value = Double(text) { return .float(value) }
        return .string(text)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    /// `[-+]?[0-9]+`
    private static func isDecimalInteger(_ bytes: [UInt8]) -> Bool {
        var index = 0
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        guard index < bytes.count else { return false }
        return bytes[index...].allSatisfy(isDigit)
    }

    /// `[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?`
    private static func isCoreFloat(_ bytes: [UInt8]) -> Bool {
        var index = 0
        let count = bytes.count
        if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var mantissaDigits = 0
        while index < count, isDigit(bytes[index]) {
            index += 1
            mantissaDigits += 1
        }
        if index < count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            while index < count, isDigit(bytes[index]) {
                index += 1
                mantissaDigits += 1
            }
        }
        guard mantissaDigits > 0 else { return false }
        if index < count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < count, bytes[index] == UInt8(ascii: "-") || bytes[index] == UInt8(ascii: "+") { index += 1 }
            var exponentDigits = 0
            while index < count, isDigit(bytes[index]) {
                index += 1
                exponentDigits += 1
            }
            guard exponentDigits > 0 else { return false }
        }
        return index == count
    }
}
