/// Readable views of an evaluation, shared by the JSON writer, the text summary and the guided CLI.
extension Evaluation {
    /// Indices of indicators that are present, in pack order.
    ///
    /// - Parameter pack: The pack evaluated.
    /// - Returns: Indicator indices.
    public func firedIndicators(_ pack: CompiledPack) -> [Int] {
        guard pack.owns(self) else { return [] }
        return pack.indicatorSlots.indices.filter { slots[pack.indicatorSlots[$0]].isTrue }
    }

    /// Indices of indicators that could not be assessed because answers were missing.
    ///
    /// - Parameter pack: The pack evaluated.
    /// - Returns: Indicator indices.
    public func indeterminateIndicators(_ pack: CompiledPack) -> [Int] {
        guard pack.owns(self) else { return [] }
        return pack.indicatorSlots.indices.filter { Self.undecided(slots[pack.indicatorSlots[$0]]) }
    }

    /// Missing for want of an answer; conditions resting only on questions not asked are not applicable.
    @inline(__always)
    static func undecided(_ value: Value) -> Bool {
        if case .missing(let reason) = value { return reason != .notAsked }
        return false
    }

    /// The questions whose answers made an indicator present, in questionnaire order.
    ///
    /// - Parameters:
    ///   - indicator: Indicator index.
    ///   - pack: The pack evaluated.
    /// - Returns: Question indices (none when the evaluation is not of this pack, or the indicator
    ///   index is out of range).
    public func evidence(forIndicator indicator: Int, in pack: CompiledPack) -> [Int] {
        guard pack.owns(self), pack.indicatorSlots.indices.contains(indicator) else { return [] }
        if let fixed = pack.staticEvidence[indicator] { return fixed }
        return dynamicEvidence(forIndicator: indicator, in: pack)
    }

    /// Evidence found by walking the condition with this case's values (used for `or` and counts).
    func dynamicEvidence(forIndicator indicator: Int, in pack: CompiledPack) -> [Int] {
        let slot = pack.indicatorSlots[indicator]
        guard let expression = pack.expressions[slot] else { return [] }
        var questions: [Int] = []
        questions.reserveCapacity(4)
        var budget = 10_000
        slots.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress else { return }
            expression.collectEvidence(base, { pack.expressions[$0] }, into: &questions, budget: &budget)
        }
        questions.sort()
        return questions
    }

    /// The unanswered or "not known" questions that an indicator, outcome or recommendation depends on.
    ///
    /// - Parameter dependencies: Question indices it depends on.
    /// - Returns: Those that are missing (not counting questions that were not asked).
    public func missingQuestions(among dependencies: Set<Int>) -> [Int] {
        dependencies.filter { index in
            if case .missing(let reason) = slots[index] { return reason != .notAsked }
            return false
        }.sorted()
    }

    /// Questions asked but left unanswered.
    public var unanswered: [Int] {
        visible.indices.filter { visible[$0] && slots[$0] == .missing(.unanswered) }
    }

    /// Questions answered "not known".
    public var notKnown: [Int] {
        visible.indices.filter { slots[$0] == .missing(.notKnown) }
    }

    /// An answer as its canonical JSON text form (`yes`, a choice id, a number, a date), or nil if missing.
    ///
    /// - Parameters:
    ///   - question: Question index.
    ///   - pack: The pack.
    /// - Returns: The answer's text.
    public func answerText(_ question: Int, in pack: CompiledPack) -> String? {
        guard pack.owns(self), pack.questionnaire.questions.indices.contains(question) else { return nil }
        return AnswerFormat.text(of: slots[question], question: pack.questionnaire.questions[question], pack: pack)
    }
}

/// How answers are written as text, in one place for results, drafts and the guided CLI.
public enum AnswerFormat {
    /// The canonical text of a value for a question, or nil if missing.
    ///
    /// - Parameters:
    ///   - value: The slot value.
    ///   - question: The question.
    ///   - pack: The pack (for choice symbols).
    /// - Returns: `yes`/`no`, a choice id, ids joined by commas, a number, a date, or `[free text]`.
    public static func text(of value: Value, question: Question, pack: CompiledPack) -> String? {
        switch value {
        case .missing: return nil
        case .bool(let flag): return flag ? "yes" : "no"
        case .number(let x): return x.compactText
        case .symbol(let symbol): return pack.symbols.name(symbol)
        case .choices(let bits): return choiceIDs(bits, of: question).joined(separator: ",")
        case .date(let days): return CalendarDate.iso(fromDays: days)
        case .text: return "[free text]"
        }
    }

    /// The ids of the choices set in a multiple-choice answer, in the questionnaire's order.
    static func choiceIDs(_ bits: UInt64, of question: Question) -> [String] {
        let choices = question.kind.choices
        return choices.indices.filter { bits & (UInt64(1) << UInt64($0)) != 0 }.map { choices[$0].id }
    }

    /// The answer as a person would read it (choice labels instead of ids).
    ///
    /// - Parameters:
    ///   - value: The slot value.
    ///   - question: The question.
    ///   - pack: The pack.
    /// - Returns: Readable text ("not known", "not answered", "Yes", a label, ...).
    public static func label(of value: Value, question: Question, pack: CompiledPack) -> String {
        switch value {
        case .missing(.notKnown): return "not known"
        case .missing(.notAsked): return "not asked"
        case .missing(.unanswered): return "not answered"
        case .bool(let flag): return flag ? "Yes" : "No"
        case .symbol(let symbol):
            let id = pack.symbols.name(symbol)
            return question.kind.choices.first { $0.id == id }?.label ?? id
        case .choices(let bits):
            let choices = question.kind.choices
            let labels = choices.indices.filter { bits & (UInt64(1) << UInt64($0)) != 0 }.map { choices[$0].label }
            return labels.isEmpty ? "none selected" : labels.joined(separator: "; ")
        case .number(let x):
            switch question.kind {
            case .integer(_, _, let unit?), .decimal(_, _, let unit?): return "\(x.compactText) \(unit)"
            default: return x.compactText
            }
        case .date(let days): return CalendarDate.iso(fromDays: days)
        case .text: return "(free text given)"
        }
    }
}
