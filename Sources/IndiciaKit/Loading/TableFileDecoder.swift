/// Decodes a `kind: tables` file into a ``TableFile``, collecting every problem.
struct TableFileDecoder {
    let sources: SourceText

    static let keys = FileHeader.keys + ["tables"]

    func decode(_ root: YAMLNode, _ bag: inout DiagnosticBag) -> TableFile? {
        guard let reader = MappingReader(root, context: "tables file", keys: Self.keys, sources: sources, bag: &bag),
            let header = FileHeader.read(reader, &bag)
        else { return nil }
        var seen: [String: SourceMark] = [:]
        var tables: [DataTable] = []
        for node in reader.list("tables", required: true, &bag) {
            guard let table = TableDecoder(sources: sources).decode(node, &bag) else { continue }
            if let first = seen[table.id] {
                bag.error(.duplicateID, "table id '\(table.id)' is already used at line \(first.line)", at: node.mark)
                continue
            }
            seen[table.id] = node.mark
            tables.append(table)
        }
        guard header.kind == "tables" else { return nil }
        return TableFile(id: header.id, revision: header.revision, title: header.title, tables: tables, mark: root.mark)
    }
}
