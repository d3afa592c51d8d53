/// One token of an expression.
struct Token: Sendable, Equatable {
    enum Kind: Sendable, Equatable {
        case name(String)
        case number(Double)
        case string(String)
        case symbol(String)  // operators and punctuation: ( ) [ ] , : + - * / == != < <= > >=
        case end
    }

    var kind: Kind
    /// 0-based offset in Unicode scalars.
    var offset: Int
}
