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

    /// Adds to `questions` the question indices whose answers determined this node's value.
    ///
    /// - Parameters:
    ///   - slots: The evaluated slots of the case.
    ///   - expressionForSlot: The compiled expression behind a derived slot.
    ///   - questions: Collected question indices.
    ///   - budget: Recursion guard shared across the walk.
    func collectEvidence(
        _ slots: UnsafePointer<Value>, _ expressionForSlot: (Int) -> TypedExpr?, into questions: inout Set<Int>,
        budget: inout Int
    ) {
        budget -= 1
        guard budget > 0 else { return }
        switch node {
        case .literal:
            return
        case .question(let index):
            questions.insert(index)
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
