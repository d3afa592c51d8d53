/// The answers of one case, one slot per question, already checked against the questionnaire.
public struct AnswerSet: Sendable, Equatable {
    /// Per question: the answer, `.missing(.notKnown)` for "not known", `.missing(.unanswered)` if none.
    public var values: [Value]
    /// Free-text answers by question index (kept out of scoring).
    public var texts: [Int: String]

    /// An empty set of answers for a questionnaire.
    ///
    /// - Parameter questionCount: The number of questions.
    public init(questionCount: Int) {
        values = Array(repeating: .missing(.unanswered), count: questionCount)
        texts = [:]
    }
}
