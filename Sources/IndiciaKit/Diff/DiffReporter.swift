/// Writes a pack diff in one format, a piece at a time: the header (revisions and rule changes)
/// first, then each changed or refused case as it is found, then the totals. Nothing is held back,
/// so a diff over any number of cases streams.
public protocol DiffReporter: Sendable {
    /// The `--format` name.
    static var identifier: String { get }
    /// The opening: which revisions, and how their content differs.
    ///
    /// - Parameter diff: The diff (before any case is compared).
    /// - Returns: Text to write.
    func header(_ diff: PackDiff) -> String
    /// One case that changed or was refused.
    ///
    /// - Parameters:
    ///   - change: The case.
    ///   - index: How many such cases were written before it.
    /// - Returns: Text to write.
    func entry(_ change: PackDiff.CaseChange, index: Int) -> String
    /// The closing: totals.
    ///
    /// - Parameter diff: The diff after every case.
    /// - Returns: Text to write.
    func footer(_ diff: PackDiff) -> String
}

/// The reporters, by `--format` name.
public enum DiffReporters {
    /// Every format `indicia diff` writes.
    public static let identifiers = [DiffTextReport.identifier, DiffJSONReport.identifier, DiffHTMLReport.identifier]

    /// The reporter for a format name, or nil.
    ///
    /// - Parameter identifier: `text`, `json` or `html`.
    /// - Returns: The reporter.
    public static func named(_ identifier: String) -> (any DiffReporter)? {
        switch identifier {
        case DiffTextReport.identifier: return DiffTextReport()
        case DiffJSONReport.identifier: return DiffJSONReport()
        case DiffHTMLReport.identifier: return DiffHTMLReport()
        default: return nil
        }
    }

    /// A pack as `id revision (sha256 prefix)`.
    static func describe(_ runtime: PackRuntime) -> String {
        let identity = runtime.pack.identity
        return "\(identity.id) \(identity.revision) (\(identity.sha256.prefix(12)))"
    }

    /// A result as `outcome (level N)`.
    static func describe(_ snapshot: PackDiff.Snapshot) -> String {
        "\(snapshot.outcome) (level \(snapshot.level)\(snapshot.urgent ? ", urgent" : ""))"
    }

    /// A refusal as `code at path: message`.
    static func describe(_ error: CaseError) -> String {
        "\(error.code.rawValue)\(error.path.isEmpty ? "" : " at \(error.path)"): \(error.message)"
    }
}
