/// A file of contact details (national or local) that rule sets draw on.
public struct ServiceDirectory: Sendable, Equatable {
    /// Stable id that rule sets list under `services:`.
    public var id: String
    /// The directory's content revision, from its `revision:` key; not the file format `version:`.
    public var revision: String
    /// Title.
    public var title: String
    /// The entries.
    public var services: [Service]
    /// Where the file starts.
    public var mark: SourceMark
}
