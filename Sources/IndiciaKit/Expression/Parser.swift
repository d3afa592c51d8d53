/// Parses expression text into an ``Expr`` (precedence: or < and < not < comparison < + - < * / < unary -).
public struct Parser {
    /// Deepest nesting accepted.
    public static let maxDepth = 48

    private var tokens: [Token]
    private var position = 0
    private var depth = 0

    /// Parses a whole expression.
    ///
    /// - Parameter text: The expression text.
    /// - Returns: The syntax tree.
    /// - Throws: ``ExpressionError`` at the offending offset.
    public static func parse(_ text: String) throws(ExpressionError) -> Expr {
        var parser = Parser(tokens: try Lexer.tokenize(text))
        let expr = try parser.parseOr()
        guard case .end = parser.peek.kind else {
            if case .symbol("=") = parser.peek.kind {
                throw ExpressionError(.exprSyntax, "use == to compare (a single = only names an argument)", at: parser.peek.offset)
            }
            throw ExpressionError(.exprSyntax, "unexpected \(parser.describe(parser.peek)) after a complete expression", at: parser.peek.offset)
        }
        return expr
    }

    private init(tokens: [Token]) { self.tokens = tokens }

    private var peek: Token { tokens[min(position, tokens.count - 1)] }

    private mutating func advance() -> Token {
        let token = peek
        if position < tokens.count - 1 { position += 1 }
        return token
    }

    private func isSymbol(_ symbol: String) -> Bool {
        if case .symbol(let s) = peek.kind { return s == symbol }
        return false
    }

    private func isKeyword(_ word: String) -> Bool {
        if case .name(let name) = peek.kind { return name == word }
        return false
    }

    private func describe(_ token: Token) -> String {
        switch token.kind {
        case .name(let name): return "'\(name)'"
        case .number(let value): return "number \(value.compactText)"
        case .string(let value): return "text '\(value)'"
        case .symbol(let symbol): return "'\(symbol)'"
        case .end: return "end of expression"
        }
    }

    private mutating func expect(_ symbol: String, _ what: String) throws(ExpressionError) {
        guard isSymbol(symbol) else {
            throw ExpressionError(.exprSyntax, "expected \(what) but found \(describe(peek))", at: peek.offset)
        }
        _ = advance()
    }

    private mutating func enter() throws(ExpressionError) {
        depth += 1
        if depth > Self.maxDepth {
            throw ExpressionError(.exprTooDeep, "expression is nested more than \(Self.maxDepth) levels deep", at: peek.offset)
        }
    }

    private mutating func parseOr() throws(ExpressionError) -> Expr {
        try enter()
        defer { depth -= 1 }
        var left = try parseAnd()
        while isKeyword("or") {
            let at = advance().offset
            left = .binary(.or, left, try parseAnd(), at: at)
        }
        return left
    }

    private mutating func parseAnd() throws(ExpressionError) -> Expr {
        var left = try parseNot()
        while isKeyword("and") {
            let at = advance().offset
            left = .binary(.and, left, try parseNot(), at: at)
        }
        return left
    }

    private mutating func parseNot() throws(ExpressionError) -> Expr {
        if isKeyword("not") {
            let at = advance().offset
            try enter()
            defer { depth -= 1 }
            return .unary(.not, try parseNot(), at: at)
        }
        return try parseComparison()
    }

    private mutating func parseComparison() throws(ExpressionError) -> Expr {
        let left = try parseAdditive()
        if case .symbol(let symbol) = peek.kind, let op = Expr.BinaryOperator(rawValue: symbol), Expr.BinaryOperator.comparisons.contains(op) {
            let at = advance().offset
            let right = try parseAdditive()
            if case .symbol(let next) = peek.kind, let op = Expr.BinaryOperator(rawValue: next), Expr.BinaryOperator.comparisons.contains(op) {
                throw ExpressionError(.exprSyntax, "comparisons cannot be chained; join them with 'and'", at: peek.offset)
            }
            return .binary(op, left, right, at: at)
        }
        if isKeyword("in") {
            let at = advance().offset
            return .binary(.in, left, try parseAdditive(), at: at)
        }
        if isKeyword("not"), position + 1 < tokens.count, case .name("in") = tokens[position + 1].kind {
            let at = advance().offset
            _ = advance()
            return .unary(.not, .binary(.in, left, try parseAdditive(), at: at), at: at)
        }
        return left
    }

    private mutating func parseAdditive() throws(ExpressionError) -> Expr {
        var left = try parseMultiplicative()
        while case .symbol(let symbol) = peek.kind, let op = Expr.BinaryOperator(rawValue: symbol), op == .add || op == .subtract {
            let at = advance().offset
            left = .binary(op, left, try parseMultiplicative(), at: at)
        }
        return left
    }

    private mutating func parseMultiplicative() throws(ExpressionError) -> Expr {
        var left = try parseUnary()
        while case .symbol(let symbol) = peek.kind, let op = Expr.BinaryOperator(rawValue: symbol), op == .multiply || op == .divide {
            let at = advance().offset
            left = .binary(op, left, try parseUnary(), at: at)
        }
        return left
    }

    private mutating func parseUnary() throws(ExpressionError) -> Expr {
        if isSymbol("-") {
            let at = advance().offset
            try enter()
            defer { depth -= 1 }
            return .unary(.negate, try parseUnary(), at: at)
        }
        return try parsePrimary()
    }

    private mutating func parsePrimary() throws(ExpressionError) -> Expr {
        let token = advance()
        switch token.kind {
        case .number(let value):
            return .number(value, at: token.offset)
        case .string(let value):
            return .string(value, at: token.offset)
        case .name(let name):
            switch name {
            case "true": return .bool(true, at: token.offset)
            case "false": return .bool(false, at: token.offset)
            case "and", "or", "not", "in":
                throw ExpressionError(.exprSyntax, "expected a value but found '\(name)'", at: token.offset)
            default: break
            }
            guard isSymbol("(") else { return .name(name, at: token.offset) }
            _ = advance()
            try enter()
            defer { depth -= 1 }
            var arguments: [Expr.Argument] = []
            if !isSymbol(")") {
                repeat {
                    if !arguments.isEmpty { _ = advance() }
                    var label: String?
                    let argumentOffset = peek.offset
                    if case .name(let word) = peek.kind, position + 1 < tokens.count, case .symbol(let mark) = tokens[position + 1].kind,
                        mark == ":" || mark == "="
                    {
                        label = word
                        _ = advance()
                        _ = advance()
                    }
                    arguments.append(Expr.Argument(label: label, value: try parseOr(), offset: argumentOffset))
                } while isSymbol(",")
            }
            try expect(")", "',' or ')' to close the call to \(name)(")
            return .call(name, arguments, at: token.offset)
        case .symbol("("):
            let inner = try parseOr()
            try expect(")", "')'")
            return inner
        case .symbol("["):
            try enter()
            defer { depth -= 1 }
            var items: [Expr] = []
            if !isSymbol("]") {
                repeat {
                    if !items.isEmpty { _ = advance() }
                    items.append(try parseOr())
                } while isSymbol(",")
            }
            try expect("]", "',' or ']' to close the list")
            return .list(items, at: token.offset)
        case .end:
            throw ExpressionError(.exprSyntax, "expression ends too early; a value is missing", at: token.offset)
        case .symbol("="):
            throw ExpressionError(.exprSyntax, "use == to compare (a single = only names an argument)", at: token.offset)
        case .symbol(let symbol):
            throw ExpressionError(.exprSyntax, "expected a value but found '\(symbol)'", at: token.offset)
        }
    }
}
