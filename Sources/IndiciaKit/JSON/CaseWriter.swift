/// Writes answers as a case document — the same format `indicia evaluate` reads — so that a guided
/// session, a draft and a JSON integration all describe a case the same way.
public enum CaseWriter {
    /// The case document for a set of answers (questions without an answer are left out).
    ///
    /// - Parameters:
    ///   - answers: The answers.
    ///   - pack: The pack they answer.
    ///   - id: An optional case id.
    /// - Returns: The document as compact JSON.
    public static func document(_ answers: AnswerSet, pack: CompiledPack, id: String? = nil) -> [UInt8] {
        var out: [UInt8] = [0x7B]
        if let id {
            out += Array("\"id\":".utf8)
            JSONOutput.string(id, to: &out)
            out.append(0x2C)
        }
        out += Array("\"pack\":".utf8)
        JSONOutput.string(pack.identity.id, to: &out)
        out += Array(",\"answers\":{".utf8)
        var first = true
        for (index, question) in pack.questionnaire.questions.enumerated() {
            let value = answers.values[index]
            if value == .missing(.unanswered) || value == .missing(.notAsked) { continue }
            if !first { out.append(0x2C) }
            first = false
            JSONOutput.string(question.id, to: &out)
            out.append(0x3A)
            switch value {
            case .missing: out += Array("\"not_known\"".utf8)
            case .text: JSONOutput.string(answers.texts[index] ?? "", to: &out)
            case .choices(let bits):
                out.append(0x5B)
                out += AnswerFormat.choiceIDs(bits, of: question).map { JSONOutput.string($0) }.joined(separator: [0x2C])
                out.append(0x5D)
            case .number(let x): JSONOutput.number(x, to: &out)
            default: JSONOutput.string(AnswerFormat.text(of: value, question: question, pack: pack) ?? "", to: &out)
            }
        }
        out += Array("}}".utf8)
        return out
    }
}
