/// Three-valued (Kleene) logic and arithmetic over ``Value``; missing propagates, never becomes "no".
enum Logic {
    @inline(__always) static func and(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.bool(false), _), (_, .bool(false)): return .bool(false)
        case (.bool(true), .bool(true)): return .bool(true)
        default: return combineMissing(a, b)
        }
    }

    @inline(__always) static func or(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.bool(true), _), (_, .bool(true)): return .bool(true)
        case (.bool(false), .bool(false)): return .bool(false)
        default: return combineMissing(a, b)
        }
    }

    @inline(__always) static func not(_ a: Value) -> Value {
        if case .bool(let flag) = a { return .bool(!flag) }
        return a
    }

    /// The missing reason of whichever operand is missing (the more askable one if both are).
    @inline(__always) static func combineMissing(_ a: Value, _ b: Value) -> Value {
        switch (a, b) {
        case (.missing(let x), .missing(let y)): return .missing(max(x, y))
        case (.missing, _): return a
        case (_, .missing): return b
        default: return .missing(.unanswered)
        }
    }

    /// Equality that propagates missing values.
    @inline(__always) static func equal(_ a: Value, _ b: Value) -> Value {
        if a.isMissing || b.isMissing { return combineMissing(a, b) }
        return .bool(a == b)
    }

    /// Ordering of numbers and dates; `compare` returns the comparison on the two doubles.
    @inline(__always) static func order(_ a: Value, _ b: Value, _ compare: (Double, Double) -> Bool) -> Value {
        switch (a, b) {
        case (.number(let x), .number(let y)): return .bool(compare(x, y))
        case (.date(let x), .date(let y)): return .bool(compare(Double(x), Double(y)))
        default: return combineMissing(a, b)
        }
    }

    @inline(__always) static func arithmetic(_ a: Value, _ b: Value, _ op: (Double, Double) -> Double) -> Value {
        if case .number(let x) = a, case .number(let y) = b {
            let result = op(x, y)
            // Division by zero and overflow give "missing", never a crash or infinity.
            return result.isFinite ? .number(result) : .missing(.unanswered)
        }
        return combineMissing(a, b)
    }
}
