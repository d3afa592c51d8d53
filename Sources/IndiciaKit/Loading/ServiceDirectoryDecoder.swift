/// Decodes a `kind: services` file into a ``ServiceDirectory``.
struct ServiceDirectoryDecoder {
    let sources: SourceText

    func decode(_ root: YAMLNode, _ bag: inout DiagnosticBag) -> ServiceDirectory? {
        guard let reader = MappingReader(root, context: "services directory", keys: FileHeader.keys + ["services"], sources: sources, bag: &bag),
            let header = FileHeader.read(reader, &bag)
        else { return nil }
        var seen: [String: SourceMark] = [:]
        var services: [Service] = []
        let keys = ["id", "name", "phone", "url", "email", "description", "scope", "source", "verified", "checked", "review_by"]
        for node in reader.list("services", required: true, &bag) {
            guard let entry = MappingReader(node, context: "service", keys: keys, sources: sources, bag: &bag),
                let id = entry.identifier("id", &bag)
            else { continue }
            if let first = seen[id] {
                bag.error(.duplicateID, "service id '\(id)' is already used at line \(first.line)", at: node.mark)
                continue
            }
            seen[id] = node.mark
            let name = entry.string("name", required: true, &bag)
            let scope = entry.string("scope", required: true, &bag)
            if let scope, scope != "national", scope != "local" {
                bag.error(.badValue, "'scope' of service '\(id)' must be national or local", at: entry.keyMark("scope"))
            }
            let phone = entry.string("phone", &bag)
            let url = entry.string("url", &bag)
            let email = entry.string("email", &bag)
            if phone == nil, url == nil, email == nil {
                bag.error(.missingKey, "service '\(id)' needs at least one of phone, url or email", at: node.mark)
            }
            let checked = entry.date("checked", &bag)
            let reviewBy = entry.date("review_by", &bag)
            if let checked, let reviewBy, reviewBy < checked {
                bag.error(
                    .badValue,
                    "'review_by' of service '\(id)' (\(CalendarDate.iso(fromDays: reviewBy))) is before the day it was checked (\(CalendarDate.iso(fromDays: checked)))",
                    at: entry.keyMark("review_by"))
            }
            guard let name, let scope else { continue }
            services.append(
                Service(
                    id: id, name: name, phone: phone, url: url, email: email, description: entry.string("description", &bag),
                    scope: scope, source: entry.string("source", &bag), verified: entry.bool("verified", default: false, &bag),
                    checked: checked, reviewBy: reviewBy, mark: node.mark))
        }
        guard header.kind == "services" else { return nil }
        return ServiceDirectory(id: header.id, revision: header.revision, title: header.title, services: services, mark: root.mark)
    }
}
