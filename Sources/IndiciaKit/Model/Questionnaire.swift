/// A questionnaire file: what is asked, in what order, and when.
public struct Questionnaire: Sendable, Equatable {
    /// Stable id that rule sets refer to.
    public var id: String
    /// The questionnaire's content revision, from its `revision:` key (free text, e.g. `2026.1`); not the file format `version:`.
    public var revision: String
    /// Title shown at the start.
    public var title: String
    /// Text shown before the first question.
    public var intro: String?
    /// The line shown first, before anything else, in every guided session (e.g. what to do in
    /// an emergency); nil shows nothing.
    public var emergency: String?
    /// The guided command that runs this questionnaire when no `--pack` is named (`guided_command:`);
    /// nil when the questionnaire declares none (it then runs only with `--pack`).
    public var guidedCommand: GuidedCommand?
    /// Sections in order.
    public var sections: [Section]
    /// Every question in order, across sections.
    public var questions: [Question]
    /// Where the file starts.
    public var mark: SourceMark

    /// The index of a question by id.
    ///
    /// - Parameter id: The question id.
    /// - Returns: Its index in ``questions``, or nil.
    public func index(of id: String) -> Int? {
        questions.firstIndex { $0.id == id }
    }
}
