/// Translates `show_if` into FHIR: `enableWhen` where it is one simple comparison, and otherwise an
/// SDC `enableWhenExpression` in FHIRPath with exactly Indicia's meaning.
///
/// Indicia shows a question when its condition is true, *or* cannot be decided because an answer
/// it reads is not known or not given (better to ask than to miss); it hides it when the condition
/// is false or rests on questions that were themselves not asked. Missing values follow Kleene
/// logic, and when two meet the one that calls for asking wins. A condition therefore has four
/// states: true, false, missing for want of an answer ("askable"), and missing because a question
/// was not asked. Each sub-condition is written as two FHIRPath conditions that are always true or
/// false, never empty: `p`, "true or askable" (the condition would show the question), and `n`,
/// "false or askable" (its negation would). The four states are the four combinations, so `not`
/// swaps them, `and` and `or` have short exact formulas, and the item is enabled when `p` holds.
struct FHIRSkipLogic {
    /// A sub-condition as two two-valued FHIRPath conditions: "true or askable" and "false or askable".
    struct PN {
        var p: String
        var n: String
    }

    /// What is exported for one `show_if`.
    enum Export: Equatable {
        /// `enableWhen` entries (`enableBehavior: any` when more than one).
        case enableWhen([JSONValue])
        /// An SDC `enableWhenExpression`.
        case expression(String)
    }

    let questionnaire: Questionnaire
    /// The pack's lookup tables (its own and shared ones), by id.
    let tables: [String: DataTable]
    /// Per question index: the FHIRPath condition "the question is shown", or nil when it always is.
    private(set) var shown: [String?]

    init(questionnaire: Questionnaire, tables: [DataTable] = []) {
        self.questionnaire = questionnaire
        var byID: [String: DataTable] = [:]
        for table in tables { byID[table.id] = table }
        self.tables = byID
        shown = Array(repeating: nil, count: questionnaire.questions.count)
    }

    // MARK: Building blocks

    static func and(_ parts: [String]) -> String {
        if parts.contains("false") { return "false" }
        let kept = parts.filter { $0 != "true" }
        if kept.isEmpty { return "true" }
        if kept.count == 1 { return kept[0] }
        return kept.map { "(\($0))" }.joined(separator: " and ")
    }

    static func or(_ parts: [String]) -> String {
        if parts.contains("true") { return "true" }
        let kept = parts.filter { $0 != "false" }
        if kept.isEmpty { return "false" }
        if kept.count == 1 { return kept[0] }
        return kept.map { "(\($0))" }.joined(separator: " or ")
    }

    static func not(_ part: String) -> String {
        switch part {
        case "true": return "false"
        case "false": return "true"
        default: return "(\(part)).not()"
        }
    }

    /// A FHIRPath string literal.
    static func literal(_ text: String) -> String {
        var out = "'"
        for scalar in text.unicodeScalars {
            switch scalar {
            case "'": out += "\\'"
            case "\\": out += "\\\\"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "'"
    }

    /// The answers' values of a question, wherever its item is in the response.
    func values(_ question: Question) -> String {
        "%resource.repeat(item).where(linkId = \(Self.literal(question.id))).answer.value"
    }

    /// The answer is "not known".
    func notKnown(_ question: Question) -> String {
        guard question.allowsNotKnown else { return "false" }
        return "\(values(question)).where(code = '\(FHIRCodes.notKnownCode)' and system = '\(FHIRCodes.nullFlavorSystem)').exists()"
    }

    /// The question has an answer other than "not known".
    func answered(_ question: Question) -> String {
        guard question.allowsNotKnown else { return "\(values(question)).exists()" }
        return
            "\(values(question)).exists() and \(values(question)).where(code = '\(FHIRCodes.notKnownCode)' and system = '\(FHIRCodes.nullFlavorSystem)').empty()"
    }

    /// Whether a question is shown: its section's and its own skip logic.
    func isShown(_ index: Int) -> String { shown[index] ?? "true" }

    /// A comparison of a question's answer: true when it matches, false when it is answered and
    /// does not, and missing like the answer otherwise (askable while shown, not asked when hidden).
    func comparison(_ index: Int, matches: String, negate: Bool) -> PN {
        let question = questionnaire.questions[index]
        let s = isShown(index)
        let notAnswered = Self.not(answered(question))
        let p = Self.and([s, Self.or([notAnswered, negate ? Self.not(matches) : matches])])
        let n = Self.and([s, Self.or([notAnswered, negate ? matches : Self.not(matches)])])
        return PN(p: p, n: n)
    }

    /// A condition that is always true or false (never missing).
    static func definite(_ condition: String) -> PN { PN(p: condition, n: not(condition)) }

    // MARK: Translation

    /// Translates one `show_if` (already checked by the pack compiler).
    ///
    /// - Parameters:
    ///   - source: The expression.
    ///   - item: The question or section id, for errors.
    /// - Returns: The FHIR form.
    /// - Throws: ``FHIRExportError`` for a form that has no FHIR equivalent here.
    func export(_ source: ExpressionSource, item: String) throws(FHIRExportError) -> Export {
        let expr: Expr
        do {
            expr = try Parser.parse(source.text)
        } catch {
            throw FHIRExportError(item: item, message: "the skip logic of '\(item)' does not parse: \(error.message)", mark: source.mark)
        }
        if let simple = simpleEnableWhen(expr) { return .enableWhen(simple) }
        return .expression(try translate(expr, source: source, item: item).p)
    }

    /// The shown-condition of a `show_if` as FHIRPath (for questions that later skip logic reads).
    func condition(_ source: ExpressionSource, item: String) throws(FHIRExportError) -> String {
        let expr: Expr
        do {
            expr = try Parser.parse(source.text)
        } catch {
            throw FHIRExportError(item: item, message: "the skip logic of '\(item)' does not parse: \(error.message)", mark: source.mark)
        }
        return try translate(expr, source: source, item: item).p
    }

    /// Records that question `index` is shown when `condition` holds.
    mutating func setShown(_ index: Int, _ condition: String?) { shown[index] = condition }

    private func unsupported(_ what: String, _ source: ExpressionSource, _ offset: Int, item: String) -> FHIRExportError {
        FHIRExportError(
            item: item,
            message:
                "the skip logic of '\(item)' uses \(what), which the FHIR export cannot translate; rewrite it with comparisons of answers with fixed values, and/or/not, in, answered(), not_known(), asked() or count_selected()",
            mark: source.mark(atOffset: offset))
    }

    private func questionIndex(_ expr: Expr) -> Int? {
        guard case .name(let name, _) = expr else { return nil }
        return questionnaire.index(of: name)
    }

    private func translate(_ expr: Expr, source: ExpressionSource, item: String) throws(FHIRExportError) -> PN {
        switch expr {
        case .bool(let flag, _):
            return Self.definite(flag ? "true" : "false")
        case .unary(.not, let operand, _):
            let inner = try translate(operand, source: source, item: item)
            return PN(p: inner.n, n: inner.p)
        case .binary(.and, let lhs, let rhs, _):
            return Self.all([try translate(lhs, source: source, item: item), try translate(rhs, source: source, item: item)])
        case .binary(.or, let lhs, let rhs, _):
            return Self.any([try translate(lhs, source: source, item: item), try translate(rhs, source: source, item: item)])
        case .call("any", let arguments, _), .call("all", let arguments, _):
            var parts: [PN] = []
            for argument in arguments { parts.append(try translate(argument.value, source: source, item: item)) }
            if case .call("all", _, _) = expr { return Self.all(parts) }
            return Self.any(parts)
        case .call(let name, let arguments, let at) where ["answered", "not_known", "asked"].contains(name):
            guard arguments.count == 1, let index = questionIndex(arguments[0].value) else {
                throw unsupported("\(name)() of something other than a question", source, at, item: item)
            }
            let question = questionnaire.questions[index]
            let s = isShown(index)
            switch name {
            case "answered": return Self.definite(Self.and([s, answered(question)]))
            case "not_known": return Self.definite(Self.and([s, notKnown(question)]))
            default: return Self.definite(s)
            }
        case .binary(let o, let lhs, let rhs, let at) where ["==", "!=", "<", "<=", ">", ">="].contains(o.rawValue):
            let op = o.rawValue
            // The question on the left (a fixed value first reads the other way round).
            if !isQuestionSide(lhs), isQuestionSide(rhs) {
                let flipped = ["<": ">", "<=": ">=", ">": "<", ">=": "<="][op] ?? op
                return try translate(.binary(Expr.BinaryOperator(rawValue: flipped) ?? o, rhs, lhs, at: at), source: source, item: item)
            }
            if let index = countSelected(lhs) {
                guard case .number(let bound, _) = rhs else {
                    throw unsupported("count_selected() compared with something other than a fixed number", source, at, item: item)
                }
                let question = questionnaire.questions[index]
                let count = "\(values(question)).count() \(fhirOperator(op)) \(Self.number(bound))"
                return comparison(index, matches: count, negate: false)
            }
            if case .call("lookup", let arguments, _) = lhs, op == "==" || op == "!=" {
                let (index, match) = try lookupTest(arguments, [rhs], source: source, at: at, item: item)
                return comparison(index, matches: match, negate: op == "!=")
            }
            guard let index = questionIndex(lhs) else {
                throw unsupported("a comparison that does not compare a question's answer with a fixed value", source, at, item: item)
            }
            guard let match = valueTest(index, op == "!=" ? "==" : op, rhs) else {
                throw unsupported("a comparison that does not compare a question's answer with a fixed value", source, at, item: item)
            }
            return comparison(index, matches: match, negate: op == "!=")
        case .binary(.in, let lhs, let rhs, let at):
            // 'choice' in multiple_choice_question
            if case .string(let choice, _) = lhs, let index = questionIndex(rhs) {
                let question = questionnaire.questions[index]
                return comparison(index, matches: "\(values(question)).where(code = \(Self.literal(choice))).exists()", negate: false)
            }
            guard case .list(let items, _) = rhs else {
                throw unsupported("'in' other than 'choice' in question or question in [fixed values]", source, at, item: item)
            }
            if case .call("lookup", let arguments, _) = lhs {
                let (index, match) = try lookupTest(arguments, items, source: source, at: at, item: item)
                return comparison(index, matches: match, negate: false)
            }
            // question in ['a', 'b']
            guard let index = questionIndex(lhs) else {
                throw unsupported("'in' other than 'choice' in question or question in [fixed values]", source, at, item: item)
            }
            var tests: [String] = []
            for value in items {
                guard let test = valueTest(index, "==", value) else {
                    throw unsupported("a list that holds something other than fixed values", source, at, item: item)
                }
                tests.append(test)
            }
            return comparison(index, matches: Self.or(tests), negate: false)
        case .binary(let op, _, _, let at):
            throw unsupported("'\(op)'", source, at, item: item)
        case .unary(let op, _, let at):
            throw unsupported("'\(op)'", source, at, item: item)
        case .call(let name, _, let at):
            throw unsupported("\(name)()", source, at, item: item)
        case .name(let name, let at):
            throw unsupported("'\(name)' on its own", source, at, item: item)
        case .number(_, let at), .string(_, let at), .list(_, let at):
            throw unsupported("a fixed value on its own", source, at, item: item)
        }
    }

    private func isQuestionSide(_ expr: Expr) -> Bool {
        if questionIndex(expr) != nil || countSelected(expr) != nil { return true }
        if case .call("lookup", _, _) = expr { return true }
        return false
    }

    /// `lookup(table, question[, 'column'])` compared with fixed values: the same as the question's
    /// answer being one of the choices whose row holds one of those values.
    private func lookupTest(
        _ arguments: [Expr.Argument], _ wanted: [Expr], source: ExpressionSource, at: Int, item: String
    ) throws(FHIRExportError) -> (Int, String) {
        guard arguments.count == 2 || arguments.count == 3, case .name(let tableID, _) = arguments[0].value, let table = tables[tableID],
            let index = questionIndex(arguments[1].value), case .singleChoice(let choices) = questionnaire.questions[index].kind
        else {
            throw unsupported("lookup() other than of a table by a single-choice answer", source, at, item: item)
        }
        var column = ""
        if arguments.count == 3 {
            guard case .string(let name, _) = arguments[2].value else {
                throw unsupported("lookup() of a column that is not fixed text", source, at, item: item)
            }
            column = name
        }
        var targets: [DataTable.Cell] = []
        for value in wanted {
            switch value {
            case .string(let text, _): targets.append(.text(text))
            case .number(let x, _): targets.append(.number(x))
            default: throw unsupported("lookup() compared with something other than fixed values", source, at, item: item)
            }
        }
        let question = questionnaire.questions[index]
        var tests: [String] = []
        for choice in choices {
            let row = table.rows.first { $0.key == choice.id } ?? table.defaultRow
            guard let cell = row?.cells[column] else {
                throw unsupported("lookup() of a choice ('\(choice.id)') that has no value in table '\(tableID)'", source, at, item: item)
            }
            if targets.contains(cell) { tests.append("code = \(Self.literal(choice.id))") }
        }
        guard !tests.isEmpty else { return (index, "false") }
        return (index, "\(values(question)).where(\(tests.joined(separator: " or "))).exists()")
    }

    private func countSelected(_ expr: Expr) -> Int? {
        guard case .call("count_selected", let arguments, _) = expr, arguments.count == 1 else { return nil }
        return questionIndex(arguments[0].value)
    }

    private func fhirOperator(_ op: String) -> String { op == "==" ? "=" : op }

    static func number(_ value: Double) -> String {
        if value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
        return "\(value)"
    }

    /// FHIRPath that is true when the question's answer compares with the fixed value as `op` says.
    private func valueTest(_ index: Int, _ op: String, _ value: Expr) -> String? {
        let question = questionnaire.questions[index]
        let v = values(question)
        let fop = fhirOperator(op)
        switch question.kind {
        case .yesNo:
            var flag: Bool
            switch value {
            case .bool(let b, _): flag = b
            case .string("yes", _): flag = true
            case .string("no", _): flag = false
            default: return nil
            }
            guard op == "==" else { return nil }
            if question.allowsNotKnown { return "\(v).where(code = '\(flag ? "Y" : "N")').exists()" }
            return "\(v).where($this = \(flag)).exists()"
        case .singleChoice:
            guard op == "==", case .string(let choice, _) = value else { return nil }
            return "\(v).where(code = \(Self.literal(choice))).exists()"
        case .integer, .decimal:
            guard case .number(let bound, _) = value else { return nil }
            // FHIRPath refuses to order a coding ("not known") against a number: leave codings out.
            let plain = question.allowsNotKnown ? "\(v).where(code.empty())" : v
            return "\(plain).where($this \(fop) \(Self.number(bound))).exists()"
        case .date:
            guard case .string(let text, _) = value, CalendarDate.days(fromISO: text) != nil else { return nil }
            let plain = question.allowsNotKnown ? "\(v).where(code.empty())" : v
            return "\(plain).where($this \(fop) @\(text)).exists()"
        case .multipleChoice, .text:
            return nil
        }
    }

    /// `and` of several conditions. The result is false if any part is false; otherwise it is askable
    /// if any part is askable; otherwise true if every part is true, else not asked. So it is
    /// "false or askable" exactly when some part is (`n`), and "true or askable" when no part is
    /// false and either every part is true or askable, or some part is askable.
    static func all(_ parts: [PN]) -> PN {
        guard parts.count > 1 else { return parts.first ?? definite("true") }
        // A part is false exactly when n and not p.
        let noneFalse = and(parts.map { or([$0.p, not($0.n)]) })
        let p = and([noneFalse, or([and(parts.map(\.p))] + parts.map(\.n))])
        return PN(p: p, n: or(parts.map(\.n)))
    }

    /// `or` of several conditions: `not(all(not ...))`, which Indicia's missing values satisfy.
    static func any(_ parts: [PN]) -> PN {
        let negated = all(parts.map { PN(p: $0.n, n: $0.p) })
        return PN(p: negated.n, n: negated.p)
    }
}
