/// The type of answer a question takes, with its constraints.
public enum QuestionKind: Sendable, Equatable, Hashable {
    /// Yes or no.
    case yesNo
    /// Exactly one of the choices.
    case singleChoice([Choice])
    /// Any number of the choices (at most 64 choices).
    case multipleChoice([Choice])
    /// A whole number within an optional range.
    case integer(min: Double?, max: Double?, unit: String?)
    /// A decimal number within an optional range.
    case decimal(min: Double?, max: Double?, unit: String?)
    /// Free text up to a length (never used in scoring beyond "is answered").
    case text(maxLength: Int)
    /// A calendar date, `YYYY-MM-DD`.
    case date

    /// The name used in pack files.
    public var identifier: String {
        switch self {
        case .yesNo: return "yes_no"
        case .singleChoice: return "single_choice"
        case .multipleChoice: return "multiple_choice"
        case .integer: return "integer"
        case .decimal: return "decimal"
        case .text: return "text"
        case .date: return "date"
        }
    }

    /// Every type name accepted in pack files.
    public static let identifiers = ["yes_no", "single_choice", "multiple_choice", "integer", "decimal", "text", "date"]

    /// The choices of a choice question (empty otherwise).
    public var choices: [Choice] {
        switch self {
        case .singleChoice(let choices), .multipleChoice(let choices): return choices
        default: return []
        }
    }
}
