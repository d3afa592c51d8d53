/// A loaded, checked and compiled pack: a questionnaire, its rule set and services, ready to evaluate.
///
/// Answers live in numbered slots resolved at load time; evaluation never looks anything up by name.
public struct CompiledPack: Sendable {
    /// One compiled computation: fill `slot` by running `evaluate`.
    struct Step: Sendable {
        var slot: Int
        var evaluate: Evaluator
    }

    /// Which pack this is.
    public let identity: PackIdentity
    /// The questionnaire.
    public let questionnaire: Questionnaire
    /// The rule set.
    public let rules: RuleSet
    /// Services from the directories the rule set uses, by id.
    public let services: [String: Service]
    /// Interned text used by rules and answers.
    public let symbols: SymbolTable

    /// Number of questions; question `i` lives in slot `i`.
    public var questionCount: Int { questionnaire.questions.count }
    let valueSlots: [Int]
    let indicatorSlots: [Int]
    let scoreSlots: [Int]
    let outcomeSlot: Int
    let slotCount: Int

    /// Skip logic per question: the section's condition and the question's own.
    let visibility: [(section: Evaluator?, question: Evaluator?)]
    /// Values, indicators and scores in dependency order.
    let program: [Step]
    /// The compiled expression behind each derived slot (for explanations).
    let expressions: [TypedExpr?]
    let outcomeConditions: [Evaluator?]
    let recommendationConditions: [Evaluator?]
    let outcomeSymbols: [Int32]
    /// Choice symbols of each question (empty for non-choice questions).
    let choiceSymbols: [[Int32]]
    let questionIndex: [String: Int]
    /// The questions each slot, outcome and recommendation depends on (transitively, skip logic included).
    let dependencies: Dependencies

    /// Static dependency information used by `lint`.
    struct Dependencies: Sendable {
        var bySlot: [Int: Set<Int>]
        var outcomes: [Set<Int>]
        var recommendations: [Set<Int>]
        /// Questions referenced by any expression anywhere (including skip logic).
        var referencedQuestions: Set<Int>
    }

    /// The index of a question by id.
    ///
    /// - Parameter id: Question id.
    /// - Returns: Its index, or nil.
    public func questionIndex(of id: String) -> Int? { questionIndex[id] }
}
