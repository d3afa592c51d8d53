/// A `kind: tables` file: lookup tables that several rule sets share (for example the one
/// organisations-duties table used by both the screening and the training packs).
///
/// A rule set imports such a file by listing its id under `shared_tables:`; its tables then join the
/// rule set's own tables and are read with `lookup(...)` in rules and in the questionnaire's skip logic.
public struct TableFile: Sendable, Equatable {
    /// Stable id that rule sets list under `shared_tables:`.
    public var id: String
    /// The file's content revision, from its `revision:` key; not the file format `version:`.
    public var revision: String
    /// Title.
    public var title: String
    /// The tables, in file order.
    public var tables: [DataTable]
    /// Where the file starts.
    public var mark: SourceMark
}
