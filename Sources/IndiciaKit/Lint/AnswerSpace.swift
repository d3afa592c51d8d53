/// Enumerates combinations of answers to a few questions, to prove a condition can (or cannot) hold.
///
/// Finite answers (yes/no, choices) are tried exhaustively. Numbers are tried at every boundary the
/// pack's own rules mention; the search is exhaustive for a number question too when every use of it
/// in the pack is a direct comparison with a number (`hours_per_week > 60`): then the comparison's
/// truth changes only at those numbers, and a value is tried in each stretch between them (and at the
/// question's `min` and `max`), so `hours_per_week > 200` on a 0–168 question is proved never true.
struct AnswerSpace {
    let pack: CompiledPack
    let limit: Int
    private var numberCandidates: [Double]
    /// Number questions used only in direct comparisons with numbers.
    private var comparedOnly: Set<String>
    /// Every number written in the pack's expressions (and its negation).
    private var numberLiterals: [Double]
    private var evaluation = Evaluation()

    init(pack: CompiledPack, limit: Int) {
        self.pack = pack
        self.limit = limit
        var numbers: Set<Double> = [0]
        var texts = pack.rules.values.map(\.expression.text) + pack.rules.indicators.map(\.condition.text)
        texts += pack.rules.scores.map(\.expression.text) + pack.rules.outcomes.compactMap(\.condition?.text)
        texts += pack.questionnaire.questions.compactMap(\.showIf?.text)
        texts += pack.questionnaire.sections.compactMap(\.showIf?.text) + pack.rules.recommendations.compactMap(\.condition?.text)
        let numberQuestions = pack.questionnaire.questions.filter { question in
            switch question.kind {
            case .integer, .decimal: return true
            default: return false
            }
        }
        comparedOnly = Self.comparedOnly(texts, numberQuestions: Set(numberQuestions.map(\.id)))
        var literals: Set<Double> = []
        for text in texts {
            guard let tokens = try? Lexer.tokenize(text) else { continue }
            for token in tokens {
                if case .number(let x) = token.kind {
                    numbers.formUnion([x - 1, x - 0.5, x, x + 0.5, x + 1])
                    literals.formUnion([x, -x])
                }
            }
        }
        numberCandidates = numbers.sorted()
        numberLiterals = literals.sorted()
    }

    /// The number questions whose every use in `texts` is `question OP number` (or `number OP
    /// question`) with a comparison operator; none if any text does not parse.
    static func comparedOnly(_ texts: [String], numberQuestions: Set<String>) -> Set<String> {
        var other: Set<String> = []
        func isNumber(_ expr: Expr) -> Bool {
            if case .number = expr { return true }
            if case .unary(.negate, .number, _) = expr { return true }
            return false
        }
        func walk(_ expr: Expr) {
            switch expr {
            case .number, .string, .bool: break
            case .name(let id, _): other.insert(id)
            case .list(let items, _):
                for item in items { walk(item) }
            case .unary(_, let inner, _): walk(inner)
            case .call(_, let arguments, _):
                for argument in arguments { walk(argument.value) }
            case .binary(let op, let lhs, let rhs, _):
                if Expr.BinaryOperator.comparisons.contains(op) {
                    if case .name = lhs, isNumber(rhs) { return }
                    if case .name = rhs, isNumber(lhs) { return }
                }
                walk(lhs)
                walk(rhs)
            }
        }
        for text in texts {
            guard let expr = try? Parser.parse(text) else { return [] }
            walk(expr)
        }
        return numberQuestions.subtracting(other)
    }

    /// Values for a number question that meet every stretch between the pack's numbers, when the
    /// question is only compared with numbers (nil otherwise: then the search is not exhaustive).
    private func exhaustiveNumbers(_ question: Question, min: Double?, max: Double?, integer: Bool) -> [Double]? {
        guard comparedOnly.contains(question.id) else { return nil }
        let literals = numberLiterals
        var candidates = Set(literals)
        let sorted = literals
        for (a, b) in zip(sorted, sorted.dropFirst()) { candidates.insert((a + b) / 2) }
        for x in literals { candidates.formUnion([x.rounded(.down), x.rounded(.up), x.rounded(.down) + 1, x.rounded(.up) - 1]) }
        if let first = sorted.first { candidates.insert(first.rounded(.down) - 1) }
        if let last = sorted.last { candidates.insert(last.rounded(.up) + 1) }
        if let min { candidates.insert(min) }
        if let max { candidates.insert(max) }
        var values = candidates.filter { value in (min.map { value >= $0 } ?? true) && (max.map { value <= $0 } ?? true) }
        if integer { values = values.filter { $0 == $0.rounded() } }
        return values.sorted()
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
                let integer: Bool
                if case .integer = question.kind { integer = true } else { integer = false }
                if let all = exhaustiveNumbers(question, min: min, max: max, integer: integer) {
                    values += all.map(Value.number)
                    break
                }
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
