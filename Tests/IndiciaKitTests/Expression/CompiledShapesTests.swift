import Testing

@testable import IndiciaKit

/// The compiler gives some shapes a closure of their own: a chain of `and`s or `or`s (one closure
/// over every operand), a question or a `count(…)` against a fixed number (the operator built in).
/// Each must give exactly what three-valued logic says, for every combination of answers; the
/// expected values here come from the rules of that logic, written out in the test. Comparisons of
/// the other counting functions (not specialised) are checked the same way.
@Suite("Compiled shapes")
struct CompiledShapesTests {
    static let questionnaire = """
        version: 1
        kind: questionnaire
        id: shapes
        revision: "1"
        title: Shapes
        sections:
          - id: s
            title: S
            questions:
              - { id: a, type: yes_no, not_known: true, text: A? }
              - { id: b, type: yes_no, not_known: true, text: B? }
              - { id: c, type: yes_no, not_known: true, text: C? }
              - { id: d, type: yes_no, not_known: true, text: D? }
              - { id: n, type: integer, min: 0, max: 10, text: N? }
        """

    /// A value's expression, and what it must be, given the four answers and the number.
    struct Shape: Sendable {
        let expr: String
        let expected: @Sendable (_ answers: [Value], _ number: Value) -> Value

        init(_ expr: String, _ expected: @escaping @Sendable (_ answers: [Value], _ number: Value) -> Value) {
            self.expr = expr
            self.expected = expected
        }
    }

    static let shapes: [Shape] = [
        Shape("a and b and c and d", { a, _ in all(a) }),
        Shape("a or b or c or d", { a, _ in any(a) }),
        Shape("a and (b and (c and d))", { a, _ in all(a) }),
        Shape("(a or b) or (c or d)", { a, _ in any(a) }),
        Shape("(a or b or c) and not d and (b or c or d)", { a, _ in all([any(Array(a[0...2])), not(a[3]), any(Array(a[1...3]))]) }),
        Shape("a and b or c and d", { a, _ in any([all([a[0], a[1]]), all([a[2], a[3]])]) }),
        Shape("count() >= 2", { a, _ in .bool(present(a, [0, 1, 2, 3]) >= 2) }),
        Shape("count(category='first') < 2", { a, _ in .bool(present(a, [0, 1]) < 2) }),
        Shape("count(category='second') > 0", { a, _ in .bool(present(a, [2, 3]) > 0) }),
        Shape("count(strength='strong') <= 1", { a, _ in .bool(present(a, [0, 2]) <= 1) }),
        // Not counts: compared with the general closures (count_possible also counts the undecided).
        Shape("count_possible() >= 3", { a, _ in .bool(a.filter { $0 != .bool(false) }.count >= 3) }),
        Shape("weight_sum() > 3", { a, _ in .bool(zip(a, [3.0, 1, 3, 1]).reduce(0) { $0 + ($1.0 == .bool(true) ? $1.1 : 0) } > 3) }),
        Shape("n > 3", { _, n in order(n) { $0 > 3 } }),
        Shape("n >= 3", { _, n in order(n) { $0 >= 3 } }),
        Shape("n < 3", { _, n in order(n) { $0 < 3 } }),
        Shape("n <= 3", { _, n in order(n) { $0 <= 3 } }),
        Shape("count(category='first') >= 1 or n > 5 or d", { a, n in any([.bool(present(a, [0, 1]) >= 1), order(n) { $0 > 5 }, a[3]]) }),
        Shape("not (count() >= 3) and n <= 7 and a", { a, n in all([.bool(present(a, [0, 1, 2, 3]) < 3), order(n) { $0 <= 7 }, a[0]]) }),
    ]

    static var rules: String {
        """
        version: 1
        kind: rules
        id: shapes
        revision: "1"
        title: Shapes
        questionnaire: shapes
        strengths:
          - { id: strong, label: Strong, weight: 3 }
          - { id: weak, label: Weak, weight: 1 }
        categories:
          - { id: first, label: First }
          - { id: second, label: Second }
        indicators:
          - { id: ia, label: A, category: first, strength: strong, when: a, source: s, verified: true }
          - { id: ib, label: B, category: first, strength: weak, when: b, source: s, verified: true }
          - { id: ic, label: C, category: second, strength: strong, when: c, source: s, verified: true }
          - { id: idee, label: D, category: second, strength: weak, when: d, source: s, verified: true }
        values:
        \(shapes.indices.map { "  - { id: v\($0), expr: \"\(shapes[$0].expr)\" }" }.joined(separator: "\n"))
        outcomes:
          - { id: none, level: 0, label: None }
        """
    }

    // Three-valued logic as the documentation states it: `and` is false if any operand is false,
    // otherwise missing if any is missing (the reason that calls for asking wins), otherwise true;
    // `or` likewise with true; a count counts only indicators that are present (true).
    static func all(_ values: [Value]) -> Value {
        if values.contains(.bool(false)) { return .bool(false) }
        return missing(values) ?? .bool(true)
    }

    static func any(_ values: [Value]) -> Value {
        if values.contains(.bool(true)) { return .bool(true) }
        return missing(values) ?? .bool(false)
    }

    static func not(_ value: Value) -> Value {
        if case .bool(let flag) = value { return .bool(!flag) }
        return value
    }

    static func missing(_ values: [Value]) -> Value? {
        let reasons = values.compactMap { value -> Missing? in
            if case .missing(let reason) = value { return reason }
            return nil
        }
        return reasons.max().map { .missing($0) }
    }

    static func present(_ answers: [Value], _ indices: [Int]) -> Int { indices.filter { answers[$0] == .bool(true) }.count }

    static func order(_ number: Value, _ test: (Double) -> Bool) -> Value {
        if case .number(let x) = number { return .bool(test(x)) }
        return number
    }

    @Test("chains, counts and bounds agree with three-valued logic for every combination of answers")
    func everyCombination() throws {
        let pack = try #require(Fixtures.pack(questionnaire: Self.questionnaire, rules: Self.rules))
        // Not asked as well: it is the weakest missing reason, so it must lose to the others in a chain.
        let states: [Value] = [.bool(true), .bool(false), .missing(.notKnown), .missing(.unanswered), .missing(.notAsked)]
        let numbers: [Value] = [.missing(.unanswered), .number(0), .number(3), .number(5), .number(7), .number(10)]
        var checked = 0
        let combinations = states.count * states.count * states.count * states.count
        for code in 0..<combinations {
            var rest = code
            let answers = (0..<4).map { _ in
                defer { rest /= states.count }
                return states[rest % states.count]
            }
            for number in numbers {
                var set = AnswerSet(questionCount: pack.questionCount)
                for (index, answer) in answers.enumerated() { set.values[index] = answer }
                set.values[4] = number
                let evaluation = pack.evaluate(set)
                for (index, shape) in Self.shapes.enumerated() {
                    let got = evaluation.slots[pack.valueSlots[index]]
                    let expected = shape.expected(answers, number)
                    #expect(got == expected, "\(shape.expr) with \(answers), n = \(number)")
                    checked += 1
                }
            }
        }
        #expect(checked == 625 * 6 * Self.shapes.count)
    }
}
