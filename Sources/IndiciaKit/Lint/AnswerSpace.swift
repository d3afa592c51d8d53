/// Enumerates combinations of answers to a few questions, to prove a condition can (or cannot) hold.
///
/// Finite answers (yes/no, choices) are tried exhaustively; numbers are tried at every boundary the
/// pack's own rules mention, so the search is exhaustive only when no number is involved.
struct AnswerSpace {
    let pack: CompiledPack
    let limit: Int
    private var numberCandidates: [Double]
    private var evaluation = Evaluation()

    init(pack: CompiledPack, limit: Int) {
        self.pack = pack
        self.limit = limit
        var numbers: Set<Double> = [0]
        var texts = pack.rules.values.map(\.expression.text) + pack.rules.indicators.map(\.condition.text)
        texts += pack.rules.scores.map(\.expression.text) + pack.rules.outcomes.compactMap(\.condition?.text)
        texts += pack.questionnaire.questions.compactMap(\.showIf?.text)
        for text in texts {
            guard let tokens = try? Lexer.tokenize(text) else { continue }
            for token in tokens {
                if case .number(let x) = token.kind {
                    numbers.formUnion([x - 1, x - 0.5, x, x + 0.5, x + 1])
                }
            }
        }
        numberCandidates = numbers.sorted()
    }

    struct Search {
        var found: Bool
        var exhaustive: Bool
    }

    /// Searches for answers to `questions` that make `goal` true; nil when there are too many combinations.
    mutating func search(_ questions: Set<Int>, _ goal: (Evaluation) -> Bool) -> Search? {
        let ordered = questions.sorted()
        var exhaustive = true
        var domains: [[Value]] = []
        var total = 1
        for index in ordered {
            let question = pack.questionnaire.questions[index]
            var values: [Value] = [.missing(.unanswered)]
            if question.allowsNotKnown { values.append(.missing(.notKnown)) }
            switch question.kind {
            case .yesNo:
                values += [.bool(true), .bool(false)]
            case .singleChoice:
                values += pack.choiceSymbols[index].map(Value.symbol)
            case .multipleChoice(let choices):
                if choices.count <= 6 {
                    values += (0..<(UInt64(1) << UInt64(choices.count))).map(Value.choices)
                } else {
                    exhaustive = false
                    values += [.choices(0), .choices(UInt64.max >> UInt64(64 - choices.count))]
                    values += choices.indices.map { .choices(UInt64(1) << UInt64($0)) }
                }
            case .integer(let min, let max, _), .decimal(let min, let max, _):
                exhaustive = false
                var candidates = numberCandidates
                if case .integer = question.kind { candidates = candidates.filter { $0 == $0.rounded() } }
                if let min { candidates = candidates.filter { $0 >= min } + [min] }
                if let max { candidates = candidates.filter { $0 <= max } + [max] }
                values += Set(candidates).sorted().map(Value.number)
            case .text:
                values.append(.text)
            case .date:
                exhaustive = false
                values += [.date(0), .date(20_000)]
            }
            domains.append(values)
            total = total.multipliedReportingOverflow(by: values.count).partialValue
            if total > limit || total <= 0 { return nil }
        }
        var choice = [Int](repeating: 0, count: ordered.count)
        while true {
            pack.prepare(&evaluation)
            for (position, index) in ordered.enumerated() { evaluation.slots[index] = domains[position][choice[position]] }
            pack.evaluate(&evaluation)
            if goal(evaluation) { return Search(found: true, exhaustive: exhaustive) }
            var position = 0
            while position < choice.count {
                choice[position] += 1
                if choice[position] < domains[position].count { break }
                choice[position] = 0
                position += 1
            }
            if position == choice.count { return Search(found: false, exhaustive: exhaustive) }
        }
    }
}
