/// The syntax tree of an expression, before names and types are resolved.
public indirect enum Expr: Sendable, Equatable {
    case number(Double, at: Int)
    case string(String, at: Int)
    case bool(Bool, at: Int)
    case list([Expr], at: Int)
    case name(String, at: Int)
    case unary(UnaryOperator, Expr, at: Int)
    case binary(BinaryOperator, Expr, Expr, at: Int)
    case call(String, [Argument], at: Int)

    /// One argument of a call, optionally labelled (`category: 'x'`).
    public struct Argument: Sendable, Equatable {
        public var label: String?
        public var value: Expr
        public var offset: Int
    }

    /// Where the node starts.
    public var offset: Int {
        switch self {
        case .number(_, let at), .string(_, let at), .bool(_, let at), .list(_, let at), .name(_, let at),
            .unary(_, _, let at), .binary(_, _, _, let at), .call(_, _, let at):
            return at
        }
    }
}
