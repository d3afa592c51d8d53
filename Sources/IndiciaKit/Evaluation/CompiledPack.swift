/// A loaded, checked and compiled pack: a questionnaire, its rule set and services, ready to evaluate.
///
/// Answers live in numbered slots resolved at load time; evaluation never looks anything up by name.
public struct CompiledPack: Sendable {

    /// The pack's contents, shared by every copy: copying a pack costs one reference count, not one
    /// per field. What the compiler produced (``Parts``), plus what is derived from it once.
    final class Storage: Sendable {
        let parts: Parts
        let valueSlots: [Int]
        let indicatorSlots: [Int]
        let scoreSlots: [Int]
        let staticEvidence: [[Int]?]
        /// Questions that have skip logic (section or question); the others are always asked.
        let conditionalQuestions: [Int]
        /// The program's steps, boxed, and the same boxes unretained for the evaluation loop.
        let stepBoxes: [StepBox]
        let unretainedSteps: [Unmanaged<StepBox>]
        /// The outcome bands' conditions, the recommendations' conditions and each question's skip
        /// logic (section, then question), boxed like the steps (nil: no condition), and the same
        /// boxes unretained. Read straight out of ``Parts``, every condition called would cost a
        /// retain and a release of its closure, which every thread's copy of the pack shares.
        let conditionBoxes: [StepBox?]
        let unretainedOutcomes: [Unmanaged<StepBox>?]
        let unretainedRecommendations: [Unmanaged<StepBox>?]
        let unretainedVisibility: [(section: Unmanaged<StepBox>?, question: Unmanaged<StepBox>?)]

        init(_ parts: Parts) {
            self.parts = parts
            valueSlots = parts.layout.valueSlots
            indicatorSlots = parts.layout.indicatorSlots
            scoreSlots = parts.layout.scoreSlots
            stepBoxes = parts.program.map { StepBox(slot: $0.slot, evaluate: $0.evaluate) }
            unretainedSteps = stepBoxes.map { Unmanaged.passUnretained($0) }
            // A condition fills no slot (-1); the evaluation loop knows each one by its place.
            func boxes(_ conditions: [Condition?]) -> [StepBox?] {
                conditions.map { condition in condition.map { StepBox(slot: -1, evaluate: $0.evaluate) } }
            }
            let outcomes = boxes(parts.outcomeConditions)
            let recommendations = boxes(parts.recommendationConditions)
            let sections = boxes(parts.visibility.map(\.section))
            let questions = boxes(parts.visibility.map(\.question))
            conditionBoxes = outcomes + recommendations + sections + questions
            func unretained(_ box: StepBox?) -> Unmanaged<StepBox>? { box.map { Unmanaged.passUnretained($0) } }
            unretainedOutcomes = outcomes.map(unretained)
            unretainedRecommendations = recommendations.map(unretained)
            unretainedVisibility = zip(sections, questions).map { (unretained($0), unretained($1)) }
            let visibility = parts.visibility
            conditionalQuestions = visibility.indices.filter { visibility[$0].section != nil || visibility[$0].question != nil }
            let expressions = parts.expressions
            staticEvidence = indicatorSlots.map { slot in
                expressions[slot]?.staticEvidence { expressions.indices.contains($0) ? expressions[$0] : nil }
            }
        }
    }

    let storage: Storage
    /// Every lookup table the pack can read: its rule set's own and the shared ones it imports.
    public internal(set) var tables: [DataTable] = []

    /// A pack from what the compiler produced.
    init(_ parts: Parts) { storage = Storage(parts) }

    /// The same pack in storage of its own (its step boxes and derived tables made again; the
    /// compiled closures are shared). See ``PackRuntime/forThread()``.
    func withOwnStorage() -> CompiledPack {
        var copy = CompiledPack(storage.parts)
        copy.tables = tables
        return copy
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
    ///
    /// Conditions (``Storage/conditionBoxes``) and the operands of an `and`/`or` chain (kept by the
    /// chain's closure) are boxed and called the same way, with `slot` -1: they fill no slot.
    final class StepBox: Sendable {
        let slot: Int
        let evaluate: Evaluator

        init(slot: Int, evaluate: @escaping Evaluator) {
            self.slot = slot
            self.evaluate = evaluate
        }
    }

    /// Which pack this is.
    public var identity: PackIdentity { storage.parts.identity }
    /// The questionnaire.
    public var questionnaire: Questionnaire { storage.parts.questionnaire }
    /// The rule set.
    public var rules: RuleSet { storage.parts.rules }
    /// Services from the directories the rule set uses, by id.
    public var services: [String: Service] { storage.parts.services }
    /// Interned text used by rules and answers.
    public var symbols: SymbolTable { storage.parts.symbols }

    /// Number of questions; question `i` lives in slot `i`.
    public var questionCount: Int { storage.parts.layout.questionCount }
    /// Where everything lives in an evaluation's slots.
    var layout: SlotLayout { storage.parts.layout }
    var valueSlots: [Int] { storage.valueSlots }
    var indicatorSlots: [Int] { storage.indicatorSlots }
    var scoreSlots: [Int] { storage.scoreSlots }
    var outcomeSlot: Int { storage.parts.layout.outcomeSlot }
    var slotCount: Int { storage.parts.layout.slotCount }

    /// Skip logic per question: the section's condition and the question's own.
    var visibility: [(section: Condition?, question: Condition?)] { storage.parts.visibility }
    /// The compiled expression behind each derived slot (for explanations).
    var expressions: [TypedExpr?] { storage.parts.expressions }
    var outcomeConditions: [Condition?] { storage.parts.outcomeConditions }
    var recommendationConditions: [Condition?] { storage.parts.recommendationConditions }
    var recommendationServices: [Evaluator?] { storage.parts.recommendationServices }
    var outcomeSymbols: [Int32] { storage.parts.outcomeSymbols }
    /// Choice symbols of each question (empty for non-choice questions).
    var choiceSymbols: [[Int32]] { storage.parts.choiceSymbols }
    var questionIndex: [String: Int] { storage.parts.questionIndex }
    /// The questions each slot, outcome and recommendation depends on (transitively, skip logic included).
    var dependencies: Dependencies { storage.parts.dependencies }

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
