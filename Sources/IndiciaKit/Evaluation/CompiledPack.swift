/// A loaded, checked and compiled pack: a questionnaire, its rule set and services, ready to evaluate.
///
/// Answers live in numbered slots resolved at load time; evaluation never looks anything up by name.
public struct CompiledPack: Sendable {

    /// The pack's contents, shared by every copy: copying a pack costs one reference count, not one per field.
    final class Storage: Sendable {
        let identity: PackIdentity
        let questionnaire: Questionnaire
        let rules: RuleSet
        let services: [String: Service]
        let symbols: SymbolTable
        let valueSlots: [Int]
        let indicatorSlots: [Int]
        let scoreSlots: [Int]
        let outcomeSlot: Int
        let slotCount: Int
        let visibility: [(section: Evaluator?, question: Evaluator?)]
        let expressions: [TypedExpr?]
        let outcomeConditions: [Evaluator?]
        let recommendationConditions: [Evaluator?]
        /// Per recommendation: the expression naming a further service (`services_from`), if any.
        let recommendationServices: [Evaluator?]
        let outcomeSymbols: [Int32]
        let choiceSymbols: [[Int32]]
        let questionIndex: [String: Int]
        let dependencies: Dependencies
        let questionCount: Int
        let staticEvidence: [[Int]?]
        /// Questions that have skip logic (section or question); the others are always asked.
        let conditionalQuestions: [Int]
        /// The program's steps, boxed, and the same boxes unretained for the evaluation loop.
        let stepBoxes: [StepBox]
        let unretainedSteps: [Unmanaged<StepBox>]

        init(
            identity: PackIdentity, questionnaire: Questionnaire, rules: RuleSet, services: [String: Service], symbols: SymbolTable,
            valueSlots: [Int], indicatorSlots: [Int], scoreSlots: [Int], outcomeSlot: Int, slotCount: Int,
            visibility: [(section: Evaluator?, question: Evaluator?)], program: [Step], expressions: [TypedExpr?], outcomeConditions: [Evaluator?],
            recommendationConditions: [Evaluator?], recommendationServices: [Evaluator?], outcomeSymbols: [Int32], choiceSymbols: [[Int32]],
            questionIndex: [String: Int], dependencies: Dependencies
        ) {
            self.identity = identity
            self.questionnaire = questionnaire
            self.rules = rules
            self.services = services
            self.symbols = symbols
            self.valueSlots = valueSlots
            self.indicatorSlots = indicatorSlots
            self.scoreSlots = scoreSlots
            self.outcomeSlot = outcomeSlot
            self.slotCount = slotCount
            self.visibility = visibility
            self.expressions = expressions
            self.outcomeConditions = outcomeConditions
            self.recommendationConditions = recommendationConditions
            self.recommendationServices = recommendationServices
            self.outcomeSymbols = outcomeSymbols
            self.choiceSymbols = choiceSymbols
            self.questionIndex = questionIndex
            self.dependencies = dependencies
            questionCount = questionnaire.questions.count
            stepBoxes = program.map { StepBox(slot: $0.slot, evaluate: $0.evaluate) }
            unretainedSteps = stepBoxes.map { Unmanaged.passUnretained($0) }
            conditionalQuestions = visibility.indices.filter { visibility[$0].section != nil || visibility[$0].question != nil }
            staticEvidence = indicatorSlots.map { slot in
                expressions[slot]?.staticEvidence { expressions.indices.contains($0) ? expressions[$0] : nil }
            }
        }
    }

    let storage: Storage
    /// Every lookup table the pack can read: its rule set's own and the shared ones it imports.
    public internal(set) var tables: [DataTable] = []

    init(
        identity: PackIdentity, questionnaire: Questionnaire, rules: RuleSet, services: [String: Service], symbols: SymbolTable, valueSlots: [Int],
        indicatorSlots: [Int], scoreSlots: [Int], outcomeSlot: Int, slotCount: Int, visibility: [(section: Evaluator?, question: Evaluator?)],
        program: [Step], expressions: [TypedExpr?], outcomeConditions: [Evaluator?], recommendationConditions: [Evaluator?],
        recommendationServices: [Evaluator?] = [], outcomeSymbols: [Int32], choiceSymbols: [[Int32]], questionIndex: [String: Int],
        dependencies: Dependencies
    ) {
        storage = Storage(
            identity: identity, questionnaire: questionnaire, rules: rules, services: services, symbols: symbols, valueSlots: valueSlots,
            indicatorSlots: indicatorSlots, scoreSlots: scoreSlots, outcomeSlot: outcomeSlot, slotCount: slotCount, visibility: visibility,
            program: program, expressions: expressions, outcomeConditions: outcomeConditions, recommendationConditions: recommendationConditions,
            recommendationServices: recommendationServices, outcomeSymbols: outcomeSymbols, choiceSymbols: choiceSymbols,
            questionIndex: questionIndex, dependencies: dependencies)
    }

    /// One compiled computation: fill `slot` by running `evaluate`.
    struct Step: Sendable {
        var slot: Int
        var evaluate: Evaluator
    }

    /// A step in a box of its own. The evaluation loop calls it through an unretained reference
    /// (``Storage/unretainedSteps``; ``Storage/stepBoxes`` keeps every box alive), and a closure
    /// read from a constant property of an object already known to be alive is called without
    /// reference counting. Read straight out of an array, each call would cost a retain and a release.
    final class StepBox: Sendable {
        let slot: Int
        let evaluate: Evaluator

        init(slot: Int, evaluate: @escaping Evaluator) {
            self.slot = slot
            self.evaluate = evaluate
        }
    }

    /// Which pack this is.
    public var identity: PackIdentity { storage.identity }
    /// The questionnaire.
    public var questionnaire: Questionnaire { storage.questionnaire }
    /// The rule set.
    public var rules: RuleSet { storage.rules }
    /// Services from the directories the rule set uses, by id.
    public var services: [String: Service] { storage.services }
    /// Interned text used by rules and answers.
    public var symbols: SymbolTable { storage.symbols }

    /// Number of questions; question `i` lives in slot `i`.
    public var questionCount: Int { storage.questionCount }
    var valueSlots: [Int] { storage.valueSlots }
    var indicatorSlots: [Int] { storage.indicatorSlots }
    var scoreSlots: [Int] { storage.scoreSlots }
    var outcomeSlot: Int { storage.outcomeSlot }
    var slotCount: Int { storage.slotCount }

    /// Skip logic per question: the section's condition and the question's own.
    var visibility: [(section: Evaluator?, question: Evaluator?)] { storage.visibility }
    /// The compiled expression behind each derived slot (for explanations).
    var expressions: [TypedExpr?] { storage.expressions }
    var outcomeConditions: [Evaluator?] { storage.outcomeConditions }
    var recommendationConditions: [Evaluator?] { storage.recommendationConditions }
    var recommendationServices: [Evaluator?] { storage.recommendationServices }
    var outcomeSymbols: [Int32] { storage.outcomeSymbols }
    /// Choice symbols of each question (empty for non-choice questions).
    var choiceSymbols: [[Int32]] { storage.choiceSymbols }
    var questionIndex: [String: Int] { storage.questionIndex }
    /// The questions each slot, outcome and recommendation depends on (transitively, skip logic included).
    var dependencies: Dependencies { storage.dependencies }

    /// Static dependency information used by `lint`.
    struct Dependencies: Sendable {
        var bySlot: [Int: Set<Int>]
        var outcomes: [Set<Int>]
        var recommendations: [Set<Int>]
        /// Questions referenced by any expression anywhere (including skip logic).
        var referencedQuestions: Set<Int>
    }

    /// Per indicator, the evidence questions when they do not depend on the answers (see `TypedExpr.staticEvidence`).
    var staticEvidence: [[Int]?] { storage.staticEvidence }

    /// The index of a question by id.
    ///
    /// - Parameter id: Question id.
    /// - Returns: Its index, or nil.
    public func questionIndex(of id: String) -> Int? { questionIndex[id] }

    /// The service a recommendation's `services_from` names for these answers, if any.
    func chosenService(ofRecommendation index: Int, _ slots: UnsafePointer<Value>) -> Service? {
        guard index < recommendationServices.count, let lookup = recommendationServices[index],
            case .symbol(let symbol) = lookup(slots)
        else { return nil }
        return services[symbols.name(symbol)]
    }

    /// The services that go with a recommendation in this evaluation: its fixed `services`, then
    /// the one its `services_from` names (for example that council's front door), if any.
    ///
    /// - Parameters:
    ///   - index: The recommendation's index in the rule set.
    ///   - evaluation: The evaluated case.
    /// - Returns: The services, in order.
    public func services(ofRecommendation index: Int, in evaluation: Evaluation) -> [Service] {
        var out = rules.recommendations[index].services.compactMap { services[$0] }
        let chosen = evaluation.slots.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.flatMap { chosenService(ofRecommendation: index, $0) }
        }
        if let chosen, !out.contains(where: { $0.id == chosen.id }) { out.append(chosen) }
        return out
    }
}
