/// A compiled pack plus what the JSON boundary needs to read cases and write results quickly:
/// a key index for question ids and pre-encoded JSON fragments for everything fixed in the pack.
public struct PackRuntime: Sendable {
    /// The pack.
    public let pack: CompiledPack
    let keys: QuestionKeyIndex
    let choiceBytes: [[[UInt8]]]
    let fragments: ResultFragments

    /// Prepares a pack for JSON use.
    ///
    /// - Parameter pack: The compiled pack.
    public init(pack: CompiledPack) {
        self.pack = pack
        keys = QuestionKeyIndex(ids: pack.questionnaire.questions.map(\.id))
        choiceBytes = pack.questionnaire.questions.map { question in question.kind.choices.map { Array($0.id.utf8) } }
        fragments = ResultFragments(pack: pack)
    }
}
