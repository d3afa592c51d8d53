/// Why a value is missing. "Missing" is never the same as "no".
///
/// When two missing values meet, the one that calls for asking wins
/// (`unanswered` > `notKnown` > `notAsked`), so skip logic errs towards asking.
public enum Missing: UInt8, Sendable, Equatable, Hashable, Comparable, Codable {
    /// The question was hidden by skip logic.
    case notAsked = 0
    /// The person answered "not known".
    case notKnown = 1
    /// The question was shown but no answer was given.
    case unanswered = 2

    public static func < (lhs: Missing, rhs: Missing) -> Bool { lhs.rawValue < rhs.rawValue }

    /// The name used in results.
    public var identifier: String {
        switch self {
        case .notAsked: return "not_asked"
        case .notKnown: return "not_known"
        case .unanswered: return "unanswered"
        }
    }
}
