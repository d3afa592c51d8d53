/// How answers are written as text, in one place for results, drafts and the guided CLI.
public enum AnswerFormat {
    /// The canonical text of a value for a question, or nil if missing.
    ///
    /// - Parameters:
    ///   - value: The slot value.
    ///   - question: The question.
    ///   - pack: The pack (for choice symbols).
    /// - Returns: `yes`/`no`, a choice id, ids joined by commas, a number, a date, or `[free text]`.
    public static func text(of value: Value, question: Question, pack: CompiledPack) -> String? {
        switch value {
        case .missing: return nil
        case .bool(let flag): return flag ? "yes" : "no"
        case .number(let x): return x.compactText
        case .symbol(let symbol): return pack.symbols.name(symbol)
        case .choices(let bits): return choiceIDs(bits, of: question).joined(separator: ",")
        case .date(let days): return CalendarDate.iso(fromDays: days)
        case .text: return "[free text]"
        }
    }

    /// The ids of the choices set in a multiple-choice answer, in the questionnaire's order.
    static func choiceIDs(_ bits: UInt64, of question: Question) -> [String] {
        let choices = question.kind.choices
        return choices.indices.filter { bits & (UInt64(1) << UInt64($0)) != 0 }.map { choices[$0].id }
    }

    /// The answer as a person would read it (choice labels instead of ids).
    ///
    /// - Parameters:
    ///   - value: The slot value.
    ///   - question: The question.
    ///   - pack: The pack.
    /// - Returns: Readable text ("not known", "not answered", "Yes", a label, ...).
    public static func label(of value: Value, question: Question, pack: CompiledPack) -> String {
        switch value {
        case .missing(.notKnown): return "not known"
        case .missing(.notAsked): return "not asked"
        case .missing(.unanswered): return "not answered"
        case .bool(let flag): return flag ? "Yes" : "No"
        case .symbol(let symbol):
            let id = pack.symbols.name(symbol)
            return question.kind.choices.first { $0.id == id }?.label ?? id
        case .choices(let bits):
            let choices = question.kind.choices
            let labels = choices.indices.filter { bits & (UInt64(1) << UInt64($0)) != 0 }.map { choices[$0].label }
            return labels.isEmpty ? "none selected" : labels.joined(separator: "; ")
        case .number(let x):
            switch question.kind {
            case .integer(_, _, let unit?), .decimal(_, _, let unit?): return "\(x.compactText) \(unit)"
            default: return x.compactText
            }
        case .date(let days): return CalendarDate.iso(fromDays: days)
        case .text: return "(free text given)"
        }
    }
}
