/// A compiled pack plus what the JSON boundary needs to read cases and write results quickly:
/// a key index for question ids, plain-data answer checks, and pre-encoded JSON fragments.
///
/// A reference type on purpose: it is immutable and shared by every case in a stream, and
/// handing it around must not copy the pack.
public final class PackRuntime: Sendable {
    /// The pack.
    public let pack: CompiledPack
    let keys: QuestionKeyIndex
    let specs: [AnswerSpec]
    let choiceBytes: [[[UInt8]]]
    let fragments: ResultFragments
    let literals: LiteralTokens
    let fhir: FHIRResponseTables

    /// Prepares a pack for JSON use.
    ///
    /// - Parameter pack: The compiled pack.
    public init(pack: CompiledPack) {
        self.pack = pack
        keys = QuestionKeyIndex(ids: pack.questionnaire.questions.map(\.id))
        specs = pack.questionnaire.questions.map(AnswerSpec.init)
        choiceBytes = pack.questionnaire.questions.map { question in question.kind.choices.map { Array($0.id.utf8) } }
        fragments = ResultFragments(pack: pack)
        literals = LiteralTokens(pack: pack)
        fhir = FHIRResponseTables(questionnaire: pack.questionnaire)
    }

    /// The same runtime for one thread's use: equal in every respect, but every object evaluation
    /// retains and releases (this runtime, the pack's storage, the tables here) is its own. Shared
    /// by two threads, those reference counts are atomic writes to the same cache lines from two
    /// cores, and cost more than the rest of the case.
    public func forThread() -> PackRuntime { PackRuntime(pack: pack.withOwnStorage()) }

    // The pack used in place, for the per-case calls: `runtime.pack.evaluate(…)` copies the pack
    // out of the runtime first, a retain and a release of each of its references every case.

    /// ``CompiledPack/prepare(_:)`` of the pack.
    @inline(never)
    func prepare(_ evaluation: inout Evaluation) { pack.prepare(&evaluation) }

    /// ``CompiledPack/evaluate(_:)`` of the pack.
    @inline(never)
    func evaluate(_ evaluation: inout Evaluation) { pack.evaluate(&evaluation) }

    /// ``CompiledPack/owns(_:)`` of the pack.
    @inline(never)
    func owns(_ evaluation: Evaluation) -> Bool { pack.owns(evaluation) }
}
