/// A guided session over a pack: which question comes next, progress, going back, changing an
/// earlier answer (re-applying skip logic), and whether an urgent outcome has been reached.
///
/// Pure and deterministic; the CLI drives it and does all input and output.
public struct Interview: Sendable {
    /// The pack being answered.
    public let runtime: PackRuntime
    /// The answers so far.
    public private(set) var answers: AnswerSet
    /// Questions presented and answered or skipped, in order (for "back").
    public private(set) var history: [Int] = []
    private var asked: Set<Int> = []

    /// Starts an empty session.
    ///
    /// - Parameter runtime: The pack.
    public init(runtime: PackRuntime) {
        self.runtime = runtime
        answers = AnswerSet(questionCount: runtime.pack.questionCount)
    }

    /// The pack.
    public var pack: CompiledPack { runtime.pack }

    /// The current answers evaluated.
    public var evaluation: Evaluation { pack.evaluate(answers) }

    /// Whether a question has been presented (answered or skipped).
    ///
    /// - Parameter question: Question index.
    /// - Returns: True if asked.
    public func wasAsked(_ question: Int) -> Bool { asked.contains(question) }

    /// The questions currently shown by skip logic, in order.
    public var visibleQuestions: [Int] {
        let visible = evaluation.visible
        return visible.indices.filter { visible[$0] }
    }

    /// The next question to ask, or nil when the session is complete.
    public var nextQuestion: Int? {
        visibleQuestions.first { !asked.contains($0) }
    }

    /// The position of a question among those shown, and how many are shown now
    /// (the total changes as skip logic reveals or hides questions).
    ///
    /// - Parameter question: Question index.
    /// - Returns: 1-based position and total.
    public func progress(of question: Int) -> (position: Int, total: Int) {
        let visible = visibleQuestions
        return ((visible.firstIndex(of: question) ?? visible.count) + 1, visible.count)
    }

    /// Records an answer and re-applies skip logic.
    ///
    /// - Parameters:
    ///   - value: The answer (`.missing(.notKnown)` for "not known").
    ///   - text: The text of a free-text answer.
    ///   - question: Question index.
    /// - Returns: Questions whose earlier answers were dropped because they are now hidden.
    @discardableResult
    public mutating func record(_ value: Value, text: String? = nil, for question: Int) -> [Int] {
        answers.values[question] = value
        answers.texts[question] = text
        markAsked(question)
        return dropHidden()
    }

    /// Leaves a question unanswered and moves on.
    ///
    /// - Parameter question: Question index.
    /// - Returns: Questions dropped because they are now hidden.
    @discardableResult
    public mutating func skip(_ question: Int) -> [Int] {
        answers.values[question] = .missing(.unanswered)
        answers.texts[question] = nil
        markAsked(question)
        return dropHidden()
    }

    /// Steps back to the last question presented, keeping its answer as the default.
    ///
    /// - Returns: The question to ask again, or nil at the start.
    public mutating func back() -> Int? {
        guard let last = history.popLast() else { return nil }
        asked.remove(last)
        return last
    }

    /// Reopens an earlier question so it is asked next (from the review screen).
    ///
    /// - Parameter question: Question index.
    public mutating func reopen(_ question: Int) {
        asked.remove(question)
        history.removeAll { $0 == question }
    }

    /// The urgent outcome reached by the answers so far, if any (e.g. immediate danger).
    public var urgentOutcome: OutcomeBand? {
        let band = pack.rules.outcomes[evaluation.outcome]
        return band.urgent ? band : nil
    }

    private mutating func markAsked(_ question: Int) {
        asked.insert(question)
        history.removeAll { $0 == question }
        history.append(question)
    }

    /// Clears answers to questions that skip logic now hides, and reports them.
    private mutating func dropHidden() -> [Int] {
        let visible = evaluation.visible
        var dropped: [Int] = []
        for index in visible.indices where !visible[index] {
            if answers.values[index] != .missing(.unanswered) {
                dropped.append(index)
                answers.values[index] = .missing(.unanswered)
                answers.texts[index] = nil
            }
            if asked.remove(index) != nil { history.removeAll { $0 == index } }
        }
        return dropped
    }
}

extension Interview {
    /// The session as a draft that can be saved and resumed.
    public var draft: Draft {
        Draft(
            packID: pack.identity.id, revision: pack.identity.revision, sha256: pack.identity.sha256,
            caseDocument: CaseWriter.document(answers, pack: pack), asked: history.map { pack.questionnaire.questions[$0].id })
    }

    /// Resumes a saved draft.
    ///
    /// - Parameters:
    ///   - draft: The draft.
    ///   - runtime: The pack to resume against.
    ///   - allowChangedPack: Resume even if the pack's files have changed since the draft was saved.
    /// - Throws: ``DraftError`` if the draft is for another pack, the pack changed, or its answers no longer fit.
    public init(resuming draft: Draft, runtime: PackRuntime, allowChangedPack: Bool) throws(DraftError) {
        let identity = runtime.pack.identity
        guard draft.packID == identity.id else { throw .otherPack(draft: draft.packID, pack: identity.id) }
        if draft.sha256 != identity.sha256 && !allowChangedPack {
            throw .packChanged(draftRevision: draft.revision, packRevision: identity.revision)
        }
        self.init(runtime: runtime)
        var decoder = CaseDecoder()
        var evaluation = Evaluation()
        let decoded = draft.caseDocument.withUnsafeBufferPointer {
            decoder.decode($0, packs: SinglePackProvider(runtime), defaultPack: 0, into: &evaluation)
        }
        if case .failure(let failure) = decoded {
            throw .answersDoNotFit(failure.error.message)
        }
        for index in 0..<runtime.pack.questionCount { answers.values[index] = evaluation.slots[index] }
        answers.texts = evaluation.texts
        for id in draft.asked {
            if let index = runtime.pack.questionIndex(of: id) { markAsked(index) }
        }
        _ = dropHidden()
    }
}
