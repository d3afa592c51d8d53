/// One difference between two revisions of a pack's content: an item added, removed, or changed
/// in its condition, its wording, or what it accepts.
public struct RuleChange: Sendable, Equatable {
    /// What kind of item: `question`, `value`, `indicator`, `score`, `outcome`, `next step`, `table`, `service`.
    public var kind: String
    /// The item's id.
    public var id: String
    /// What changed: `added`, `removed`, `condition`, `text`, `level`, `urgent`, `strength`,
    /// `answers`, `skip logic`, `order`, `rows`, `services`.
    public var change: String
    /// The old form, where it helps (a condition, a level, the choices).
    public var before: String?
    /// The new form.
    public var after: String?

    /// Every difference between the content of two packs, in pack order (questions, values,
    /// indicators, scores, outcomes, next steps, tables, the services the next steps name).
    ///
    /// - Parameters:
    ///   - old: The published revision.
    ///   - new: The revision being checked.
    /// - Returns: The differences.
    public static func between(_ old: CompiledPack, _ new: CompiledPack) -> [RuleChange] {
        var out: [RuleChange] = []
        out += compare("question", old.questionnaire.questions, new.questionnaire.questions, id: \.id) { a, b in
            var changes: [RuleChange] = []
            if a.text != b.text || a.help != b.help {
                changes.append(.init(kind: "question", id: a.id, change: "text", before: a.text, after: b.text))
            }
            let (before, after) = (answers(a), answers(b))
            if before != after { changes.append(.init(kind: "question", id: a.id, change: "answers", before: before, after: after)) }
            if condition(a.showIf) != condition(b.showIf) {
                changes.append(.init(kind: "question", id: a.id, change: "skip logic", before: a.showIf?.text, after: b.showIf?.text))
            }
            return changes
        }
        let (oldRules, newRules) = (old.rules, new.rules)
        out += compare("value", oldRules.values, newRules.values, id: \.id) { a, b in
            var changes: [RuleChange] = []
            if condition(a.expression) != condition(b.expression) {
                changes.append(.init(kind: "value", id: a.id, change: "condition", before: a.expression.text, after: b.expression.text))
            }
            if a.label != b.label { changes.append(.init(kind: "value", id: a.id, change: "text", before: a.label, after: b.label)) }
            return changes
        }
        out += compare("indicator", oldRules.indicators, newRules.indicators, id: \.id) { a, b in
            var changes: [RuleChange] = []
            if condition(a.condition) != condition(b.condition) {
                changes.append(.init(kind: "indicator", id: a.id, change: "condition", before: a.condition.text, after: b.condition.text))
            }
            if a.label != b.label { changes.append(.init(kind: "indicator", id: a.id, change: "text", before: a.label, after: b.label)) }
            if a.strength != b.strength || a.weight != b.weight || a.category != b.category || a.tags != b.tags {
                changes.append(
                    .init(
                        kind: "indicator", id: a.id, change: "strength", before: "\(a.strength ?? "-") (weight \(a.weight.compactText))",
                        after: "\(b.strength ?? "-") (weight \(b.weight.compactText))"))
            }
            return changes
        }
        out += compare("score", oldRules.scores, newRules.scores, id: \.id) { a, b in
            var changes: [RuleChange] = []
            if condition(a.expression) != condition(b.expression) {
                changes.append(.init(kind: "score", id: a.id, change: "condition", before: a.expression.text, after: b.expression.text))
            }
            if a.label != b.label { changes.append(.init(kind: "score", id: a.id, change: "text", before: a.label, after: b.label)) }
            return changes
        }
        out += compare("outcome", oldRules.outcomes, newRules.outcomes, id: \.id) { a, b in
            var changes: [RuleChange] = []
            if condition(a.condition) != condition(b.condition) {
                changes.append(.init(kind: "outcome", id: a.id, change: "condition", before: a.condition?.text, after: b.condition?.text))
            }
            if a.label != b.label || a.summary != b.summary {
                changes.append(.init(kind: "outcome", id: a.id, change: "text", before: a.label, after: b.label))
            }
            if a.level != b.level { changes.append(.init(kind: "outcome", id: a.id, change: "level", before: "\(a.level)", after: "\(b.level)")) }
            if a.urgent != b.urgent {
                changes.append(.init(kind: "outcome", id: a.id, change: "urgent", before: "\(a.urgent)", after: "\(b.urgent)"))
            }
            return changes
        }
        let (oldOrder, newOrder) = (oldRules.outcomes.map(\.id), newRules.outcomes.map(\.id))
        let common = Set(oldOrder).intersection(newOrder)
        if oldOrder.filter(common.contains) != newOrder.filter(common.contains) {
            out.append(
                .init(
                    kind: "outcome", id: "*", change: "order", before: oldOrder.joined(separator: ", "), after: newOrder.joined(separator: ", ")))
        }
        out += compare("next step", oldRules.recommendations, newRules.recommendations, id: \.id) { a, b in
            var changes: [RuleChange] = []
            if condition(a.condition) != condition(b.condition) {
                changes.append(.init(kind: "next step", id: a.id, change: "condition", before: a.condition?.text, after: b.condition?.text))
            }
            if a.text != b.text { changes.append(.init(kind: "next step", id: a.id, change: "text", before: a.text, after: b.text)) }
            if a.services != b.services {
                changes.append(
                    .init(
                        kind: "next step", id: a.id, change: "services", before: a.services.joined(separator: ", "),
                        after: b.services.joined(separator: ", ")))
            }
            return changes
        }
        out += compare("table", oldRules.tables, newRules.tables, id: \.id) { a, b in
            let before = Dictionary(a.rows.map { ($0.key, $0.cells) }, uniquingKeysWith: { x, _ in x })
            let after = Dictionary(b.rows.map { ($0.key, $0.cells) }, uniquingKeysWith: { x, _ in x })
            var parts: [String] = []
            let changed = a.rows.map(\.key).filter { after[$0] != nil && after[$0] != before[$0] }
            let added = b.rows.map(\.key).filter { before[$0] == nil }
            let removed = a.rows.map(\.key).filter { after[$0] == nil }
            if !changed.isEmpty { parts.append("changed: " + changed.joined(separator: ", ")) }
            if !added.isEmpty { parts.append("added: " + added.joined(separator: ", ")) }
            if !removed.isEmpty { parts.append("removed: " + removed.joined(separator: ", ")) }
            if a.defaultRow?.cells != b.defaultRow?.cells { parts.append("default row changed") }
            return parts.isEmpty ? [] : [.init(kind: "table", id: a.id, change: "rows", before: nil, after: parts.joined(separator: "; "))]
        }
        let oldServices = old.services.values.sorted { $0.id < $1.id }
        let newServices = new.services.values.sorted { $0.id < $1.id }
        out += compare("service", oldServices, newServices, id: \.id) { a, b in
            let before = [a.name, a.phone, a.url, a.email].compactMap { $0 }.joined(separator: " | ")
            let after = [b.name, b.phone, b.url, b.email].compactMap { $0 }.joined(separator: " | ")
            var changes: [RuleChange] = []
            if before != after { changes.append(.init(kind: "service", id: a.id, change: "contact", before: before, after: after)) }
            if a.description != b.description {
                changes.append(.init(kind: "service", id: a.id, change: "text", before: a.description, after: b.description))
            }
            return changes
        }
        return out
    }

    /// Items added, removed, and changed (by `detail`), matched by id.
    private static func compare<T>(
        _ kind: String, _ old: [T], _ new: [T], id: (T) -> String, detail: (T, T) -> [RuleChange]
    ) -> [RuleChange] {
        var out: [RuleChange] = []
        let newByID = Dictionary(new.map { (id($0), $0) }, uniquingKeysWith: { a, _ in a })
        let oldIDs = Set(old.map(id))
        for item in old {
            if let match = newByID[id(item)] {
                out += detail(item, match)
            } else {
                out.append(.init(kind: kind, id: id(item), change: "removed", before: nil, after: nil))
            }
        }
        for item in new where !oldIDs.contains(id(item)) { out.append(.init(kind: kind, id: id(item), change: "added", before: nil, after: nil)) }
        return out
    }

    /// A condition with white space evened out, so re-wrapping a line is not a change.
    private static func condition(_ source: ExpressionSource?) -> String? {
        source.map { $0.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }).joined(separator: " ") }
    }

    /// What a question accepts, in one line: its type, choices and range.
    private static func answers(_ question: Question) -> String {
        var text = question.kind.identifier
        switch question.kind {
        case .singleChoice(let choices), .multipleChoice(let choices): text += ": " + choices.map(\.id).joined(separator: ", ")
        case .integer(let min, let max, _), .decimal(let min, let max, _):
            text += " \(min.map { $0.compactText } ?? "")..\(max.map { $0.compactText } ?? "")"
        case .text(let length): text += " up to \(length)"
        default: break
        }
        if question.allowsNotKnown { text += " (or not_known)" }
        return text
    }
}
