extension CaseDecoder {
    /// Decodes, evaluates and writes one record framed by ``CaseStream``: its result, or its error
    /// result with the problem's line and column, followed by a newline.
    ///
    /// `indicia evaluate` and ``PackRuntime/evaluateJSON(_:)`` both go through here, so the same
    /// record gives the same bytes through either.
    ///
    /// - Parameters:
    ///   - record: The record.
    ///   - input: The stream's buffer (the record's bytes are `input[record.range]`).
    ///   - file: The input file named in error results, or nil.
    ///   - packs: Supplies packs by name and index.
    ///   - defaultPack: The pack for cases that name none.
    ///   - profile: How much of the result to write.
    ///   - evaluation: Reused from record to record.
    ///   - out: Receives the result line.
    /// - Returns: Whether the record was evaluated (false: it got an error result).
    public mutating func evaluate(
        _ record: CaseStream.Record, in input: UnsafeBufferPointer<UInt8>, file: String?, packs: PackProvider, defaultPack: Int?,
        profile: ResultProfile = .full, evaluation: inout Evaluation, to out: inout ByteBuffer
    ) -> Bool {
        if let failure = record.failure {
            ResultWriter.writeError(failure, file: file, line: record.line, idBytes: nil, to: &out)
            out.append(0x0A)
            return false
        }
        let line = UnsafeBufferPointer(rebasing: input[record.range])
        switch decode(line, packs: packs, defaultPack: defaultPack, into: &evaluation) {
        case .success(let decoded):
            decoded.runtime.evaluate(&evaluation)
            ResultWriter.write(
                evaluation, runtime: decoded.runtime, idBytes: decoded.idRange.map { UnsafeBufferPointer(rebasing: line[$0]) },
                profile: profile, to: &out)
            out.append(0x0A)
            return true
        case .failure(let failure):
            let (error, problemLine) = CaseStream.locate(failure.error, in: line, line: record.line)
            ResultWriter.writeError(
                error, file: file, line: problemLine, idBytes: failure.idRange.map { UnsafeBufferPointer(rebasing: line[$0]) }, to: &out)
            out.append(0x0A)
            return false
        }
    }
}
