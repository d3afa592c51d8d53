/// Turns what a person typed into an answer for a question, or a reason to ask again.
public enum AnswerInput {
    /// Parses typed input.
    ///
    /// - Parameters:
    ///   - input: What was typed (trimmed).
    ///   - question: The question.
    ///   - pack: The pack (for choice symbols).
    /// - Returns: The value and, for free text, the text; or the reason it is not accepted.
    public static func parse(_ input: String, for question: Question, pack: CompiledPack) -> Result<(Value, String?), InputProblem> {
        let text = input.trimmed
        let lower = text.lowercased()
        guard !text.isEmpty else { return .failure(InputProblem("Please type an answer, or ? for help.")) }
        switch question.kind {
        case .yesNo:
            if ["1", "y", "yes"].contains(lower) { return .success((.bool(true), nil)) }
            if ["2", "n", "no"].contains(lower) { return .success((.bool(false), nil)) }
            return .failure(InputProblem("Please answer y (yes) or n (no)."))
        case .singleChoice(let choices):
            guard let index = choiceIndex(lower, choices) else {
                return .failure(InputProblem("Please type the number of one choice, from 1 to \(choices.count)."))
            }
            return .success((.symbol(symbol(question, index, pack)), nil))
        case .multipleChoice(let choices):
            var bits: UInt64 = 0
            let parts = lower.split { $0 == "," || $0 == " " }
            for part in parts {
                guard let index = choiceIndex(String(part), choices) else {
                    return .failure(InputProblem("'\(part)' is not one of the choices. Type the numbers of all that apply, for example 1,3."))
                }
                bits |= UInt64(1) << UInt64(index)
            }
            return .success((.choices(bits), nil))
        case .integer(let min, let max, _), .decimal(let min, let max, _):
            let isInteger: Bool
            if case .integer = question.kind { isInteger = true } else { isInteger = false }
            guard let number = Double(text), number.isFinite, !isInteger || number == number.rounded() else {
                return .failure(InputProblem(isInteger ? "Please type a whole number." : "Please type a number."))
            }
            if let min, number < min { return .failure(InputProblem("Please type a number of at least \(min.compactText).")) }
            if let max, number > max { return .failure(InputProblem("Please type a number no more than \(max.compactText).")) }
            return .success((.number(number), nil))
        case .text(let maxLength):
            guard text.count <= maxLength else {
                return .failure(InputProblem("That is longer than \(maxLength) characters; please shorten it."))
            }
            return .success((.text, text))
        case .date:
            guard let days = CalendarDate.days(fromISO: text) else {
                return .failure(InputProblem("Please type a date as YYYY-MM-DD, for example 2026-03-31."))
            }
            return .success((.date(days), nil))
        }
    }

    private static func choiceIndex(_ input: String, _ choices: [Choice]) -> Int? {
        if let number = Int(input), number >= 1, number <= choices.count { return number - 1 }
        return choices.firstIndex { $0.id == input || $0.label.lowercased() == input }
    }

    private static func symbol(_ question: Question, _ index: Int, _ pack: CompiledPack) -> Int32 {
        guard let questionIndex = pack.questionIndex(of: question.id) else { return -1 }
        return pack.choiceSymbols[questionIndex][index]
    }
}

/// Why typed input was not accepted, in words for the person typing.
public struct InputProblem: Error, Equatable, Sendable {
    /// The message.
    public var message: String

    /// Creates a problem.
    ///
    /// - Parameter message: The message.
    public init(_ message: String) { self.message = message }
}
