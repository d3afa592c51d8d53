extension Expr {
    /// The closed set of operators written between two expressions, spelled as in a pack.
    public enum BinaryOperator: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
        case or, and
        case equal = "=="
        case notEqual = "!="
        case less = "<"
        case lessOrEqual = "<="
        case greater = ">"
        case greaterOrEqual = ">="
        case `in`
        case add = "+"
        case subtract = "-"
        case multiply = "*"
        case divide = "/"

        /// The comparisons, which cannot be chained (`a < b < c` is refused).
        public static let comparisons: [BinaryOperator] = [.equal, .notEqual, .less, .lessOrEqual, .greater, .greaterOrEqual]

        /// The operator as written in a pack.
        public var description: String { rawValue }
    }

    /// The closed set of operators written before one expression.
    public enum UnaryOperator: String, Sendable, Equatable, Hashable, CaseIterable, CustomStringConvertible {
        /// `not condition`.
        case not
        /// `-number`.
        case negate = "-"

        /// The operator as written in a pack.
        public var description: String { rawValue }
    }
}
