/// The static type of an expression, checked when a pack loads.
public enum ExprType: Sendable, Equatable, Hashable {
    case bool
    case number
    case date
    /// Free text (only usable with `answered`, `not_known`, `asked`).
    case text
    /// A piece of text from a known set (choice ids, outcome ids, table text); nil means any text.
    case symbol(Set<String>?)
    /// The selected choices of multiple-choice question number `question`.
    case choices(question: Int)
    /// A literal list, only valid after `in` (its items are checked when it is compiled).
    case list

    /// A plain-English name for messages.
    public var name: String {
        switch self {
        case .bool: return "a yes/no value"
        case .number: return "a number"
        case .date: return "a date"
        case .text: return "free text"
        case .symbol: return "a choice or text value"
        case .choices: return "a multiple-choice answer"
        case .list: return "a list"
        }
    }
}
