/// Where everything a case has lives in an evaluation's slots: one `Value` per number, laid out in
/// blocks, computed once from the pack's counts.
///
/// | slots | hold |
/// |---|---|
/// | `0 ..< questionCount` | the answers (question `i` in slot `i`), after skip logic |
/// | `valueBase ..< indicatorBase` | derived values, in rule-file order |
/// | `indicatorBase ..< scoreBase` | whether each indicator is present |
/// | `scoreBase ..< outcomeSlot` | scores |
/// | `outcomeSlot` | the matched outcome band's symbol |
/// | `rawAnswerBase ..< slotCount` | each question's answer as given, kept when skip logic hides it (`ignored_answer`) |
struct SlotLayout: Sendable, Equatable {
    /// Number of questions: slots `0 ..< questionCount`.
    let questionCount: Int
    /// The first derived value's slot.
    let valueBase: Int
    /// The first indicator's slot.
    let indicatorBase: Int
    /// The first score's slot.
    let scoreBase: Int
    /// The outcome's slot.
    let outcomeSlot: Int
    /// Question `i`'s answer as given is at `rawAnswerBase + i`.
    let rawAnswerBase: Int
    /// How many slots an evaluation of this pack has.
    let slotCount: Int

    /// What a slot holds.
    enum Kind: Equatable {
        case question(Int)
        case value(Int)
        case indicator(Int)
        case score(Int)
        case outcome
        case rawAnswer(Int)
    }

    /// The layout for a pack with these counts.
    init(questions: Int, values: Int, indicators: Int, scores: Int) {
        questionCount = questions
        valueBase = questions
        indicatorBase = valueBase + values
        scoreBase = indicatorBase + indicators
        outcomeSlot = scoreBase + scores
        rawAnswerBase = outcomeSlot + 1
        slotCount = rawAnswerBase + questions
    }

    /// What slot `slot` holds, with its index among its kind.
    func kind(of slot: Int) -> Kind {
        if slot < valueBase { return .question(slot) }
        if slot < indicatorBase { return .value(slot - valueBase) }
        if slot < scoreBase { return .indicator(slot - indicatorBase) }
        if slot < outcomeSlot { return .score(slot - scoreBase) }
        if slot == outcomeSlot { return .outcome }
        return .rawAnswer(slot - rawAnswerBase)
    }

    /// Whether a slot holds an answer (rather than something the rules compute).
    func isQuestion(_ slot: Int) -> Bool { slot < valueBase }

    /// Each derived value's slot, in rule-file order.
    var valueSlots: [Int] { Array(valueBase..<indicatorBase) }
    /// Each indicator's slot, in rule-file order.
    var indicatorSlots: [Int] { Array(indicatorBase..<scoreBase) }
    /// Each score's slot, in rule-file order.
    var scoreSlots: [Int] { Array(scoreBase..<outcomeSlot) }
}
