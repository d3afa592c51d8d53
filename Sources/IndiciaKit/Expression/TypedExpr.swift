/// Reads a value during evaluation from the case's slots (answers, derived values, indicators).
public typealias Evaluator = @Sendable (UnsafePointer<Value>) -> Value

/// A type-checked, compiled expression. Every node keeps its compiled closure, so explanations
/// re-use exactly the evaluation that produced the result.
public struct TypedExpr: Sendable {
    /// What a node is, as far as explanations need to know.
    public enum Node: Sendable {
        case literal(Value)
        case question(Int)
        /// A derived value, indicator or score slot.
        case slot(Int)
        case and, or, not
        /// Counting over a set of indicator slots.
        case indicators([Int])
        case other
    }

    public var node: Node
    public var type: ExprType
    public var offset: Int
    public var children: [TypedExpr]
    public var evaluate: Evaluator

    /// The fixed value of a literal node.
    var literalValue: Value? {
        if case .literal(let value) = node { return value }
        return nil
    }

    /// The questions that explain this node being true, when that does not depend on the answers:
    /// no `or`, no counting over indicators, and no `and` beneath a `not`. Nil when it does depend.
    ///
    /// - Parameter expressionForSlot: The compiled expression behind a derived slot.
    /// - Returns: Sorted question indices, or nil.
    func staticEvidence(_ expressionForSlot: (Int) -> TypedExpr?) -> [Int]? {
        var questions: Set<Int> = []
        var budget = 10_000
        guard collectStatic(expressionForSlot, underNot: false, into: &questions, budget: &budget) else { return nil }
        return questions.sorted()
    }

    private func collectStatic(_ expressionForSlot: (Int) -> TypedExpr?, underNot: Bool, into questions: inout Set<Int>, budget: inout Int) -> Bool {
        budget -= 1
        guard budget > 0 else { return false }
        switch node {
        case .literal: return true
        case .question(let index):
            questions.insert(index)
            return true
        case .slot(let slot):
            guard let expression = expressionForSlot(slot) else { return false }
            return expression.collectStatic(expressionForSlot, underNot: underNot, into: &questions, budget: &budget)
        case .or, .indicators: return false
        case .and:
            if underNot { return false }
            return children.allSatisfy { $0.collectStatic(expressionForSlot, underNot: underNot, into: &questions, budget: &budget) }
        case .not:
            return children.allSatisfy { $0.collectStatic(expressionForSlot, underNot: true, into: &questions, budget: &budget) }
        case .other:
            return children.allSatisfy { $0.collectStatic(expressionForSlot, underNot: underNot, into: &questions, budget: &budget) }
        }
    }

    /// Adds to `questions` the question indices whose answers determined this node's value.
    ///
    /// - Parameters:
    ///   - slots: The evaluated slots of the case.
    ///   - expressionForSlot: The compiled expression behind a derived slot.
    ///   - questions: Collected question indices.
    ///   - budget: Recursion guard shared across the walk.
    func collectEvidence(
        _ slots: UnsafePointer<Value>, _ expressionForSlot: (Int) -> TypedExpr?, into questions: inout [Int],
        budget: inout Int
    ) {
        budget -= 1
        guard budget > 0 else { return }
        switch node {
        case .literal:
            return
        case .question(let index):
            if !questions.contains(index) { questions.append(index) }
        case .slot(let slot):
            expressionForSlot(slot)?.collectEvidence(slots, expressionForSlot, into: &questions, budget: &budget)
        case .indicators(let indicatorSlots):
            for slot in indicatorSlots where slots[slot].isTrue {
                expressionForSlot(slot)?.collectEvidence(slots, expressionForSlot, into: &questions, budget: &budget)
            }
        case .and, .or:
            // Only the operands that decided the result count as evidence.
            let result = evaluate(slots)
            for child in children where child.evaluate(slots) == result {
                child.collectEvidence(slots, expressionForSlot, into: &questions, budget: &budget)
            }
        case .not, .other:
            for child in children {
                child.collectEvidence(slots, expressionForSlot, into: &questions, budget: &budget)
            }
        }
    }
}
