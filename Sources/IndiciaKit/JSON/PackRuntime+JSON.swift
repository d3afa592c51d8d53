extension PackRuntime {
    /// Evaluates one JSON case with this pack and returns the result line (without a newline).
    ///
    /// The same decoder, evaluation and writer as `indicia evaluate`, for one document.
    ///
    /// - Parameters:
    ///   - json: The case document's bytes.
    ///   - profile: How much of the result to write.
    /// - Returns: The result, or the per-record error result (also JSON).
    public func evaluateJSON(_ json: [UInt8], profile: ResultProfile = .full) -> (ok: Bool, bytes: [UInt8]) {
        let provider = SinglePackProvider(self)
        var decoder = CaseDecoder()
        var evaluation = Evaluation()
        var out = ByteBuffer(capacity: 4096)
        let decoded = json.withUnsafeBufferPointer { decoder.decode($0, packs: provider, defaultPack: 0, into: &evaluation) }
        switch decoded {
        case .success(let record):
            pack.evaluate(&evaluation)
            ResultWriter.write(evaluation, runtime: self, id: record.idRange.map { Array(json[$0]) }, profile: profile, to: &out)
            return (true, out.array)
        case .failure(let failure):
            ResultWriter.writeError(failure.error, line: 1, id: failure.idRange.map { Array(json[$0]) }, to: &out)
            return (false, out.array)
        }
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

/// A provider holding exactly one pack (cases naming another pack get `unknown-pack`).
final class SinglePackProvider: PackProvider {
    private let only: PackRuntime

    init(_ runtime: PackRuntime) { only = runtime }

    func index(named name: String) -> Result<Int, CaseError> {
        let id = name.split(separator: "@").first.map(String.init) ?? name
        guard id == only.pack.identity.id else {
            return .failure(CaseError(.unknownPack, "this case names a different pack", path: "/pack"))
        }
        return .success(0)
    }

    func runtime(_ index: Int) -> PackRuntime { only }
}
