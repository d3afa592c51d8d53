extension CompiledPack {
    /// What ``PackCompiler`` produces for a pack, handed to ``CompiledPack/init(_:)`` in one value:
    /// a new part is one field here and one argument where the compiler builds it.
    struct Parts: Sendable {
        var identity: PackIdentity
        var questionnaire: Questionnaire
        var rules: RuleSet
        var services: [String: Service]
        var symbols: SymbolTable
        /// Where everything lives in an evaluation's slots.
        var layout: SlotLayout
        /// Skip logic per question: the section's condition and the question's own.
        var visibility: [(section: Condition?, question: Condition?)]
        /// The derived slots' computations, in dependency order.
        var program: [Step]
        /// The compiled expression behind each derived slot (for explanations).
        var expressions: [TypedExpr?]
        var outcomeConditions: [Condition?]
        var recommendationConditions: [Condition?]
        /// Per recommendation: the expression naming a further service (`services_from`), if any.
        var recommendationServices: [Evaluator?] = []
        var outcomeSymbols: [Int32]
        /// Choice symbols of each question (empty for non-choice questions).
        var choiceSymbols: [[Int32]]
        var questionIndex: [String: Int]
        /// The questions each slot, outcome and recommendation depends on.
        var dependencies: Dependencies
    }
}
