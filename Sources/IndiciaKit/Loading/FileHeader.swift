/// The keys every pack file starts with: `version` (file format), `kind`, `id`, `revision`, `title`.
///
/// Test files (`kind: tests`) have no `revision` of their own: they test whatever revision of the
/// rule set sits beside them.
struct FileHeader {
    /// The highest file-format version this engine reads.
    static let supportedVersion = 1
    static let kinds = ["questionnaire", "rules", "services", "tables", "tests"]

    var kind: String
    var id: String
    var revision: String
    var title: String

    /// Reads and checks the header keys of an open mapping.
    static func read(_ reader: MappingReader, revisionRequired: Bool = true, _ bag: inout DiagnosticBag) -> FileHeader? {
        var ok = true
        if let versionNode = reader.node("version") {
            if case .int(let version) = versionNode.resolved {
                if version < 1 || version > supportedVersion {
                    bag.error(
                        .unsupportedVersion,
                        "file format version \(version) is not supported; the highest supported version is \(supportedVersion)",
                        at: versionNode.mark)
                    ok = false
                }
            } else {
                bag.error(.wrongType, "'version' must be the file format number (1), not \(versionNode.kindName)", at: versionNode.mark)
                ok = false
            }
        } else {
            bag.error(.missingKey, "pack file is missing required key 'version' (the file format, currently 1)", at: reader.node.mark)
            ok = false
        }
        let kind = reader.string("kind", required: true, &bag)
        if let kind, !kinds.contains(kind), let node = reader.node("kind") {
            bag.error(
                .unknownKind, "unknown kind '\(kind)'; expected one of \(kinds.joined(separator: ", "))\(Spelling.hint(for: kind, among: kinds))",
                at: node.mark)
            ok = false
        }
        let id = reader.identifier("id", pattern: .fileID, &bag)
        let revision = revisionRequired ? reader.string("revision", required: true, &bag) : ""
        let title = reader.string("title", required: true, &bag)
        guard ok, let kind, kinds.contains(kind), let id, let revision, let title else { return nil }
        return FileHeader(kind: kind, id: id, revision: revision, title: title)
    }

    static let keys = ["version", "kind", "id", "revision", "title"]
}
