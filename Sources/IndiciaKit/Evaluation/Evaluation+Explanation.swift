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
