/// Decodes a `kind: rules` file into a ``RuleSet``, collecting every problem.
struct RuleSetDecoder {
    let sources: SourceText

    static let keys =
        FileHeader.keys + [
            "disclaimer", "questionnaire", "services", "shared_tables", "strengths", "categories", "tables", "values", "indicators", "scores",
            "outcomes", "recommendations", "report", "outcome_heading",
        ]

    func decode(_ root: YAMLNode, _ bag: inout DiagnosticBag) -> RuleSet? {
        guard let reader = MappingReader(root, context: "rule set", keys: Self.keys, sources: sources, bag: &bag),
            let header = FileHeader.read(reader, &bag)
        else { return nil }
        let questionnaire = reader.identifier("questionnaire", pattern: .fileID, &bag)
        var ids = IDRegistry()
        let strengths = reader.list("strengths", &bag).compactMap { decodeStrength($0, &ids, &bag) }
        let categories = reader.list("categories", &bag).compactMap { decodeCategory($0, &ids, &bag) }
        let tables = reader.list("tables", &bag).compactMap { node -> DataTable? in
            guard let table = TableDecoder(sources: sources).decode(node, &bag), ids.claim(table.id, list: "table", at: node.mark, &bag) else {
                return nil
            }
            return table
        }
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
        let sharedTables = reader.list("shared_tables", &bag).compactMap { node -> RuleSet.Reference? in
            guard let text = node.scalarText, IdentifierPattern.fileID.matches(text) else {
                bag.error(.badID, "items of 'shared_tables' must be ids of 'kind: tables' files", at: node.mark)
                return nil
            }
            return RuleSet.Reference(id: text, mark: node.mark)
        }
        let disclaimer = reader.string("disclaimer", &bag)
        var outcomeHeading = reader.string("outcome_heading", &bag)
        if let heading = outcomeHeading, heading.isBlank || heading.contains(where: \.isNewline) {
            bag.error(
                .badValue, "'outcome_heading' must be a few words on one line (the result screen prints it before the outcome)",
                at: reader.node("outcome_heading")?.mark ?? root.mark)
            outcomeHeading = nil
        }
        let report = reader.node("report").flatMap { decodeReport($0, &bag) }
        guard header.kind == "rules", let questionnaire else { return nil }
        var ruleSet = RuleSet(
            id: header.id, revision: header.revision, title: header.title, disclaimer: disclaimer,
            questionnaireID: questionnaire, directoryIDs: directories, sharedTables: sharedTables, strengths: strengths, categories: categories,
            tables: tables, values: values, indicators: indicators, scores: scores, outcomes: outcomes,
            recommendations: recommendations, mark: root.mark)
        ruleSet.report = report
        ruleSet.outcomeHeading = outcomeHeading
        return ruleSet
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
        "id", "label", "category", "strength", "weight", "tags", "when", "source", "verified", "note",
    ]

    private func decodeIndicator(
        _ node: YAMLNode, strengths: [Strength], categories: [Category], _ ids: inout IDRegistry, _ bag: inout DiagnosticBag
    ) -> Indicator? {
        guard let (reader, id) = open(node, "indicator", Self.indicatorKeys, &bag),
            ids.claim(id, list: "indicator", at: node.mark, &bag)
        else { return nil }
        let label = reader.string("label", required: true, &bag)
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
        guard
            let (reader, id) = open(
                node, "recommendation", ["id", "text", "when", "services", "services_from", "immediate", "source", "verified"], &bag),
            ids.claim(id, list: "recommendation", at: node.mark, &bag)
        else { return nil }
        let text = reader.string("text", required: true, &bag)
        let condition = reader.expression("when", &bag)
        let services = reader.identifierList("services", &bag).map(\.0)
        let servicesFrom = reader.expression("services_from", &bag)
        let source = reader.string("source", &bag)
        let verified = reader.bool("verified", default: false, &bag)
        guard let text else { return nil }
        var recommendation = Recommendation(
            id: id, text: text, condition: condition, services: services, servicesFrom: servicesFrom, source: source, verified: verified,
            mark: node.mark)
        recommendation.immediate = reader.bool("immediate", default: false, &bag)
        return recommendation
    }
}
