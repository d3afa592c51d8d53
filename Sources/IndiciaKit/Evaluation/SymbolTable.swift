/// Interns the pieces of text that rules compare (choice ids, outcome ids, table text) as small integers.
public struct SymbolTable: Sendable, Equatable {
    private var ids: [String: Int32] = [:]
    /// Text by symbol number.
    public private(set) var names: [String] = []

    /// Creates an empty table.
    public init() {}

    /// The symbol for a piece of text, adding it if new.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its symbol number.
    public mutating func intern(_ text: String) -> Int32 {
        if let id = ids[text] { return id }
        let id = Int32(names.count)
        names.append(text)
        ids[text] = id
        return id
    }

    /// The symbol for existing text.
    ///
    /// - Parameter text: The text.
    /// - Returns: Its symbol number, or nil.
    public func lookup(_ text: String) -> Int32? { ids[text] }

    /// The text of a symbol.
    ///
    /// - Parameter symbol: A symbol number.
    /// - Returns: Its text ("" if unknown).
    public func name(_ symbol: Int32) -> String {
        let index = Int(symbol)
        return index >= 0 && index < names.count ? names[index] : ""
    }
}
