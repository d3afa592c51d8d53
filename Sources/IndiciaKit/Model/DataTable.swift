/// A lookup table in a rule set: rows by key, optionally with named columns.
public struct DataTable: Sendable, Equatable {
    /// A cell: a number or a piece of text.
    public enum Cell: Sendable, Equatable, Hashable {
        case number(Double)
        case text(String)
    }

    /// One row.
    public struct Row: Sendable, Equatable {
        /// The row key.
        public var key: String
        /// Cells by column name (a single cell under "" for one-column tables).
        public var cells: [String: Cell]
        /// Where it is defined.
        public var mark: SourceMark
    }

    /// Stable id used in `lookup(...)`.
    public var id: String
    /// What the table is for.
    public var description: String?
    /// Where its values come from (or that they are local policy).
    public var source: String?
    /// Column names; empty for a one-column table.
    public var columns: [String]
    /// Rows in file order.
    public var rows: [Row]
    /// The row used when a key has no row, if any.
    public var defaultRow: Row?
    /// Where it is defined.
    public var mark: SourceMark
}
