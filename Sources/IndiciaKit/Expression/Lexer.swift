/// Splits expression text into tokens.
struct Lexer {
    /// Longest expression accepted, in Unicode scalars.
    static let maxLength = 4000

    static func tokenize(_ text: String) throws(ExpressionError) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count <= maxLength else {
            throw ExpressionError(.exprTooLong, "expression is longer than \(maxLength) characters", at: 0)
        }
        var tokens: [Token] = []
        var index = 0
        func isNameStart(_ s: Unicode.Scalar) -> Bool { (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || s == "_" }
        func isDigit(_ s: Unicode.Scalar) -> Bool { s >= "0" && s <= "9" }
        while index < scalars.count {
            let s = scalars[index]
            let start = index
            if s == " " || s == "\t" || s == "\n" || s == "\r" {
                index += 1
                continue
            }
            if isNameStart(s) {
                while index < scalars.count, isNameStart(scalars[index]) || isDigit(scalars[index]) { index += 1 }
                var name = ""
                name.unicodeScalars.append(contentsOf: scalars[start..<index])
                tokens.append(Token(kind: .name(name), offset: start))
                continue
            }
            if isDigit(s) || (s == "." && index + 1 < scalars.count && isDigit(scalars[index + 1])) {
                while index < scalars.count, isDigit(scalars[index]) { index += 1 }
                if index < scalars.count, scalars[index] == "." {
                    index += 1
                    while index < scalars.count, isDigit(scalars[index]) { index += 1 }
                }
                var literal = ""
                literal.unicodeScalars.append(contentsOf: scalars[start..<index])
                if index < scalars.count, isNameStart(scalars[index]) {
                    throw ExpressionError(.exprSyntax, "a number cannot run into a name ('\(literal)\(scalars[index])')", at: index)
                }
                guard let value = Double(literal), value.isFinite else {
                    throw ExpressionError(.exprSyntax, "'\(literal)' is not a number", at: start)
                }
                tokens.append(Token(kind: .number(value), offset: start))
                continue
            }
            if s == "'" || s == "\"" {
                index += 1
                var value = ""
                var closed = false
                while index < scalars.count {
                    if scalars[index] == s {
                        closed = true
                        index += 1
                        break
                    }
                    if scalars[index] == "\n" { break }
                    value.unicodeScalars.append(scalars[index])
                    index += 1
                }
                guard closed else {
                    throw ExpressionError(.exprSyntax, "text starting here is missing its closing \(s)", at: start)
                }
                tokens.append(Token(kind: .string(value), offset: start))
                continue
            }
            let two = index + 1 < scalars.count ? String(s) + String(scalars[index + 1]) : ""
            if ["==", "!=", "<=", ">="].contains(two) {
                tokens.append(Token(kind: .symbol(two), offset: start))
                index += 2
                continue
            }
            if "()[],:+-*/<>".unicodeScalars.contains(s) {
                tokens.append(Token(kind: .symbol(String(s)), offset: start))
                index += 1
                continue
            }
            if s == "=" {
                // A single '=' only names an argument: count(strength='strong').
                tokens.append(Token(kind: .symbol("="), offset: start))
                index += 1
                continue
            }
            if s == "&" || s == "|" || s == "!" {
                throw ExpressionError(.exprSyntax, "use the words and, or, not (not the symbol '\(s)')", at: start)
            }
            throw ExpressionError(.exprSyntax, "unexpected character '\(s)'", at: start)
        }
        tokens.append(Token(kind: .end, offset: scalars.count))
        return tokens
    }
}
