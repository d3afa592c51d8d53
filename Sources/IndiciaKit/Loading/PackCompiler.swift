/// Checks a questionnaire, rule set and services directories together and compiles them.
///
/// Every expression is parsed once, type-checked against the questionnaire, ordered by its
/// dependencies (cycles are errors) and compiled to closures over slots.
struct PackCompiler {
    let questionnaire: Questionnaire
    let rules: RuleSet
    let directories: [ServiceDirectory]
    /// Tables imported from `kind: tables` files (`shared_tables:`), read like the rule set's own.
    let sharedTables: [DataTable]
    let sha256: String

    private var bag = DiagnosticBag()
    private var symbols = SymbolTable()
    private var environment: CompileEnvironment
    private var slotOf: [String: Int] = [:]
    private var expressions: [TypedExpr?]
    private var program: [CompiledPack.Step] = []
    private var state: [Int: VisitState] = [:]
    private var questionDeps: [Int: Set<Int>] = [:]
    private var referenced: Set<Int> = []
    /// Where each question, value, indicator, score and the outcome live in the slots.
    private let layout: SlotLayout

    private enum VisitState { case visiting, done, failed }

    static let reservedNames: Set<String> = ["outcome", "true", "false", "and", "or", "not", "in"]

    init(questionnaire: Questionnaire, rules: RuleSet, directories: [ServiceDirectory], sharedTables: [DataTable] = [], sha256: String) {
        self.questionnaire = questionnaire
        self.rules = rules
        self.directories = directories
        self.sharedTables = sharedTables
        self.sha256 = sha256
        layout = SlotLayout(
            questions: questionnaire.questions.count, values: rules.values.count, indicators: rules.indicators.count,
            scores: rules.scores.count)
        expressions = Array(repeating: nil, count: layout.outcomeSlot + 1)
        environment = CompileEnvironment(questions: questionnaire.questions, names: [:])
        // Each question's answer as given, kept when skip logic hides it (ignored_answer).
        environment.rawAnswerBase = layout.rawAnswerBase
    }

    /// Compiles, returning the pack (nil if any error) and every diagnostic found.
    mutating func compile() -> (CompiledPack?, [Diagnostic]) {
        declareNames()
        let visibility = compileSkipLogic()
        for slot in layout.valueSlots + layout.indicatorSlots + layout.scoreSlots { visit(slot, from: nil) }
        let (outcomeConditions, outcomeDeps) = compileOutcomes()
        var (recommendationConditions, recommendationDeps) = compileRecommendations()
        let recommendationServices = compileRecommendationServices(&recommendationDeps)
        checkServices()
        let names = environment.names
        ReportConventionsCheck(questionnaire: questionnaire, rules: rules, valueType: { names[$0]?.type }).check(&bag)
        guard !bag.hasErrors else { return (nil, bag.all) }
        var choiceSymbols: [[Int32]] = []
        for question in questionnaire.questions {
            choiceSymbols.append(question.kind.choices.map { symbols.intern($0.id) })
        }
        let outcomeSymbols = rules.outcomes.map { symbols.intern($0.id) }
        var services: [String: Service] = [:]
        for directory in directories {
            for service in directory.services { services[service.id] = service }
        }
        var questionIndex: [String: Int] = [:]
        for (index, question) in questionnaire.questions.enumerated() { questionIndex[question.id] = index }
        let identity = PackIdentity(
            id: rules.id, revision: rules.revision, questionnaire: questionnaire.id,
            questionnaireRevision: questionnaire.revision, sha256: sha256, engine: EngineVersion.current)
        var pack = CompiledPack(
            CompiledPack.Parts(
                identity: identity, questionnaire: questionnaire, rules: rules, services: services, symbols: symbols, layout: layout,
                visibility: visibility, program: program, expressions: expressions, outcomeConditions: outcomeConditions,
                recommendationConditions: recommendationConditions, recommendationServices: recommendationServices,
                outcomeSymbols: outcomeSymbols, choiceSymbols: choiceSymbols, questionIndex: questionIndex,
                dependencies: CompiledPack.Dependencies(
                    bySlot: questionDeps, outcomes: outcomeDeps, recommendations: recommendationDeps,
                    referencedQuestions: referenced)))
        pack.tables = rules.tables + sharedTables
        return (pack, bag.all)
    }

    // MARK: Names

    private mutating func declareNames() {
        func declare(_ id: String, _ kind: CompileEnvironment.Name.Kind, slot: Int, type: ExprType?, at mark: SourceMark) {
            if Self.reservedNames.contains(id) {
                bag.error(.reservedID, "'\(id)' is a reserved word and cannot be used as an id", at: mark)
                return
            }
            if let existing = slotOf[id] ?? (environment.tables[id] != nil ? -1 : nil) {
                _ = existing
                bag.error(.duplicateID, "'\(id)' is already used as the id of another question, value, indicator, score or table", at: mark)
                return
            }
            slotOf[id] = slot
            if let type { environment.names[id] = .init(kind: kind, slot: slot, type: type) }
        }
        for (index, question) in questionnaire.questions.enumerated() {
            let type: ExprType
            switch question.kind {
            case .yesNo: type = .bool
            case .singleChoice(let choices): type = .symbol(Set(choices.map(\.id)))
            case .multipleChoice: type = .choices(question: index)
            case .integer, .decimal: type = .number
            case .text: type = .text
            case .date: type = .date
            }
            declare(question.id, .question, slot: index, type: type, at: question.mark)
        }
        var tableMarks: [String: SourceMark] = [:]
        for table in rules.tables + sharedTables {
            if let other = tableMarks[table.id] {
                bag.error(.duplicateID, "table id '\(table.id)' is also used by the table at \(other)", at: table.mark)
                continue
            }
            tableMarks[table.id] = table.mark
            if slotOf[table.id] != nil || Self.reservedNames.contains(table.id) {
                bag.error(.duplicateID, "'\(table.id)' is already used as the id of a question, value, indicator or score", at: table.mark)
                continue
            }
            environment.tables[table.id] = compileTable(table)
            environment.names[table.id] = .init(kind: .table, slot: -1, type: .text)
            slotOf[table.id] = -1
        }
        for (index, value) in rules.values.enumerated() { declare(value.id, .value, slot: layout.valueBase + index, type: nil, at: value.mark) }
        for (index, indicator) in rules.indicators.enumerated() {
            declare(indicator.id, .indicator, slot: layout.indicatorBase + index, type: nil, at: indicator.mark)
        }
        for (index, score) in rules.scores.enumerated() { declare(score.id, .score, slot: layout.scoreBase + index, type: nil, at: score.mark) }
        environment.categories = rules.categories.map(\.id)
        environment.strengths = rules.strengths.map(\.id)
        var tags: [String] = []
        for indicator in rules.indicators {
            for tag in indicator.tags where !tags.contains(tag) { tags.append(tag) }
        }
        environment.tags = tags
        environment.indicators = rules.indicators.enumerated().map { index, indicator in
            .init(
                id: indicator.id, slot: layout.indicatorBase + index, category: indicator.category, strength: indicator.strength,
                tags: indicator.tags, weight: indicator.weight)
        }
    }

    private mutating func compileTable(_ table: DataTable) -> CompileEnvironment.Table {
        let columns = table.columns.isEmpty ? [""] : table.columns
        var cells: [String: [Int32: Value]] = [:]
        var defaults: [String: Value] = [:]
        var types: [String: ExprType] = [:]
        for column in columns {
            var numbers = 0
            var texts: Set<String> = []
            var columnCells: [Int32: Value] = [:]
            var all = table.rows
            if let defaultRow = table.defaultRow { all.append(defaultRow) }
            for row in all {
                guard let cell = row.cells[column] else { continue }
                let value: Value
                switch cell {
                case .number(let x):
                    numbers += 1
                    value = .number(x)
                case .text(let text):
                    texts.insert(text)
                    value = .symbol(symbols.intern(text))
                }
                if row.key == "default" && table.defaultRow != nil && row.mark == table.defaultRow?.mark {
                    defaults[column] = value
                } else {
                    columnCells[symbols.intern(row.key)] = value
                }
            }
            cells[column] = columnCells
            if texts.isEmpty {
                types[column] = .number
            } else if numbers == 0 {
                types[column] = .symbol(texts)
            }
        }
        return .init(
            id: table.id, columns: table.columns, cells: cells, defaults: defaults, rowKeys: Set(table.rows.map(\.key)),
            columnTypes: types)
    }

    // MARK: Expressions

    private func report(_ error: ExpressionError, in source: ExpressionSource, context: String) -> Diagnostic {
        Diagnostic(.error, error.code, "\(error.message) (in \(context))", at: source.mark(atOffset: error.offset))
    }

    /// The names an expression refers to (with offsets) and the indicators its aggregates count.
    private func references(in expr: Expr) -> [(slot: Int, offset: Int)] {
        var out: [(Int, Int)] = []
        var stack = [expr]
        while let node = stack.popLast() {
            switch node {
            case .name(let name, let at):
                if let slot = slotOf[name], slot >= 0 { out.append((slot, at)) }
            case .list(let items, _):
                stack.append(contentsOf: items)
            case .unary(_, let inner, _):
                stack.append(inner)
            case .binary(_, let lhs, let rhs, _):
                stack.append(lhs)
                stack.append(rhs)
            case .call(let name, let arguments, let at):
                if let builtin = Builtin(rawValue: name), [.count, .countPossible, .atLeast, .weightSum].contains(builtin) {
                    var filters: [String: String] = [:]
                    for argument in arguments {
                        if let label = argument.label, case .string(let value, _) = argument.value { filters[label] = value }
                    }
                    for info in environment.indicators
                    where (filters["category"].map { info.category == $0 } ?? true)
                        && (filters["strength"].map { info.strength == $0 } ?? true)
                        && (filters["tag"].map { info.tags.contains($0) } ?? true)
                    {
                        out.append((info.slot, at))
                    }
                } else {
                    stack.append(contentsOf: arguments.map(\.value))
                }
            case .number, .string, .bool:
                break
            }
        }
        return out
    }

    /// The expression behind a derived slot (a value, indicator or score: only those are visited).
    private func source(ofSlot slot: Int) -> (ExpressionSource, String, SourceMark) {
        switch layout.kind(of: slot) {
        case .score(let index):
            let score = rules.scores[index]
            return (score.expression, "score '\(score.id)'", score.mark)
        case .indicator(let index):
            let indicator = rules.indicators[index]
            return (indicator.condition, "indicator '\(indicator.id)'", indicator.mark)
        default:
            let value = rules.values[slot - layout.valueBase]
            return (value.expression, "value '\(value.id)'", value.mark)
        }
    }

    private func name(ofSlot slot: Int) -> String {
        switch layout.kind(of: slot) {
        case .question(let index), .rawAnswer(let index): return questionnaire.questions[index].id
        case .value(let index): return rules.values[index].id
        case .indicator(let index): return rules.indicators[index].id
        case .score(let index): return rules.scores[index].id
        case .outcome: return "outcome"
        }
    }

    /// Compiles a derived slot after everything it depends on (depth-first; a cycle is an error).
    private mutating func visit(_ slot: Int, from: (ExpressionSource, Int, String)?) {
        switch state[slot] {
        case .done?, .failed?:
            return
        case .visiting?:
            if let (source, offset, context) = from {
                bag.append(
                    Diagnostic(
                        .error, .cycle, "'\(name(ofSlot: slot))' depends on itself through \(context) (a cycle)",
                        at: source.mark(atOffset: offset)))
            }
            return
        case nil:
            break
        }
        state[slot] = .visiting
        let (source, context, _) = self.source(ofSlot: slot)
        let expr: Expr
        do {
            expr = try Parser.parse(source.text)
        } catch {
            bag.append(report(error, in: source, context: context))
            state[slot] = .failed
            return
        }
        var deps: Set<Int> = []
        var dependencyFailed = false
        for (dependency, offset) in references(in: expr) {
            if layout.isQuestion(dependency) {
                deps.formUnion(questionClosure(dependency))
                continue
            }
            visit(dependency, from: (source, offset, context))
            if state[dependency] != .done { dependencyFailed = true }
            deps.formUnion(questionDeps[dependency] ?? [])
        }
        guard !dependencyFailed else {
            state[slot] = .failed
            return
        }
        var compiler = ExpressionCompiler(environment: environment, symbols: symbols)
        do throws(ExpressionError) {
            let typed = try compiler.compile(expr)
            symbols = compiler.symbols
            let kind: CompileEnvironment.Name.Kind
            if case .score = layout.kind(of: slot) {
                kind = .score
                guard typed.type == .number else {
                    throw ExpressionError(.exprType, "a score must be a number, but this is \(typed.type.name)", at: 0)
                }
            } else if case .indicator = layout.kind(of: slot) {
                kind = .indicator
                guard typed.type == .bool else {
                    throw ExpressionError(.exprType, "an indicator's 'when' must be a yes/no condition, but this is \(typed.type.name)", at: 0)
                }
            } else {
                kind = .value
                if case .list = typed.type {
                    throw ExpressionError(.exprType, "a value cannot be a list", at: 0)
                }
            }
            environment.names[name(ofSlot: slot)] = .init(kind: kind, slot: slot, type: typed.type)
            expressions[slot] = typed
            program.append(.init(slot: slot, evaluate: typed.evaluate))
            questionDeps[slot] = deps
            state[slot] = .done
        } catch {
            bag.append(report(error, in: source, context: context))
            state[slot] = .failed
        }
    }

    /// A question plus the questions its skip logic depends on.
    private mutating func questionClosure(_ question: Int) -> Set<Int> {
        referenced.insert(question)
        return questionDeps[question] ?? [question]
    }

    /// Compiles a boolean condition that is not itself a slot (skip logic, outcomes, recommendations).
    private mutating func compileCondition(_ source: ExpressionSource, context: String, environment env: CompileEnvironment) -> (
        CompiledPack.Condition, Set<Int>
    )? {
        do throws(ExpressionError) {
            let expr = try Parser.parse(source.text)
            var deps: Set<Int> = []
            for (slot, _) in references(in: expr) {
                if layout.isQuestion(slot) {
                    deps.formUnion(questionClosure(slot))
                } else {
                    guard state[slot] == .done else { return nil }
                    deps.formUnion(questionDeps[slot] ?? [])
                }
            }
            var compiler = ExpressionCompiler(environment: env, symbols: symbols)
            let typed = try compiler.compile(expr)
            symbols = compiler.symbols
            guard typed.type == .bool else {
                throw ExpressionError(.exprType, "this must be a yes/no condition, but it is \(typed.type.name)", at: 0)
            }
            return (CompiledPack.Condition(evaluate: typed.evaluate), deps)
        } catch {
            bag.append(report(error, in: source, context: context))
            return nil
        }
    }

    private mutating func compileSkipLogic() -> [(section: CompiledPack.Condition?, question: CompiledPack.Condition?)] {
        var result: [(section: CompiledPack.Condition?, question: CompiledPack.Condition?)] = []
        var questionNames = environment
        questionNames.names = environment.names.filter { $0.value.kind == .question || $0.value.kind == .table }
        for section in questionnaire.sections {
            var sectionCondition: CompiledPack.Condition?
            var sectionDeps: Set<Int> = []
            let firstIndex = section.questionIDs.first.flatMap { id in questionnaire.questions.firstIndex { $0.id == id } } ?? 0
            if let showIf = section.showIf {
                var env = questionNames
                env.questionLimit = firstIndex
                if let (evaluate, deps) = compileCondition(showIf, context: "show_if of section '\(section.id)'", environment: env) {
                    sectionCondition = evaluate
                    sectionDeps = deps
                }
            }
            for id in section.questionIDs {
                guard let index = questionnaire.questions.firstIndex(where: { $0.id == id }) else { continue }
                let question = questionnaire.questions[index]
                var condition: CompiledPack.Condition?
                var deps = sectionDeps
                if let showIf = question.showIf {
                    var env = questionNames
                    env.questionLimit = index
                    if let (evaluate, questionDeps) = compileCondition(showIf, context: "show_if of question '\(id)'", environment: env) {
                        condition = evaluate
                        deps.formUnion(questionDeps)
                    }
                }
                deps.insert(index)
                questionDeps[index] = deps
                result.append((sectionCondition, condition))
            }
        }
        return result
    }

    private mutating func compileOutcomes() -> ([CompiledPack.Condition?], [Set<Int>]) {
        var conditions: [CompiledPack.Condition?] = []
        var deps: [Set<Int>] = []
        for (index, band) in rules.outcomes.enumerated() {
            let isLast = index == rules.outcomes.count - 1
            guard let condition = band.condition else {
                if !isLast {
                    bag.error(
                        .outcomeShadowed,
                        "outcome '\(band.id)' has no 'when', so it always matches and the outcomes after it can never be reached",
                        at: band.mark)
                }
                conditions.append(nil)
                deps.append([])
                continue
            }
            if isLast {
                bag.error(
                    .noFallbackOutcome,
                    "the last outcome must have no 'when', so that every case gets an outcome; '\(band.id)' has one",
                    at: band.mark)
            }
            let compiled = compileCondition(condition, context: "outcome '\(band.id)'", environment: environment)
            conditions.append(compiled?.0)
            deps.append(compiled?.1 ?? [])
        }
        return (conditions, deps)
    }

    private mutating func compileRecommendations() -> ([CompiledPack.Condition?], [Set<Int>]) {
        var env = environment
        env.outcomeIDs = rules.outcomes.map(\.id)
        env.outcomeSlot = layout.outcomeSlot
        var conditions: [CompiledPack.Condition?] = []
        var deps: [Set<Int>] = []
        for recommendation in rules.recommendations {
            guard let condition = recommendation.condition else {
                conditions.append(nil)
                deps.append([])
                continue
            }
            let compiled = compileCondition(condition, context: "recommendation '\(recommendation.id)'", environment: env)
            conditions.append(compiled?.0)
            deps.append(compiled?.1 ?? [])
        }
        return (conditions, deps)
    }

    /// Compiles each recommendation's `services_from`: text from a known set (normally a table
    /// column keyed by an answer) where every possible value is a service id, or empty for none.
    private mutating func compileRecommendationServices(_ deps: inout [Set<Int>]) -> [Evaluator?] {
        var known: Set<String> = [""]
        for directory in directories {
            for service in directory.services { known.insert(service.id) }
        }
        var env = environment
        env.outcomeIDs = rules.outcomes.map(\.id)
        env.outcomeSlot = layout.outcomeSlot
        var out: [Evaluator?] = []
        for (index, recommendation) in rules.recommendations.enumerated() {
            guard let source = recommendation.servicesFrom else {
                out.append(nil)
                continue
            }
            let context = "services_from of recommendation '\(recommendation.id)'"
            do throws(ExpressionError) {
                let expr = try Parser.parse(source.text)
                for (slot, _) in references(in: expr) {
                    if layout.isQuestion(slot) {
                        deps[index].formUnion(questionClosure(slot))
                    } else {
                        guard state[slot] == .done else { throw ExpressionError(.exprType, "it uses a value that did not compile", at: 0) }
                        deps[index].formUnion(questionDeps[slot] ?? [])
                    }
                }
                var compiler = ExpressionCompiler(environment: env, symbols: symbols)
                let typed = try compiler.compile(expr)
                symbols = compiler.symbols
                guard case .symbol(let domain?) = typed.type else {
                    throw ExpressionError(
                        .exprType,
                        "services_from must name services from a fixed set, such as a table column of service ids, but this is \(typed.type.name)",
                        at: 0)
                }
                for id in domain.sorted() where !known.contains(id) {
                    throw ExpressionError(
                        .unknownService,
                        "services_from can give '\(id)', which is in none of the pack's services directories\(Spelling.hint(for: id, among: Array(known)))",
                        at: 0)
                }
                out.append(typed.evaluate)
            } catch {
                bag.append(report(error, in: source, context: context))
                out.append(nil)
            }
        }
        return out
    }

    private mutating func checkServices() {
        var known: Set<String> = []
        for directory in directories {
            for service in directory.services { known.insert(service.id) }
        }
        for recommendation in rules.recommendations {
            for service in recommendation.services where !known.contains(service) {
                bag.error(
                    .unknownService,
                    "recommendation '\(recommendation.id)' names service '\(service)', which is in none of the pack's services directories\(Spelling.hint(for: service, among: Array(known)))",
                    at: recommendation.mark)
            }
        }
    }
}
