import Testing

@testable import IndiciaKit

@Suite("Expression parser")
struct ParserTests {
    @Test("precedence: or < and < not < comparison < + - < * /")
    func precedence() throws {
        let expr = try Parser.parse("a or b and not c == 1 + 2 * 3")
        guard
            case .binary(
                .or, .name("a", _),
                .binary(
                    .and, .name("b", _),
                    .unary(
                        .not, .binary(.equal, .name("c", _), .binary(.add, .number(1, _), .binary(.multiply, .number(2, _), .number(3, _), _), _), _),
                        _),
                    _), _) = expr
        else {
            Issue.record("unexpected tree: \(expr)")
            return
        }
    }

    @Test("every binary operator in the closed set parses to itself", arguments: Expr.BinaryOperator.allCases)
    func binaryOperator(_ op: Expr.BinaryOperator) throws {
        let expr = try Parser.parse("a \(op.rawValue) b")
        guard case .binary(let parsed, .name("a", at: 0), .name("b", _), at: 2) = expr else {
            Issue.record("a \(op.rawValue) b gave \(expr)")
            return
        }
        #expect(parsed == op)
    }

    @Test("in, not in, lists, calls with named arguments")
    func forms() throws {
        guard case .unary(.not, .binary(.in, .name("q", _), .list(let items, _), _), _) = try Parser.parse("q not in ['a', \"b\"]") else {
            Issue.record("not in")
            return
        }
        #expect(items.count == 2)
        guard case .call("count", let arguments, _) = try Parser.parse("count(category='x', strength: 'strong')") else {
            Issue.record("call")
            return
        }
        #expect(arguments.map(\.label) == ["category", "strength"])
    }

    @Test(
        "errors point at the offending column",
        arguments: [
            ("(a == 1", 7, "expected ')' but found end of expression"),
            ("a = 1", 2, "use == to compare"),
            ("a == 'x", 5, "text starting here is missing its closing '"),
            ("a && b", 2, "use the words and, or, not"),
            ("1 < a < 3", 6, "comparisons cannot be chained"),
            ("count(", 6, "expression ends too early"),
            ("3x", 1, "a number cannot run into a name"),
            ("a ==", 4, "expression ends too early"),
        ])
    func errors(_ text: String, _ offset: Int, _ message: String) {
        do throws(ExpressionError) {
            _ = try Parser.parse(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.offset == offset, "\(text): \(error)")
            #expect(error.message.hasPrefix(message), "\(text): \(error.message)")
        }
    }

    @Test("very deep nesting is refused, not a stack overflow")
    func deep() {
        let text = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(throws: ExpressionError.self) { try Parser.parse(text) }
        let nots = String(repeating: "not ", count: 5000) + "true"
        #expect(throws: ExpressionError.self) { try Parser.parse(nots) }
    }

    @Test("over-long expressions are refused")
    func long() {
        #expect(throws: ExpressionError(.exprTooLong, "expression is longer than 4000 characters", at: 0)) {
            try Parser.parse(String(repeating: "a or ", count: 1000) + "a")
        }
    }
}
