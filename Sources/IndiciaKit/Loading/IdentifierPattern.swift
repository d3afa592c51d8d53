/// Which characters an id may use.
enum IdentifierPattern {
    /// Question, indicator, value and other ids used inside expressions: `[a-z][a-z0-9_]*`.
    case name
    /// File ids: `[a-z][a-z0-9_-]*`.
    case fileID
    /// Choice ids: `[a-z0-9][a-z0-9_]*`.
    case choice

    func matches(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard let first = bytes.first, bytes.count <= 64 else { return false }
        let lower = { (b: UInt8) in b >= 97 && b <= 122 }
        let digit = { (b: UInt8) in b >= 48 && b <= 57 }
        switch self {
        case .name: guard lower(first) else { return false }
        case .fileID: guard lower(first) else { return false }
        case .choice: guard lower(first) || digit(first) else { return false }
        }
        return bytes.allSatisfy { lower($0) || digit($0) || $0 == 95 || (self == .fileID && $0 == 45) }
    }

    var explanation: String {
        switch self {
        case .name: return "use lower-case letters, digits and _, starting with a letter (at most 64)"
        case .fileID: return "use lower-case letters, digits, _ and -, starting with a letter (at most 64)"
        case .choice: return "use lower-case letters, digits and _ (at most 64)"
        }
    }
}
