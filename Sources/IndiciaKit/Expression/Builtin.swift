/// The closed set of functions the expression language offers. There is no way to add user code.
public enum Builtin: String, Sendable, CaseIterable {
    case answered
    case notKnown = "not_known"
    case asked
    case ignoredAnswer = "ignored_answer"
    case coalesce
    case any, all
    case min, max, round, clamp, abs
    case count
    case countPossible = "count_possible"
    case atLeast = "at_least"
    case weightSum = "weight_sum"
    case countSelected = "count_selected"
    case lookup
    case `if`

    /// The name written in packs.
    public var identifier: String { rawValue }

    /// Every function name, for messages and docs.
    public static let identifiers = allCases.map(\.identifier)

    /// One-line usage for error messages.
    var usage: String {
        switch self {
        case .answered: return "answered(question)"
        case .notKnown: return "not_known(question)"
        case .asked: return "asked(question)"
        case .ignoredAnswer: return "ignored_answer(question)"
        case .coalesce: return "coalesce(value, fallback)"
        case .any: return "any(condition, condition, ...)"
        case .all: return "all(condition, condition, ...)"
        case .min: return "min(number, number, ...)"
        case .max: return "max(number, number, ...)"
        case .round: return "round(number) or round(number, digits)"
        case .clamp: return "clamp(number, low, high)"
        case .abs: return "abs(number)"
        case .count: return "count(category='id', strength='id', tag='id') (all optional)"
        case .countPossible: return "count_possible(category='id', strength='id', tag='id')"
        case .atLeast: return "at_least(n, category='id', strength='id', tag='id')"
        case .weightSum: return "weight_sum(category='id', strength='id', tag='id')"
        case .countSelected: return "count_selected(question)"
        case .lookup: return "lookup(table, key) or lookup(table, key, 'column')"
        case .if: return "if(condition, value, condition, value, ..., otherwise)"
        }
    }
}
