/// One of the four orderings of numbers (`<`, `<=`, `>`, `>=`), as a type, so a compiled comparison
/// is specialised for its operator instead of calling a closure for it on every case.
protocol NumberComparison: SendableMetatype {
    static func holds(_ a: Double, _ b: Double) -> Bool
}

enum Less: NumberComparison {
    @inline(__always) static func holds(_ a: Double, _ b: Double) -> Bool { a < b }
}

enum LessOrEqual: NumberComparison {
    @inline(__always) static func holds(_ a: Double, _ b: Double) -> Bool { a <= b }
}

enum Greater: NumberComparison {
    @inline(__always) static func holds(_ a: Double, _ b: Double) -> Bool { a > b }
}

enum GreaterOrEqual: NumberComparison {
    @inline(__always) static func holds(_ a: Double, _ b: Double) -> Bool { a >= b }
}
