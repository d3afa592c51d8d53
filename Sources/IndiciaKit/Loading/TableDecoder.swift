/// Decodes one lookup table (an entry of `tables:` in a rule set or in a `kind: tables` file).
struct TableDecoder {
    let sources: SourceText

    static let keys = ["id", "description", "source", "columns", "rows", "default"]

    func decode(_ node: YAMLNode, _ bag: inout DiagnosticBag) -> DataTable? {
        guard var reader = MappingReader(node, context: "table", keys: Self.keys, sources: sources, bag: &bag),
            let id = reader.identifier("id", &bag)
        else { return nil }
        reader.context = "table '\(id)'"
        let columns = reader.identifierList("columns", &bag).map(\.0)
        func cells(_ value: YAMLNode, key: String) -> [String: DataTable.Cell]? {
            if columns.isEmpty {
                guard let cell = cell(value, &bag) else { return nil }
                return ["": cell]
            }
            guard let row = MappingReader(value, context: "row '\(key)' of table '\(id)'", keys: columns, sources: sources, bag: &bag)
            else { return nil }
            var out: [String: DataTable.Cell] = [:]
            for column in columns {
                guard let cellNode = row.node(column) else {
                    bag.error(.missingKey, "row '\(key)' of table '\(id)' has no value for column '\(column)'", at: value.mark)
                    continue
                }
                if let cell = cell(cellNode, &bag) { out[column] = cell }
            }
            return out
        }
        var rows: [DataTable.Row] = []
        if let rowsNode = reader.node("rows") {
            if case .mapping(let pairs) = rowsNode.content {
                for pair in pairs {
                    let key = pair.key.scalarText ?? ""
                    if let rowCells = cells(pair.value, key: key) {
                        rows.append(DataTable.Row(key: key, cells: rowCells, mark: pair.key.mark))
                    }
                }
            } else {
                bag.error(.wrongType, "'rows' of table '\(id)' must be a mapping from key to value", at: rowsNode.mark)
            }
        } else {
            bag.error(.missingKey, "table '\(id)' is missing required key 'rows'", at: node.mark)
        }
        var defaultRow: DataTable.Row?
        if let defaultNode = reader.node("default"), let rowCells = cells(defaultNode, key: "default") {
            defaultRow = DataTable.Row(key: "default", cells: rowCells, mark: defaultNode.mark)
        }
        return DataTable(
            id: id, description: reader.string("description", &bag), source: reader.string("source", &bag),
            columns: columns, rows: rows, defaultRow: defaultRow, mark: node.mark)
    }

    private func cell(_ node: YAMLNode, _ bag: inout DiagnosticBag) -> DataTable.Cell? {
        switch node.resolved {
        case .int(let value): return .number(Double(value))
        case .float(let value) where value.isFinite: return .number(value)
        case .string(let text) where node.scalarText != nil: return .text(text)
        default:
            bag.error(.wrongType, "table cells must be numbers or text, not \(node.kindName)", at: node.mark)
            return nil
        }
    }
}
