/// Small helpers that append JSON text to a byte buffer.
public enum JSONOutput {
    private static let hex = Array("0123456789abcdef".utf8)

    /// Appends a JSON string literal.
    static func string(_ text: String, to out: inout [UInt8]) {
        out.append(0x22)
        for byte in text.utf8 {
            switch byte {
            case 0x22: out.append(contentsOf: [0x5C, 0x22])
            case 0x5C: out.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: out.append(contentsOf: [0x5C, 0x6E])
            case 0x0D: out.append(contentsOf: [0x5C, 0x72])
            case 0x09: out.append(contentsOf: [0x5C, 0x74])
            case 0..<0x20, 0x7F:
                out.append(contentsOf: [0x5C, 0x75, 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: out.append(byte)
            }
        }
        out.append(0x22)
    }

    /// Appends a JSON string literal to a byte buffer.
    static func string(_ text: String, to out: inout ByteBuffer) {
        var bytes: [UInt8] = []
        string(text, to: &bytes)
        out.append(bytes)
    }

    /// Appends an integer to a byte buffer.
    @inline(__always) static func integer(_ value: Int, to out: inout ByteBuffer) {
        out.append(integer: value)
    }

    /// Appends a number to a byte buffer.
    static func number(_ value: Double, to out: inout ByteBuffer) {
        if value == value.rounded(), abs(value) < 9.0e15 {
            integer(Int(value), to: &out)
        } else {
            var bytes: [UInt8] = []
            number(value, to: &bytes)
            out.append(bytes)
        }
    }

    /// The bytes of a JSON string literal.
    ///
    /// - Parameter text: The text.
    /// - Returns: The quoted, escaped JSON string.
    public static func string(_ text: String) -> [UInt8] {
        var out: [UInt8] = []
        string(text, to: &out)
        return out
    }

    /// Appends an integer (used when pre-encoding fragments; the hot path uses `ByteBuffer`).
    static func integer(_ value: Int, to out: inout [UInt8]) {
        out += Array(String(value).utf8)
    }

    /// Appends a finite number: whole numbers without a fraction, others in shortest round-trip form.
    static func number(_ value: Double, to out: inout [UInt8]) {
        if value == value.rounded(), abs(value) < 9.0e15 {
            integer(Int(value), to: &out)
        } else if value.isFinite {
            out.append(contentsOf: Array(value.description.utf8))
        } else {
            out += Array("null".utf8)
        }
    }
}
