/// One question of a questionnaire.
public struct Question: Sendable, Equatable, Hashable {
    /// Stable id used in answers and rules.
    public var id: String
    /// The question as shown.
    public var text: String
    /// Optional guidance shown on request.
    public var help: String?
    /// The answer type.
    public var kind: QuestionKind
    /// Whether the guided CLI insists on an answer (or "not known", where allowed).
    public var required: Bool
    /// Whether "not known" is an accepted answer.
    public var allowsNotKnown: Bool
    /// Skip logic: the question is asked only when this holds.
    public var showIf: ExpressionSource?
    /// The id of the section it belongs to.
    public var section: String
    /// A date question whose answer the guided CLI proposes as today's date (`suggest: today`);
    /// the worker can accept it with Enter or type another. The engine never reads the clock.
    public var suggestsToday: Bool = false
    /// Where it is defined.
    public var mark: SourceMark
}
