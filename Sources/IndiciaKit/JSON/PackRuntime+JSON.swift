extension PackRuntime {
    /// Evaluates JSON cases with this pack: one document, or several records framed exactly as
    /// `indicia evaluate` frames its input (``CaseStream``).
    ///
    /// The same framing, decoder, evaluation and writer as `indicia evaluate`, so the same input
    /// gives the same bytes (error positions included).
    ///
    /// - Parameters:
    ///   - json: The input's bytes.
    ///   - profile: How much of each result to write.
    /// - Returns: Whether every record was evaluated, and the result lines (one per record, joined
    ///   by newlines, with no final newline; one result for a single document).
    public func evaluateJSON(_ json: [UInt8], profile: ResultProfile = .full) -> (ok: Bool, bytes: [UInt8]) {
        let provider = SinglePackProvider(self)
        var stream = CaseStream(complete: json)
        var decoder = CaseDecoder()
        var evaluation = Evaluation()
        var out = ByteBuffer(capacity: 4096)
        var ok = true
        var records = 0
        while let record = stream.next() {
            records += 1
            let evaluated = stream.buffer.withUnsafeBufferPointer { input in
                decoder.evaluate(
                    record, in: input, file: nil, packs: provider, defaultPack: 0, profile: profile, evaluation: &evaluation, to: &out)
            }
            if !evaluated { ok = false }
        }
        if records == 0 {
            // Nothing but blank lines: still one answer, as for any record that is not a case.
            let empty = CaseStream.Record(range: 0..<0, line: 1, failure: nil)
            ok = [UInt8]().withUnsafeBufferPointer { input in
                decoder.evaluate(
                    empty, in: input, file: nil, packs: provider, defaultPack: 0, profile: profile, evaluation: &evaluation, to: &out)
            }
        }
        var bytes = out.array
        if bytes.last == 0x0A { bytes.removeLast() }
        return (ok, bytes)
    }

    /// The result of an already evaluated case, as the same JSON `indicia evaluate` writes.
    ///
    /// - Parameters:
    ///   - evaluation: The evaluation.
    ///   - id: The case id as raw JSON, or nil.
    /// - Returns: The result bytes.
    public func resultJSON(_ evaluation: Evaluation, id: [UInt8]?) -> [UInt8] {
        var out = ByteBuffer(capacity: 4096)
        ResultWriter.write(evaluation, runtime: self, id: id, to: &out)
        return out.array
    }
}

/// A provider holding exactly one pack (cases naming another pack, or another revision of it, get
/// `unknown-pack`, as from `indicia evaluate`).
final class SinglePackProvider: PackProvider {
    private let only: PackRuntime

    init(_ runtime: PackRuntime) { only = runtime }

    func index(named name: String) -> Result<Int, CaseError> {
        let reference = PackReference(name)
        guard reference.id == only.pack.identity.id else { return .failure(reference.unknown) }
        if let mismatch = reference.mismatch(only.pack.identity) { return .failure(mismatch) }
        return .success(0)
    }

    func runtime(_ index: Int) -> PackRuntime { only }
}
