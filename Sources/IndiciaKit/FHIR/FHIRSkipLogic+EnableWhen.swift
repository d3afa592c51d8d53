extension FHIRSkipLogic {
    /// `enableWhen` entries for a `show_if` that is one comparison of an always-asked question with
    /// fixed values, or nil when it needs an expression.
    ///
    /// Besides the comparison itself, the entries say "no answer yet" (`exists false`) and, where the
    /// question allows it, "not known": Indicia asks rather than skips while the answer is missing.
    func simpleEnableWhen(_ expr: Expr) -> [JSONValue]? {
        var index: Int
        var op: String
        var literals: [Expr]
        switch expr {
        case .binary(let b, let lhs, let rhs, let at) where ["==", "!=", "<", "<=", ">", ">="].contains(b.rawValue):
            let o = b.rawValue
            if case .name(let name, _) = lhs, let i = questionnaire.index(of: name) {
                (index, op, literals) = (i, o, [rhs])
            } else if case .name(let name, _) = rhs, let i = questionnaire.index(of: name) {
                (index, op, literals) = (i, ["<": ">", "<=": ">=", ">": "<", ">=": "<="][o] ?? o, [lhs])
            } else {
                return nil
            }
            _ = at
        case .binary(.in, .name(let name, _), .list(let items, _), _):
            guard let i = questionnaire.index(of: name), !items.isEmpty else { return nil }
            (index, op, literals) = (i, "==", items)
        case .binary(.in, .string(_, _), .name(let name, _), _):
            guard let i = questionnaire.index(of: name) else { return nil }
            (index, op, literals) = (i, "==", [])
        case .unary(.not, .binary(.in, .string(_, _), .name(let name, _), _), _):
            guard let i = questionnaire.index(of: name) else { return nil }
            (index, op, literals) = (i, "!=", [])
        default:
            return nil
        }
        // A question that is itself skipped has no answer either: only an expression tells the two apart.
        guard shown[index] == nil else { return nil }
        let question = questionnaire.questions[index]
        var answers: [(String, JSONValue)] = []
        switch question.kind {
        case .multipleChoice:
            guard literals.isEmpty, case .binary(.in, .string(let choice, _), _, _) = expr.withoutNot else { return nil }
            answers = [("answerCoding", choiceCoding(question, choice))]
        case .yesNo:
            guard op == "==" || op == "!=" else { return nil }
            for literal in literals {
                let flag: Bool
                switch literal {
                case .bool(let b, _): flag = b
                case .string("yes", _): flag = true
                case .string("no", _): flag = false
                default: return nil
                }
                if question.allowsNotKnown {
                    answers.append(("answerCoding", Self.coding(FHIRCodes.yesNoSystem, flag ? "Y" : "N", flag ? "Yes" : "No")))
                } else {
                    answers.append(("answerBoolean", .bool(flag)))
                }
            }
        case .singleChoice:
            guard op == "==" || op == "!=" else { return nil }
            for literal in literals {
                guard case .string(let choice, _) = literal else { return nil }
                answers.append(("answerCoding", choiceCoding(question, choice)))
            }
        case .integer, .decimal, .date:
            // "Not known" to a number or date is not one of the item's own answer types.
            guard !question.allowsNotKnown else { return nil }
            for literal in literals {
                switch (question.kind, literal) {
                case (.integer, .number(let x, _)) where x == x.rounded() && abs(x) < 2e9: answers.append(("answerInteger", .number(x)))
                case (.decimal, .number(let x, _)): answers.append(("answerDecimal", .number(x)))
                case (.date, .string(let text, _)) where CalendarDate.days(fromISO: text) != nil: answers.append(("answerDate", .string(text)))
                default: return nil
                }
            }
        case .text:
            return nil
        }
        // `!=` against several values would need "all"; only one value is simple.
        if op == "!=", answers.count != 1 { return nil }
        let fhirOp = op == "==" ? "=" : op
        var entries: [JSONValue] = answers.map { answer in
            .object([("question", .string(question.id)), ("operator", .string(fhirOp)), answer])
        }
        entries.append(.object([("question", .string(question.id)), ("operator", .string("exists")), ("answerBoolean", .bool(false))]))
        if question.allowsNotKnown, op != "!=" {
            entries.append(
                .object([
                    ("question", .string(question.id)), ("operator", .string("=")),
                    ("answerCoding", Self.coding(FHIRCodes.nullFlavorSystem, FHIRCodes.notKnownCode, "Not known")),
                ]))
        }
        return entries
    }

    func choiceCoding(_ question: Question, _ choice: String) -> JSONValue {
        let label = question.kind.choices.first { $0.id == choice }?.label
        return Self.coding(FHIRCodes.choiceSystem(questionnaire: questionnaire.id, question: question.id), choice, label)
    }

    static func coding(_ system: String, _ code: String, _ display: String?) -> JSONValue {
        var members: [(String, JSONValue)] = [("system", .string(system)), ("code", .string(code))]
        if let display { members.append(("display", .string(display))) }
        return .object(members)
    }
}

extension Expr {
    /// The expression under a leading `not`, or itself.
    var withoutNot: Expr {
        if case .unary(.not, let inner, _) = self { return inner }
        return self
    }
}
