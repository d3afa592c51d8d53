/// The evaluated state of one case: every slot, which questions were asked, the outcome and next steps.
///
/// It can be reused across cases (see ``CompiledPack/evaluate(_:into:)``) so streams allocate nothing per case.
public struct Evaluation: Sendable {
    /// Every slot: answers (after skip logic), derived values, indicators, scores, outcome.
    public internal(set) var slots: [Value] = []
    /// Whether each question was asked (not hidden by skip logic).
    public internal(set) var visible: [Bool] = []
    /// Questions whose answers were given but ignored because skip logic hid them.
    public internal(set) var ignored: [Int] = []
    /// Index of the outcome band that matched.
    public internal(set) var outcome: Int = 0
    /// Bands before the match whose condition could not be decided for missing answers.
    public internal(set) var undetermined: [Int] = []
    /// Indices of the recommendations that apply.
    public internal(set) var recommendations: [Int] = []
    /// Free-text answers by question index.
    public internal(set) var texts: [Int: String] = [:]
    /// The pack this evaluation was prepared for (``CompiledPack/prepare(_:)``): the entry points
    /// that index ``slots`` with a pack's slot numbers check it, so an evaluation prepared for
    /// another pack (or not at all) can never be read or written out of bounds.
    var preparedFor: ObjectIdentifier?
    /// The worker's professional judgement, if recorded (see ``Judgement``). It never changes the
    /// computed outcome; results show both.
    public var judgement: Judgement?

    /// An empty evaluation to fill.
    public init() {}
}

extension CompiledPack {
    /// Evaluates one case. Deterministic and free of I/O.
    ///
    /// - Parameter answers: The case's answers.
    /// - Returns: The evaluation.
    public func evaluate(_ answers: AnswerSet) -> Evaluation {
        var evaluation = Evaluation()
        prepare(&evaluation)
        for index in 0..<min(answers.values.count, questionCount) { evaluation.slots[index] = answers.values[index] }
        evaluation.texts = answers.texts
        evaluate(&evaluation)
        return evaluation
    }

    /// Resets a reusable evaluation so answers can be written into `slots[0..<questionCount]`.
    ///
    /// - Parameter evaluation: The evaluation to reset.
    public func prepare(_ evaluation: inout Evaluation) {
        let questionCount = storage.parts.layout.questionCount
        let slotCount = storage.parts.layout.slotCount
        if evaluation.slots.count != slotCount || evaluation.visible.count != questionCount {
            evaluation.slots = Array(repeating: .missing(.unanswered), count: slotCount)
            evaluation.visible = Array(repeating: true, count: questionCount)
        } else {
            for index in 0..<questionCount { evaluation.slots[index] = .missing(.unanswered) }
        }
        evaluation.texts.removeAll(keepingCapacity: true)
        evaluation.judgement = nil
        evaluation.preparedFor = ObjectIdentifier(storage)
    }

    /// Whether an evaluation was prepared for this pack, so its slots fit the pack's slot numbers.
    ///
    /// - Parameter evaluation: The evaluation.
    /// - Returns: True if ``prepare(_:)`` of this pack (or of a copy of it) made it ready.
    public func owns(_ evaluation: Evaluation) -> Bool {
        evaluation.preparedFor == ObjectIdentifier(storage) && evaluation.slots.count == storage.parts.layout.slotCount
    }

    /// Evaluates answers already written into `evaluation.slots`.
    ///
    /// - Parameter evaluation: Prepared with ``prepare(_:)`` of this pack and filled with answers.
    ///   Anything else is a programming error and stops the program (compiled rules read slots
    ///   without bounds checks, so they are never run over slots of the wrong size).
    public func evaluate(_ evaluation: inout Evaluation) {
        precondition(owns(evaluation), "CompiledPack.evaluate(_:) needs an Evaluation prepared for this pack with prepare(_:)")
        let storage = self.storage
        evaluation.ignored.removeAll(keepingCapacity: true)
        evaluation.undetermined.removeAll(keepingCapacity: true)
        evaluation.recommendations.removeAll(keepingCapacity: true)
        evaluation.slots.withUnsafeMutableBufferPointer { buffer in
            guard let slots = buffer.baseAddress else { return }
            let readable = UnsafePointer(slots)
            // Skip logic in question order: a hidden question's answer is ignored and reported.
            // Answers as given live after the outcome slot, for ignored_answer().
            let rawBase = storage.parts.layout.rawAnswerBase
            let visibility = storage.unretainedVisibility
            for index in storage.conditionalQuestions {
                let rule = visibility[index]
                let shown = Self.shows(rule.section, readable) && Self.shows(rule.question, readable)
                evaluation.visible[index] = shown
                if !shown {
                    slots[rawBase + index] = slots[index]
                    if slots[index] != .missing(.unanswered) {
                        evaluation.ignored.append(index)
                        evaluation.texts[index] = nil
                    }
                    slots[index] = .missing(.notAsked)
                }
            }
            storage.unretainedSteps.withUnsafeBufferPointer { steps in
                for step in steps {
                    step._withUnsafeGuaranteedRef { slots[$0.slot] = $0.evaluate(readable) }
                }
            }
            var matched = storage.unretainedOutcomes.count - 1
            storage.unretainedOutcomes.withUnsafeBufferPointer { outcomes in
                for index in outcomes.indices {
                    guard let condition = outcomes[index] else {
                        matched = index
                        break
                    }
                    let result = condition._withUnsafeGuaranteedRef { $0.evaluate(readable) }
                    if result.isTrue {
                        matched = index
                        break
                    }
                    // Undecided for want of an answer (not merely because its questions were not asked).
                    if case .missing(let reason) = result, reason != .notAsked { evaluation.undetermined.append(index) }
                }
            }
            evaluation.outcome = matched
            slots[storage.parts.layout.outcomeSlot] = .symbol(storage.parts.outcomeSymbols[matched])
            storage.unretainedRecommendations.withUnsafeBufferPointer { recommendations in
                for index in recommendations.indices
                where recommendations[index]?._withUnsafeGuaranteedRef({ $0.evaluate(readable) }).isTrue ?? true {
                    evaluation.recommendations.append(index)
                }
            }
        }
    }

    /// Skip logic shows a question when its condition holds, or cannot be decided because an answer
    /// is not known or not given (better to ask than to miss); it hides it when false or when the
    /// condition rests on questions that were themselves not asked.
    @inline(__always)
    static func shows(_ condition: Unmanaged<StepBox>?, _ slots: UnsafePointer<Value>) -> Bool {
        guard let condition else { return true }
        switch condition._withUnsafeGuaranteedRef({ $0.evaluate(slots) }) {
        case .bool(let flag): return flag
        case .missing(let reason): return reason != .notAsked
        default: return true
        }
    }
}
