/// Type-checks an ``Expr`` against the pack and compiles it to closures over evaluation slots.
struct ExpressionCompiler {
    let environment: CompileEnvironment
    var symbols: SymbolTable

    typealias Error = ExpressionError

    mutating func compile(_ expr: Expr) throws(ExpressionError) -> TypedExpr {
        switch expr {
        case .number(let value, let at):
            return constant(.number(value), .number, at)
        case .bool(let value, let at):
            return constant(.bool(value), .bool, at)
        case .string(let text, let at):
            return constant(.symbol(symbols.intern(text)), .symbol([text]), at)
        case .list(let items, let at):
            let typed = try items.map { (item) throws(ExpressionError) in try compile(item) }
            // Every item must be a fixed value of the first item's type (`unify` throws otherwise);
            // the list itself is typed `.list`, and `in` checks it against its left side.
            var elementType: ExprType?
            for item in typed {
                guard case .literal = item.node else {
                    throw Error(.exprType, "lists may only hold fixed values (text, numbers, true/false)", at: item.offset)
                }
                if let previous = elementType {
                    elementType = try unify(previous, item.type, at: item.offset)
                } else {
                    elementType = item.type
                }
            }
            return TypedExpr(node: .other, type: .list, offset: at, children: typed, evaluate: { _ in .missing(.unanswered) })
        case .name(let name, let at):
            return try compileName(name, at: at)
        case .unary(let op, let operand, let at):
            let inner = try compile(operand)
            if op == .not {
                try require(inner, .bool, "'not' needs a yes/no condition")
                let f = inner.evaluate
                return TypedExpr(node: .not, type: .bool, offset: at, children: [inner], evaluate: { Logic.not(f($0)) })
            }
            try require(inner, .number, "'-' needs a number")
            let f = inner.evaluate
            return TypedExpr(node: .other, type: .number, offset: at, children: [inner]) { slots in
                if case .number(let x) = f(slots) { return .number(-x) }
                return f(slots)
            }
        case .binary(let op, let lhs, let rhs, let at):
            return try compileBinary(op, lhs, rhs, at: at)
        case .call(let name, let arguments, let at):
            return try compileCall(name, arguments, at: at)
        }
    }

    private func constant(_ value: Value, _ type: ExprType, _ at: Int) -> TypedExpr {
        TypedExpr(node: .literal(value), type: type, offset: at, children: [], evaluate: { _ in value })
    }

    private func require(_ expr: TypedExpr, _ type: ExprType, _ message: String) throws(ExpressionError) {
        guard expr.type == type else {
            throw Error(.exprType, "\(message), but this is \(expr.type.name)", at: expr.offset)
        }
    }

    // MARK: Names

    private func compileName(_ name: String, at: Int) throws(ExpressionError) -> TypedExpr {
        if name == "outcome" {
            guard let ids = environment.outcomeIDs else {
                throw Error(.exprScope, "'outcome' can only be used in recommendations", at: at)
            }
            let slot = environment.outcomeSlot
            return TypedExpr(node: .slot(slot), type: .symbol(Set(ids)), offset: at, children: [], evaluate: { $0[slot] })
        }
        guard let info = environment.names[name] else {
            if Builtin(rawValue: name) != nil {
                throw Error(.exprSyntax, "'\(name)' is a function; call it with brackets: \(Builtin(rawValue: name)?.usage ?? name)", at: at)
            }
            let candidates = Array(environment.names.keys)
            throw Error(.unknownName, "unknown name '\(name)'\(Spelling.hint(for: name, among: candidates))", at: at)
        }
        let slot = info.slot
        switch info.kind {
        case .table:
            throw Error(.exprType, "'\(name)' is a table; read it with lookup(\(name), key)", at: at)
        case .question:
            if let limit = environment.questionLimit, slot >= limit {
                throw Error(
                    .laterQuestion, "skip logic can only refer to earlier questions, and '\(name)' comes later (or is this question)", at: at)
            }
            return TypedExpr(node: .question(slot), type: info.type, offset: at, children: [], evaluate: { $0[slot] })
        case .value, .indicator, .score:
            return TypedExpr(node: .slot(slot), type: info.type, offset: at, children: [], evaluate: { $0[slot] })
        }
    }

    // MARK: Operators

    /// - Parameter chainRoot: False for a node inside a chain of its own operator (`a or b` within
    ///   `a or b or c`): the chain's root alone gets the closure over all the operands.
    private mutating func compileBinary(
        _ op: Expr.BinaryOperator, _ lhs: Expr, _ rhs: Expr, at: Int, chainRoot: Bool = true
    ) throws(ExpressionError) -> TypedExpr {
        var left = try compileOperand(lhs, of: op)
        var right = try compileOperand(rhs, of: op)
        switch op {
        case .in:
            return try compileIn(lhs, rhs, at: at)
        case .and, .or:
            try require(left, .bool, "'\(op)' joins yes/no conditions")
            try require(right, .bool, "'\(op)' joins yes/no conditions")
            let l = left.evaluate
            let r = right.evaluate
            // A chain (`a or b or c …`) is evaluated by one closure over all its operands, left to
            // right: the same result and the same short cut as the nested pairs the tree keeps for
            // explanations (Kleene `and`/`or` are associative), without a call per level.
            // Only the chain's root builds it, so a chain of n operands holds n boxes, not n²/2.
            let node: TypedExpr.Node = op == .and ? .and : .or
            let chain = chainRoot ? Self.chainOperands(of: left, node) + Self.chainOperands(of: right, node) : []
            if chain.count > 2 {
                // The operands are boxed and called unretained, as the pack's steps are
                // (``CompiledPack/StepBox``): a closure copied out of an array costs a retain and a
                // release. (Boxed straight from the nodes: a closure kept in an array of closures is
                // wrapped in a conversion thunk, one more call each time.)
                let boxes = chain.map { CompiledPack.StepBox(slot: -1, evaluate: $0.evaluate) }
                return TypedExpr(node: node, type: .bool, offset: at, children: [left, right], evaluate: Self.chain(boxes, stopsAt: op == .or))
            }
            if op == .and {
                return TypedExpr(node: .and, type: .bool, offset: at, children: [left, right]) { slots in
                    let a = l(slots)
                    if case .bool(false) = a { return a }
                    return Logic.and(a, r(slots))
                }
            }
            return TypedExpr(node: .or, type: .bool, offset: at, children: [left, right]) { slots in
                let a = l(slots)
                if case .bool(true) = a { return a }
                return Logic.or(a, r(slots))
            }
        case .equal, .notEqual:
            try coerceForComparison(&left, &right, at: at)
            let l = left.evaluate
            let r = right.evaluate
            let negate = op == .notEqual
            // Comparing a question with a fixed value is by far the commonest case: read the slot directly.
            if case .symbol(let symbol)? = right.literalValue, case .question(let slot) = left.node {
                // A choice compared with one of its ids: an integer comparison.
                return TypedExpr(node: .other, type: .bool, offset: at, children: [left, right]) { slots in
                    switch slots[slot] {
                    case .symbol(let answer): return .bool((answer == symbol) != negate)
                    case .missing(let reason): return .missing(reason)
                    default: return .bool(negate)
                    }
                }
            }
            if let constant = right.literalValue, case .question(let slot) = left.node {
                return TypedExpr(node: .other, type: .bool, offset: at, children: [left, right]) { slots in
                    let a = slots[slot]
                    if case .missing = a { return a }
                    return .bool((a == constant) != negate)
                }
            }
            if let constant = right.literalValue {
                return TypedExpr(node: .other, type: .bool, offset: at, children: [left, right]) { slots in
                    let a = l(slots)
                    if case .missing = a { return a }
                    return .bool((a == constant) != negate)
                }
            }
            return TypedExpr(node: .other, type: .bool, offset: at, children: [left, right]) { slots in
                let result = Logic.equal(l(slots), r(slots))
                return negate ? Logic.not(result) : result
            }
        case .less, .lessOrEqual, .greater, .greaterOrEqual:
            try coerceDates(&left, &right)
            guard left.type == right.type, left.type == .number || left.type == .date else {
                throw Error(.exprType, "'\(op)' compares two numbers or two dates, not \(left.type.name) and \(right.type.name)", at: at)
            }
            let l = left.evaluate
            let r = right.evaluate
            let compare: @Sendable (Double, Double) -> Bool
            switch op {
            case .less: compare = { $0 < $1 }
            case .lessOrEqual: compare = { $0 <= $1 }
            case .greater: compare = { $0 > $1 }
            default: compare = { $0 >= $1 }
            }
            // The commonest comparisons, a question or a count of indicators against a fixed
            // number, each compiled for its operator (no call to `compare` per case).
            if case .number(let bound)? = right.literalValue, case .question(let slot) = left.node {
                let evaluate: Evaluator
                switch op {
                case .less: evaluate = Self.questionBound(slot, bound, Less.self)
                case .lessOrEqual: evaluate = Self.questionBound(slot, bound, LessOrEqual.self)
                case .greater: evaluate = Self.questionBound(slot, bound, Greater.self)
                default: evaluate = Self.questionBound(slot, bound, GreaterOrEqual.self)
                }
                return TypedExpr(node: .other, type: .bool, offset: at, children: [left, right], evaluate: evaluate)
            }
            if case .number(let bound)? = right.literalValue, case .indicators(let counted) = left.node,
                case .call(Builtin.count.rawValue, _, _) = lhs
            {
                let evaluate: Evaluator
                switch op {
                case .less: evaluate = Self.countBound(counted, bound, Less.self)
                case .lessOrEqual: evaluate = Self.countBound(counted, bound, LessOrEqual.self)
                case .greater: evaluate = Self.countBound(counted, bound, Greater.self)
                default: evaluate = Self.countBound(counted, bound, GreaterOrEqual.self)
                }
                return TypedExpr(node: .other, type: .bool, offset: at, children: [left, right], evaluate: evaluate)
            }
            if case .number(let bound)? = right.literalValue {
                return TypedExpr(node: .other, type: .bool, offset: at, children: [left, right]) { slots in
                    let a = l(slots)
                    if case .number(let x) = a { return .bool(compare(x, bound)) }
                    return Logic.order(a, .number(bound), compare)
                }
            }
            return TypedExpr(node: .other, type: .bool, offset: at, children: [left, right]) { slots in
                Logic.order(l(slots), r(slots), compare)
            }
        case .add, .subtract, .multiply, .divide:
            try require(left, .number, "'\(op)' needs numbers")
            try require(right, .number, "'\(op)' needs numbers")
            let l = left.evaluate
            let r = right.evaluate
            let operation: @Sendable (Double, Double) -> Double
            switch op {
            case .add: operation = { $0 + $1 }
            case .subtract: operation = { $0 - $1 }
            case .multiply: operation = { $0 * $1 }
            default: operation = { $0 / $1 }
            }
            return TypedExpr(node: .other, type: .number, offset: at, children: [left, right]) { slots in
                Logic.arithmetic(l(slots), r(slots), operation)
            }
        }
    }

    /// One closure over a chain's boxed operands, left to right: `and` stops at the first false and
    /// `or` at the first true; otherwise the operands combined as ``Logic/and(_:_:)`` or
    /// ``Logic/or(_:_:)`` combine them (missing if any is, with the reason that calls for asking).
    private static func chain(_ boxes: [CompiledPack.StepBox], stopsAt stop: Bool) -> Evaluator {
        let operands = boxes.map { Unmanaged.passUnretained($0) }
        return { slots in
            withExtendedLifetime(boxes) {}
            return operands.withUnsafeBufferPointer { operands in
                var result = Value.bool(!stop)
                for operand in operands {
                    let a = operand._withUnsafeGuaranteedRef { $0.evaluate(slots) }
                    if case .bool(stop) = a { return a }
                    result = stop ? Logic.or(result, a) : Logic.and(result, a)
                }
                return result
            }
        }
    }

    /// An operand of `op`: a node of the same `and`/`or` chain is compiled as part of the chain.
    private mutating func compileOperand(_ expr: Expr, of op: Expr.BinaryOperator) throws(ExpressionError) -> TypedExpr {
        if op == .and || op == .or, case .binary(let inner, let lhs, let rhs, let at) = expr, inner == op {
            return try compileBinary(inner, lhs, rhs, at: at, chainRoot: false)
        }
        return try compile(expr)
    }

    /// The operands of a chain of one operator (`a and b and c`, however bracketed), left to right.
    private static func chainOperands(of expr: TypedExpr, _ node: TypedExpr.Node) -> [TypedExpr] {
        switch (expr.node, node) {
        case (.and, .and), (.or, .or): return expr.children.flatMap { chainOperands(of: $0, node) }
        default: return [expr]
        }
    }

    /// `question <op> number`: as ``Logic/order(_:_:_:)`` with the bound, the operator inlined.
    private static func questionBound<Op: NumberComparison>(_ slot: Int, _ bound: Double, _: Op.Type) -> Evaluator {
        { slots in
            let a = slots[slot]
            if case .number(let x) = a { return .bool(Op.holds(x, bound)) }
            return Logic.order(a, .number(bound), Op.holds)
        }
    }

    /// `count(…) <op> number`: the count (never missing) compared in the same closure.
    private static func countBound<Op: NumberComparison>(_ counted: [Int], _ bound: Double, _: Op.Type) -> Evaluator {
        { values in .bool(Op.holds(Double(present(counted, values)), bound)) }
    }

    /// How many of the indicator slots hold a definite true: what `count(…)` counts.
    @inline(__always)
    private static func present(_ counted: [Int], _ values: UnsafePointer<Value>) -> Int {
        counted.withUnsafeBufferPointer { counted in
            var n = 0
            for slot in counted where values[slot].isTrue { n &+= 1 }
            return n
        }
    }

    /// Makes the two sides of `==` comparable, rewriting `'yes'`/`'no'` against a yes/no answer to booleans
    /// and checking that text compared with a choice answer is one of its choices.
    private mutating func coerceForComparison(_ left: inout TypedExpr, _ right: inout TypedExpr, at: Int) throws(ExpressionError) {
        try coerceDates(&left, &right)
        for side in [left, right] {
            if case .choices = side.type {
                throw Error(.exprType, "a multiple-choice answer cannot be compared with ==; use 'choice' in question", at: side.offset)
            }
            if side.type == .text {
                throw Error(.exprType, "free-text answers cannot be compared; use answered(...)", at: side.offset)
            }
        }
        if left.type == .bool, case .symbol = right.type { right = try yesNoLiteral(right, against: left) }
        if right.type == .bool, case .symbol = left.type { left = try yesNoLiteral(left, against: right) }
        _ = try unify(left.type, right.type, at: at, left: left, right: right)
    }

    private func yesNoLiteral(_ literal: TypedExpr, against other: TypedExpr) throws(ExpressionError) -> TypedExpr {
        guard case .literal = literal.node, case .symbol(let domain?) = literal.type, domain.count == 1, let text = domain.first,
            text == "yes" || text == "no"
        else {
            throw Error(.exprType, "a yes/no answer can only be compared with 'yes', 'no', true or false", at: literal.offset)
        }
        return constant(.bool(text == "yes"), .bool, literal.offset)
    }

    private func coerceDates(_ left: inout TypedExpr, _ right: inout TypedExpr) throws(ExpressionError) {
        if left.type == .date, let converted = try dateLiteral(right) { right = converted }
        if right.type == .date, let converted = try dateLiteral(left) { left = converted }
    }

    private func dateLiteral(_ expr: TypedExpr) throws(ExpressionError) -> TypedExpr? {
        guard case .literal = expr.node, case .symbol(let domain?) = expr.type, let text = domain.first else { return nil }
        guard let days = CalendarDate.days(fromISO: text) else {
            throw Error(.exprType, "'\(text)' is not a date written YYYY-MM-DD", at: expr.offset)
        }
        return constant(.date(days), .date, expr.offset)
    }

    /// The common type of two operands, or an error naming both.
    @discardableResult
    private func unify(_ a: ExprType, _ b: ExprType, at: Int, left: TypedExpr? = nil, right: TypedExpr? = nil) throws(ExpressionError) -> ExprType {
        switch (a, b) {
        case (.symbol(let x), .symbol(let y)):
            guard let x, let y else { return .symbol(nil) }
            // A fixed text compared with a choice answer must be one of the choices.
            if let left, let right {
                for (literal, other) in [(right, left), (left, right)] {
                    if case .literal = literal.node, case .symbol(let lit?) = literal.type, let text = lit.first,
                        case .symbol(let domain?) = other.type, !domain.contains(text)
                    {
                        if case .literal = other.node { break }
                        throw Error(
                            .unknownChoice,
                            "'\(text)' is not one of the possible values here (\(domain.sorted().joined(separator: ", ")))\(Spelling.hint(for: text, among: Array(domain)))",
                            at: literal.offset)
                    }
                }
            }
            return .symbol(x.union(y))
        case (.bool, .bool), (.number, .number), (.date, .date):
            return a
        default:
            throw Error(.exprType, "cannot compare \(a.name) with \(b.name)", at: at)
        }
    }

    private mutating func compileIn(_ lhs: Expr, _ rhs: Expr, at: Int) throws(ExpressionError) -> TypedExpr {
        let left = try compile(lhs)
        let right = try compile(rhs)
        if case .choices(let question) = right.type {
            guard case .literal = left.node, case .symbol(let domain?) = left.type, let text = domain.first else {
                throw Error(
                    .exprType, "write the choice as fixed text before 'in', e.g. 'choice' in \(environment.questions[question].id)", at: left.offset
                )
            }
            let choices = environment.questions[question].kind.choices
            guard let index = choices.firstIndex(where: { $0.id == text }) else {
                throw Error(
                    .unknownChoice,
                    "'\(text)' is not one of the choices of '\(environment.questions[question].id)' (\(choices.map(\.id).joined(separator: ", ")))\(Spelling.hint(for: text, among: choices.map(\.id)))",
                    at: left.offset)
            }
            let mask = UInt64(1) << UInt64(index)
            let r = right.evaluate
            return TypedExpr(node: .other, type: .bool, offset: at, children: [left, right]) { slots in
                switch r(slots) {
                case .choices(let bits): return .bool(bits & mask != 0)
                case .missing(let reason): return .missing(reason)
                default: return .missing(.unanswered)
                }
            }
        }
        guard case .list = right.type else {
            throw Error(.exprType, "'in' needs a list like ['a', 'b'] or a multiple-choice question after it", at: right.offset)
        }
        var items: [Value] = []
        var element = left
        for var item in right.children {
            var probe = left
            try coerceForComparison(&probe, &item, at: item.offset)
            element = probe
            guard let value = item.literalValue else {
                throw Error(.exprType, "lists may only hold fixed values", at: item.offset)
            }
            items.append(value)
        }
        let l = element.evaluate
        let members = items
        if case .question(let slot) = element.node, items.allSatisfy({ if case .symbol = $0 { return true } else { return false } }) {
            let symbols: [Int32] = items.compactMap { if case .symbol(let s) = $0 { return s } else { return nil } }
            return TypedExpr(node: .other, type: .bool, offset: at, children: [element, right]) { slots in
                switch slots[slot] {
                case .symbol(let s):
                    // A plain loop: the generic `contains` is not specialised inside the closure.
                    return symbols.withUnsafeBufferPointer { symbols in
                        for symbol in symbols where symbol == s { return .bool(true) }
                        return .bool(false)
                    }
                case .missing(let reason): return .missing(reason)
                default: return .bool(false)
                }
            }
        }
        return TypedExpr(node: .other, type: .bool, offset: at, children: [element, right]) { slots in
            let value = l(slots)
            if case .missing = value { return value }
            return .bool(members.contains(value))
        }
    }

    // MARK: Functions

    private mutating func compileCall(_ name: String, _ arguments: [Expr.Argument], at: Int) throws(ExpressionError) -> TypedExpr {
        guard let builtin = Builtin(rawValue: name) else {
            throw Error(
                .unknownFunction,
                "unknown function '\(name)'\(Spelling.hint(for: name, among: Builtin.identifiers))",
                at: at)
        }
        switch builtin {
        case .count, .countPossible, .atLeast, .weightSum:
            return try compileIndicatorAggregate(builtin, arguments, at: at)
        case .lookup:
            return try compileLookup(arguments, at: at)
        default:
            break
        }
        if let labelled = arguments.first(where: { $0.label != nil }) {
            throw Error(.exprSyntax, "\(name)() takes no named arguments; usage: \(builtin.usage)", at: labelled.offset)
        }
        let args = try arguments.map { (argument) throws(ExpressionError) in try compile(argument.value) }
        func arity(_ range: ClosedRange<Int>) throws(ExpressionError) {
            guard range.contains(args.count) else {
                throw Error(.exprArity, "\(name)() was given \(args.count) argument(s); usage: \(builtin.usage)", at: at)
            }
        }
        let functions = args.map(\.evaluate)
        switch builtin {
        case .ignoredAnswer:
            try arity(1...1)
            guard case .question(let slot) = args[0].node, environment.rawAnswerBase >= 0 else {
                throw Error(.exprType, "ignored_answer() needs a question id; usage: \(builtin.usage)", at: arguments[0].offset)
            }
            let raw = environment.rawAnswerBase + slot
            // The answer given although skip logic hid the question; "not asked" otherwise.
            return TypedExpr(node: .other, type: args[0].type, offset: at, children: args) { slots in
                guard case .missing(.notAsked) = slots[slot] else { return .missing(.notAsked) }
                let given = slots[raw]
                return given.isMissing ? .missing(.notAsked) : given
            }
        case .answered, .notKnown, .asked, .countSelected:
            try arity(1...1)
            guard case .question(let slot) = args[0].node else {
                throw Error(.exprType, "\(name)() needs a question id; usage: \(builtin.usage)", at: arguments[0].offset)
            }
            let test: @Sendable (Value) -> Value
            switch builtin {
            case .answered: test = { .bool(!$0.isMissing) }
            case .notKnown: test = { .bool($0 == .missing(.notKnown)) }
            case .asked: test = { .bool($0 != .missing(.notAsked)) }
            default:
                guard case .choices = args[0].type else {
                    throw Error(.exprType, "count_selected() needs a multiple-choice question", at: args[0].offset)
                }
                test = { value in
                    if case .choices(let bits) = value { return .number(Double(bits.nonzeroBitCount)) }
                    return value
                }
            }
            return TypedExpr(node: .other, type: builtin == .countSelected ? .number : .bool, offset: at, children: args) { test($0[slot]) }
        case .coalesce:
            try arity(2...2)
            var fallback = args[1]
            var value = args[0]
            try coerceForComparison(&value, &fallback, at: at)
            let f = value.evaluate
            let g = fallback.evaluate
            return TypedExpr(node: .other, type: value.type, offset: at, children: [value, fallback]) { slots in
                let v = f(slots)
                if case .missing = v { return g(slots) }
                return v
            }
        case .any, .all:
            try arity(1...1000)
            for arg in args { try require(arg, .bool, "\(name)() takes yes/no conditions") }
            let isAll = builtin == .all
            return TypedExpr(node: isAll ? .and : .or, type: .bool, offset: at, children: args) { slots in
                var result = Value.bool(isAll)
                for f in functions {
                    result = isAll ? Logic.and(result, f(slots)) : Logic.or(result, f(slots))
                    if result == .bool(!isAll) { return result }
                }
                return result
            }
        case .min, .max:
            try arity(1...1000)
            for arg in args { try require(arg, .number, "\(name)() takes numbers") }
            let isMin = builtin == .min
            return TypedExpr(node: .other, type: .number, offset: at, children: args) { slots in
                var best: Double?
                for f in functions {
                    guard case .number(let x) = f(slots) else { return f(slots) }
                    best = best.map { isMin ? Swift.min($0, x) : Swift.max($0, x) } ?? x
                }
                return best.map(Value.number) ?? .missing(.unanswered)
            }
        case .round:
            try arity(1...2)
            for arg in args { try require(arg, .number, "round() takes numbers") }
            var digits = 0.0
            if args.count == 2 {
                guard case .number(let d)? = args[1].literalValue,
                    d == d.rounded(), d >= 0, d <= 10
                else {
                    throw Error(.exprType, "the digits of round() must be a whole number from 0 to 10", at: args[1].offset)
                }
                digits = d
            }
            let scale = pow10(Int(digits))
            let f = functions[0]
            return TypedExpr(node: .other, type: .number, offset: at, children: args) { slots in
                guard case .number(let x) = f(slots) else { return f(slots) }
                return .number((x * scale).rounded(.toNearestOrAwayFromZero) / scale)
            }
        case .clamp:
            try arity(3...3)
            for arg in args { try require(arg, .number, "clamp() takes numbers") }
            return TypedExpr(node: .other, type: .number, offset: at, children: args) { slots in
                let x = functions[0](slots)
                let lo = functions[1](slots)
                let hi = functions[2](slots)
                guard case .number(let v) = x, case .number(let l) = lo, case .number(let h) = hi else {
                    return Logic.combineMissing(Logic.combineMissing(x, lo), hi)
                }
                return .number(Swift.min(Swift.max(v, l), h))
            }
        case .abs:
            try arity(1...1)
            try require(args[0], .number, "abs() takes a number")
            let f = functions[0]
            return TypedExpr(node: .other, type: .number, offset: at, children: args) { slots in
                guard case .number(let x) = f(slots) else { return f(slots) }
                return .number(Swift.abs(x))
            }
        case .if:
            guard args.count >= 3, args.count % 2 == 1 else {
                throw Error(.exprArity, "if() needs condition/value pairs and a final value; usage: \(builtin.usage)", at: at)
            }
            var resultType = args[1].type
            var index = 0
            while index + 1 < args.count {
                try require(args[index], .bool, "each condition of if() must be yes/no")
                resultType = try unify(resultType, args[index + 1].type, at: args[index + 1].offset)
                index += 2
            }
            resultType = try unify(resultType, args[args.count - 1].type, at: args[args.count - 1].offset)
            return TypedExpr(node: .other, type: resultType, offset: at, children: args) { slots in
                var i = 0
                while i + 1 < functions.count {
                    switch functions[i](slots) {
                    case .bool(true): return functions[i + 1](slots)
                    case .bool(false): i += 2
                    default: return functions[i](slots)  // cannot decide which branch: missing
                    }
                }
                return functions[functions.count - 1](slots)
            }
        case .count, .countPossible, .atLeast, .weightSum, .lookup:
            throw Error(.exprSyntax, "internal: unreachable", at: at)
        }
    }

    private func pow10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<n { result *= 10 }
        return result
    }

    private mutating func compileIndicatorAggregate(_ builtin: Builtin, _ arguments: [Expr.Argument], at: Int) throws(ExpressionError) -> TypedExpr {
        var filters: [String: String] = [:]
        var arguments = arguments
        var threshold = 0
        if builtin == .atLeast {
            // at_least(n, filters...): n is a fixed whole number, written first.
            guard let first = arguments.first, first.label == nil, case .number(let n, _) = first.value, n >= 0, n <= 10_000,
                n == n.rounded()
            else {
                throw Error(.exprSyntax, "at_least() needs a whole number first; usage: \(builtin.usage)", at: arguments.first?.offset ?? at)
            }
            threshold = Int(n)
            arguments.removeFirst()
        }
        for argument in arguments {
            guard let label = argument.label else {
                throw Error(.exprSyntax, "\(builtin.identifier)() takes named filters; usage: \(builtin.usage)", at: argument.offset)
            }
            let known: [String]
            let unknown: Diagnostic.Code
            switch label {
            case "category": (known, unknown) = (environment.categories, .unknownCategory)
            case "strength": (known, unknown) = (environment.strengths, .unknownStrength)
            case "tag": (known, unknown) = (environment.tags, .unknownTag)
            default:
                throw Error(.exprSyntax, "unknown filter '\(label)'; usage: \(builtin.usage)", at: argument.offset)
            }
            guard case .string(let value, let valueAt) = argument.value else {
                throw Error(.exprType, "the \(label) filter must be fixed text such as '\(known.first ?? "id")'", at: argument.value.offset)
            }
            guard known.contains(value) else {
                throw Error(
                    unknown,
                    "no indicator has \(label) '\(value)'\(Spelling.hint(for: value, among: known))",
                    at: valueAt)
            }
            if filters[label] != nil {
                throw Error(.exprSyntax, "the \(label) filter is given twice", at: argument.offset)
            }
            filters[label] = value
        }
        let chosen = environment.indicators.filter { info in
            (filters["category"].map { info.category == $0 } ?? true)
                && (filters["strength"].map { info.strength == $0 } ?? true)
                && (filters["tag"].map { info.tags.contains($0) } ?? true)
        }
        let slots = chosen.map(\.slot)
        let weights = chosen.map(\.weight)
        let evaluate: Evaluator
        switch builtin {
        case .count:
            evaluate = { values in .number(Double(Self.present(slots, values))) }
        case .countPossible:
            evaluate = { values in
                slots.withUnsafeBufferPointer { slots in
                    var n = 0
                    for slot in slots {
                        if case .bool(false) = values[slot] { continue }
                        n &+= 1
                    }
                    return .number(Double(n))
                }
            }
        case .atLeast:
            let threshold = threshold
            // Three-valued: true once n are present; false once even the undecided ones could not
            // make n; otherwise missing, so a band that rests on it is "could not be ruled out".
            // Indicators that do not apply (their questions were not asked) never count as undecided.
            evaluate = { values in
                slots.withUnsafeBufferPointer { slots in
                    var present = 0
                    var undecided = 0
                    var reason = Value.missing(.notAsked)
                    for slot in slots {
                        switch values[slot] {
                        case .bool(true): present &+= 1
                        case .missing(let why) where why != .notAsked:
                            undecided &+= 1
                            reason = Logic.combineMissing(reason, .missing(why))
                        default: break
                        }
                    }
                    if present >= threshold { return .bool(true) }
                    if present &+ undecided < threshold { return .bool(false) }
                    return reason
                }
            }
        default:
            evaluate = { values in
                slots.withUnsafeBufferPointer { slots in
                    weights.withUnsafeBufferPointer { weights in
                        var total = 0.0
                        for index in slots.indices where values[slots[index]].isTrue { total += weights[index] }
                        return .number(total)
                    }
                }
            }
        }
        return TypedExpr(node: .indicators(slots), type: builtin == .atLeast ? .bool : .number, offset: at, children: [], evaluate: evaluate)
    }

    private mutating func compileLookup(_ arguments: [Expr.Argument], at: Int) throws(ExpressionError) -> TypedExpr {
        guard arguments.count == 2 || arguments.count == 3, arguments.allSatisfy({ $0.label == nil }) else {
            throw Error(.exprArity, "usage: \(Builtin.lookup.usage)", at: at)
        }
        guard case .name(let tableName, let tableAt) = arguments[0].value else {
            throw Error(.exprType, "the first argument of lookup() must be a table id", at: arguments[0].offset)
        }
        guard let table = environment.tables[tableName] else {
            let candidates = Array(environment.tables.keys)
            throw Error(.unknownTable, "unknown table '\(tableName)'\(Spelling.hint(for: tableName, among: candidates))", at: tableAt)
        }
        var column = ""
        if arguments.count == 3 {
            guard case .string(let name, let columnAt) = arguments[2].value else {
                throw Error(.exprType, "the column of lookup() must be fixed text", at: arguments[2].offset)
            }
            guard table.columns.contains(name) else {
                throw Error(
                    .unknownColumn,
                    "table '\(tableName)' has no column '\(name)' (columns: \(table.columns.joined(separator: ", ")))\(Spelling.hint(for: name, among: table.columns))",
                    at: columnAt)
            }
            column = name
        } else if !table.columns.isEmpty {
            throw Error(.exprArity, "table '\(tableName)' has columns; name one: lookup(\(tableName), key, '\(table.columns[0])')", at: at)
        }
        let key = try compile(arguments[1].value)
        guard case .symbol(let domain) = key.type else {
            throw Error(.exprType, "table keys are text or choices, not \(key.type.name)", at: key.offset)
        }
        let defaultValue = table.defaults[column]
        if let domain, defaultValue == nil {
            for value in domain.sorted() where !table.rowKeys.contains(value) {
                throw Error(
                    .missingRow,
                    "table '\(tableName)' has no row for '\(value)' and no default row",
                    at: key.offset)
            }
        }
        guard let type = table.columnTypes[column], let cells = table.cells[column] else {
            throw Error(.exprType, "column '\(column)' of table '\(tableName)' mixes numbers and text", at: at)
        }
        let k = key.evaluate
        return TypedExpr(node: .other, type: type, offset: at, children: [key]) { slots in
            let keyValue = k(slots)
            guard case .symbol(let symbol) = keyValue else { return keyValue.isMissing ? keyValue : .missing(.unanswered) }
            return cells[symbol] ?? defaultValue ?? .missing(.unanswered)
        }
    }
}
