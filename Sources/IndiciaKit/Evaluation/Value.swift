/// A value during evaluation: an answer, a derived value, an indicator's state, or a literal.
///
/// Plain data with no references, so slot arrays copy and evaluate without reference counting.
public enum Value: Sendable, Equatable, Hashable {
    /// Not available, and why.
    case missing(Missing)
    case bool(Bool)
    case number(Double)
    /// An interned piece of text (a choice id, outcome id, or table text) — see ``SymbolTable``.
    case symbol(Int32)
    /// The selected choices of a multiple-choice question, one bit per choice index.
    case choices(UInt64)
    /// Days since 1970-01-01.
    case date(Int32)
    /// Free text was given (the text itself is kept with the answers, never used in scoring).
    case text

    /// Whether the value is missing.
    @inlinable public var isMissing: Bool {
        if case .missing = self { return true }
        return false
    }

    /// True only for a definite `true`.
    @inlinable public var isTrue: Bool {
        if case .bool(true) = self { return true }
        return false
    }
}
