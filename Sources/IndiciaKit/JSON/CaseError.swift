/// Why one JSON case could not be evaluated; the stream goes on with the next record.
public struct CaseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A stable code that integrators can act on; its spelling is part of the published result schema.
    public enum Code: String, Sendable, CaseIterable {
        /// The record is not JSON (or is empty, or has data after the case object).
        case malformedJSON = "malformed-json"
        /// A value has the wrong JSON type, e.g. `answers` is not an object.
        case wrongType = "wrong-type"
        /// The case has a field other than `id`, `pack` and `answers`.
        case unknownField = "unknown-field"
        /// The case has no `answers`, or names no pack and none was given with `--pack`.
        case missingField = "missing-field"
        /// `id`, `pack` or `answers` appears twice.
        case duplicateField = "duplicate-field"
        /// An answer is keyed by an id the questionnaire does not have.
        case unknownQuestion = "unknown-question"
        /// An answer is not one of the question's choices.
        case unknownChoice = "unknown-choice"
        /// A number is outside the question's range, or not whole where a whole number is asked for.
        case outOfRange = "out-of-range"
        /// `"not_known"` was given to a question that does not allow it.
        case notKnownNotAllowed = "not-known-not-allowed"
        /// A question is answered twice (in a QuestionnaireResponse: its item appears twice, or a
        /// single-answer item has more than one answer).
        case duplicateAnswer = "duplicate-answer"
        /// A QuestionnaireResponse was filled in against another questionnaire, or another version of it.
        case wrongQuestionnaire = "wrong-questionnaire"
        /// A QuestionnaireResponse item is nested in a group (or under an item or answer) it does not belong in.
        case wrongGroup = "wrong-group"
        /// An object has the same key twice (documents other than cases).
        case duplicateKey = "duplicate-key"
        /// More answers than the per-case limit.
        case tooManyAnswers = "too-many-answers"
        /// A text (an id, a text answer) is longer than its limit.
        case tooLong = "too-long"
        /// The record is longer than the line limit; it was not read.
        case lineTooLong = "line-too-long"
        /// Text is not valid UTF-8, or holds an unpaired surrogate escape.
        case invalidUTF8 = "invalid-utf8"
        /// JSON nested more deeply than the limit.
        case tooDeep = "too-deep"
        /// The case names a pack that is not available (or not at the revision asked for).
        case unknownPack = "unknown-pack"
        /// The case names a pack that exists but does not load; `indicia lint` shows why.
        case unusablePack = "unusable-pack"
    }

    /// The stable code.
    public var code: Code
    /// Plain-English message (never containing answer text).
    public var message: String
    /// JSON pointer to the offending value, e.g. `/answers/q07`.
    public var path: String
    /// 1-based byte column in the line, when known.
    public var column: Int?

    /// Creates an error.
    ///
    /// - Parameters:
    ///   - code: Stable code.
    ///   - message: Message.
    ///   - path: JSON pointer.
    ///   - column: Byte column.
    public init(_ code: Code, _ message: String, path: String, column: Int? = nil) {
        self.code = code
        self.message = message
        self.path = path
        self.column = column
    }

    public var description: String { "\(path): \(message) [\(code.rawValue)]" }
}
