extension RuleSetDecoder {
    static let reportKeys = [
        "kind", "date", "area", "organisation", "action", "types", "areas", "readiness", "readiness_score", "agency", "capacities", "bands",
        "notes", "policy",
    ]

    /// Decodes the `report:` block; names are checked against the pack by ``ReportConventionsCheck``.
    func decodeReport(_ node: YAMLNode, _ bag: inout DiagnosticBag) -> ReportConventions? {
        guard let reader = MappingReader(node, context: "the report block", keys: Self.reportKeys, sources: sources, bag: &bag) else {
            return nil
        }
        guard let kindText = reader.identifier("kind", &bag) else { return nil }
        guard let kind = ReportConventions.Kind(rawValue: kindText) else {
            let kinds = ReportConventions.Kind.allCases.map(\.rawValue)
            bag.error(
                .badValue, "'kind' in the report block must be \(kinds.joined(separator: " or ")), not '\(kindText)'",
                at: reader.node("kind")?.mark ?? node.mark)
            return nil
        }
        var report = ReportConventions(kind: kind, mark: node.mark)
        func single(_ key: String) -> String? {
            guard let id = reader.identifier(key, required: false, &bag) else { return nil }
            report.marks[key] = reader.node(key)?.mark
            return id
        }
        report.date = single("date")
        report.areas = single("areas")
        report.readiness = single("readiness")
        report.readinessScore = single("readiness_score")
        report.agency = single("agency")
        report.bands = single("bands")
        report.notes = single("notes")
        report.policy = single("policy")
        if let node = reader.node("capacities"),
            let inner = MappingReader(node, context: "'capacities' in the report block", keys: ["prefix", "labels"], sources: sources, bag: &bag),
            let prefix = inner.identifier("prefix", &bag), let labels = inner.identifier("labels", &bag)
        {
            report.capacities = ReportConventions.Capacities(prefix: prefix, labels: labels)
            report.marks["capacities"] = inner.node("prefix")?.mark
            report.marks["capacities.labels"] = inner.node("labels")?.mark
        }
        report.area = dimension(reader, "area", allowNRM: false, &report, &bag)
        report.organisation = dimension(reader, "organisation", allowNRM: false, &report, &bag)
        report.action = dimension(reader, "action", allowNRM: true, &report, &bag)
        for (id, mark) in reader.identifierList("types", &bag) {
            report.types.append(id)
            report.marks["types.\(id)"] = mark
        }
        return report
    }

    private func dimension(
        _ reader: MappingReader, _ key: String, allowNRM: Bool, _ report: inout ReportConventions, _ bag: inout DiagnosticBag
    ) -> ReportConventions.Dimension? {
        guard let node = reader.node(key) else { return nil }
        // Only the place may be retitled (a region is not a council area); the other headings are generic.
        let keys = ["value", "labels"] + (allowNRM ? ["nrm"] : []) + (key == "area" ? ["title"] : [])
        guard let inner = MappingReader(node, context: "'\(key)' in the report block", keys: keys, sources: sources, bag: &bag),
            let value = inner.identifier("value", &bag), let labels = inner.identifier("labels", &bag)
        else { return nil }
        if allowNRM {
            for (id, mark) in inner.identifierList("nrm", &bag) {
                report.nrmActions.append(id)
                report.marks["nrm.\(id)"] = mark
            }
        }
        report.marks[key + ".labels"] = inner.node("labels")?.mark
        return ReportConventions.Dimension(
            value: value, labels: labels, title: key == "area" ? inner.string("title", &bag) : nil, mark: inner.node("value")?.mark ?? node.mark)
    }
}
