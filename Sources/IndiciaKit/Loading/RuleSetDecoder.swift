/// Decodes a `kind: rules` file into a ``RuleSet``, collecting every problem.
struct RuleSetDecoder {
    let sources: SourceText

    static let keys =
        FileHeader.keys + [
            "disclaimer", "questionnaire", "services", "strengths", "categories", "tables", "values", "indicators", "scores",
            "outcomes", "recommendations",
        ]

    func decode(_ root: YAMLNode, _ bag: inout DiagnosticBag) -> RuleSet? {
        guard let reader = MappingReader(root, context: "rule set", keys: Self.keys, sources: sources, bag: &bag),
            let header = FileHeader.read(reader, &bag)
        else { return nil }
        let questionnaire = reader.identifier("questionnaire", pattern: .fileID, &bag)
        var ids = IDRegistry()
        let strengths = reader.list("strengths", &bag).compactMap { decodeStrength($0, &ids, &bag) }
        let categories = reader.list("categories", &bag).compactMap { decodeCategory($0, &ids, &bag) }
        let tables = reader.list("tables", &bag).compactMap { decodeTable($0, &ids, &bag) }
        let values = reader.list("values", &bag).compactMap { decodeValue($0, &ids, &bag) }
        let indicators = reader.list("indicators", &bag).compactMap {
            decodeIndicator($0, strengths: strengths, categories: categories, &ids, &bag)
        }
        let scores = reader.list("scores", &bag).compactMap { decodeScore($0, &ids, &bag) }
        let outcomes = reader.list("outcomes", required: true, &bag).compactMap { decodeOutcome($0, &ids, &bag) }
        let recommendations = reader.list("recommendations", &bag).compactMap { decodeRecommendation($0, &ids, &bag) }
        let directories = reader.list("services", &bag).compactMap { node -> String? in
            guard let text = node.scalarText, IdentifierPattern.fileID.matches(text) else {
                bag.error(.badID, "items of 'services' must be services directory ids", at: node.mark)
                return nil
            }
            return text
        }
        let disclaimer = reader.string("disclaimer", &bag)
        guard header.kind == "rules", let questionnaire else { return nil }
        return RuleSet(
            id: header.id, version: header.revision, title: header.title, disclaimer: disclaimer,
            questionnaireID: questionnaire, directoryIDs: directories, strengths: strengths, categories: categories,
            tables: tables, values: values, indicators: indicators, scores: scores, outcomes: outcomes,
            recommendations: recommendations, mark: root.mark)
    }

    /// Ids must be unique within their own list (across lists the compiler checks the shared namespace).
    struct IDRegistry {
        private var seen: [String: [String: SourceMark]] = [:]

        mutating func claim(_ id: String, list: String, at mark: SourceMark, _ bag: inout DiagnosticBag) -> Bool {
            if let first = seen[list]?[id] {
                bag.error(.duplicateID, "\(list) id '\(id)' is already used at line \(first.line)", at: mark)
                return false
            }
            seen[list, default: [:]][id] = mark
            return true
        }
    }

    /// Opens an entry of a list, reads its id, and names it in later messages ("indicator 'i1'").
    private func open(_ node: YAMLNode, _ what: String, _ keys: [String], _ bag: inout DiagnosticBag) -> (MappingReader, String)? {
        guard var reader = MappingReader(node, context: what, keys: keys, sources: sources, bag: &bag),
            let id = reader.identifier("id", &bag)
        else { return nil }
        reader.context = "\(what) '\(id)'"
        return (reader, id)
    }

    private func decodeStrength(_ node: YAMLNode, _ ids: inout IDRegistry, _ bag: inout DiagnosticBag) -> Strength? {
        guard let (reader, id) = open(node, "strength", ["id", "label", "weight"], &bag),
            ids.claim(id, list: "strength", at: node.mark, &bag)
        else { return nil }
        let label = reader.string("label", &bag) ?? id
        guard let weight = reader.number("weight", &bag) else {
            if !reader.has("weight") { bag.error(.missingKey, "strength '\(id)' is missing required key 'weight'", at: node.mark) }
            return nil
        }
        return Strength(id: id, label: label, weight: weight, mark: node.mark)
    }

    private func decodeCategory(_ node: YAMLNode, _ ids: inout IDRegistry, _ bag: inout DiagnosticBag) -> Category? {
        guard let (reader, id) = open(node, "category", ["id", "label", "description"], &bag),
            ids.claim(id, list: "category", at: node.mark, &bag)
        else { return nil }
        return Category(id: id, label: reader.string("label", &bag) ?? id, description: reader.string("description", &bag), mark: node.mark)
    }

    private func decodeTable(_ node: YAMLNode, _ ids: inout IDRegistry, _ bag: inout DiagnosticBag) -> DataTable? {
        guard let (reader, id) = open(node, "table", ["id", "description", "source", "columns", "rows", "default"], &bag),
            ids.claim(id, list: "table", at: node.mark, &bag)
        else { return nil }
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

    private func decodeValue(_ node: YAMLNode, _ ids: inout IDRegistry, _ bag: inout DiagnosticBag) -> DerivedValue? {
        guard let (reader, id) = open(node, "value", ["id", "label", "expr", "output", "source", "verified"], &bag),
            ids.claim(id, list: "value", at: node.mark, &bag)
        else { return nil }
        let output = reader.bool("output", default: false, &bag)
        let label = reader.string("label", &bag)
        guard let expression = reader.expression("expr", required: true, &bag) else { return nil }
        return DerivedValue(
            id: id, label: label, expression: expression, source: reader.string("source", &bag),
            verified: reader.bool("verified", default: false, &bag), output: output, mark: node.mark)
    }

    private static let indicatorKeys = [
        "id", "label", "description", "category", "strength", "weight", "tags", "when", "source", "verified", "note",
    ]

    private func decodeIndicator(
        _ node: YAMLNode, strengths: [Strength], categories: [Category], _ ids: inout IDRegistry, _ bag: inout DiagnosticBag
    ) -> Indicator? {
        guard let (reader, id) = open(node, "indicator", Self.indicatorKeys, &bag),
            ids.claim(id, list: "indicator", at: node.mark, &bag)
        else { return nil }
        let label = reader.string("label", required: true, &bag)
        _ = reader.string("description", &bag)
        let category = reader.identifier("category", required: !categories.isEmpty, &bag)
        if let category, !categories.contains(where: { $0.id == category }) {
            bag.error(
                .unknownCategory,
                "indicator '\(id)' names category '\(category)', which is not declared under 'categories'\(Spelling.hint(for: category, among: categories.map(\.id)))",
                at: reader.node("category")?.mark ?? node.mark)
        }
        let strength = reader.identifier("strength", required: !strengths.isEmpty, &bag)
        var weight = reader.number("weight", &bag)
        if let strength {
            if let tier = strengths.first(where: { $0.id == strength }) {
                weight = weight ?? tier.weight
            } else {
                bag.error(
                    .unknownStrength,
                    "indicator '\(id)' names strength '\(strength)', which is not declared under 'strengths'\(Spelling.hint(for: strength, among: strengths.map(\.id)))",
                    at: reader.node("strength")?.mark ?? node.mark)
            }
        }
        let tags = reader.identifierList("tags", &bag).map(\.0)
        let source = reader.string("source", &bag)
        let verified = reader.bool("verified", default: false, &bag)
        let note = reader.string("note", &bag)
        guard let label, let condition = reader.expression("when", required: true, &bag) else { return nil }
        return Indicator(
            id: id, label: label, category: category, strength: strength, weight: weight ?? 1, tags: tags,
            condition: condition, source: source, note: note, verified: verified, mark: node.mark)
    }

    private func decodeScore(_ node: YAMLNode, _ ids: inout IDRegistry, _ bag: inout DiagnosticBag) -> Score? {
        guard let (reader, id) = open(node, "score", ["id", "label", "expr"], &bag),
            ids.claim(id, list: "score", at: node.mark, &bag)
        else { return nil }
        let label = reader.string("label", &bag) ?? id
        guard let expression = reader.expression("expr", required: true, &bag) else { return nil }
        return Score(id: id, label: label, expression: expression, mark: node.mark)
    }

    private func decodeOutcome(_ node: YAMLNode, _ ids: inout IDRegistry, _ bag: inout DiagnosticBag) -> OutcomeBand? {
        guard let (reader, id) = open(node, "outcome", ["id", "level", "label", "summary", "when", "urgent"], &bag),
            ids.claim(id, list: "outcome", at: node.mark, &bag)
        else { return nil }
        let level = reader.integer("level", required: true, &bag)
        let label = reader.string("label", required: true, &bag)
        let summary = reader.string("summary", &bag)
        let urgent = reader.bool("urgent", default: false, &bag)
        let condition = reader.expression("when", &bag)
        guard let level, let label else { return nil }
        return OutcomeBand(id: id, level: level, label: label, summary: summary, condition: condition, urgent: urgent, mark: node.mark)
    }

    private func decodeRecommendation(_ node: YAMLNode, _ ids: inout IDRegistry, _ bag: inout DiagnosticBag) -> Recommendation? {
        guard let (reader, id) = open(node, "recommendation", ["id", "text", "when", "services", "source", "verified"], &bag),
            ids.claim(id, list: "recommendation", at: node.mark, &bag)
        else { return nil }
        let text = reader.string("text", required: true, &bag)
        let condition = reader.expression("when", &bag)
        let services = reader.identifierList("services", &bag).map(\.0)
        let source = reader.string("source", &bag)
        let verified = reader.bool("verified", default: false, &bag)
        guard let text else { return nil }
        return Recommendation(
            id: id, text: text, condition: condition, services: services, source: source, verified: verified, mark: node.mark)
    }
}
