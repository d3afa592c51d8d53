/// Decodes a `kind: questionnaire` file into a ``Questionnaire``, collecting every problem.
struct QuestionnaireDecoder {
    let sources: SourceText

    func decode(_ root: YAMLNode, _ bag: inout DiagnosticBag) -> Questionnaire? {
        guard
            let reader = MappingReader(
                root, context: "questionnaire", keys: FileHeader.keys + ["intro", "emergency", "guided_command", "sections"], sources: sources,
                bag: &bag),
            let header = FileHeader.read(reader, &bag)
        else { return nil }
        var sections: [Section] = []
        var questions: [Question] = []
        var seenSections: [String: SourceMark] = [:]
        var seenQuestions: [String: SourceMark] = [:]
        for sectionNode in reader.list("sections", required: true, &bag) {
            guard
                let section = MappingReader(
                    sectionNode, context: "section", keys: ["id", "title", "intro", "show_if", "questions"], sources: sources, bag: &bag)
            else { continue }
            let id = section.identifier("id", &bag)
            if let id, let first = seenSections[id] {
                bag.error(.duplicateID, "section id '\(id)' is already used at line \(first.line)", at: section.keyMark("id"))
            }
            if let id { seenSections[id] = section.node.mark }
            let title = section.string("title", required: true, &bag)
            var ids: [String] = []
            for questionNode in section.list("questions", required: true, &bag) {
                guard let question = decodeQuestion(questionNode, section: id ?? "", &bag) else { continue }
                if let first = seenQuestions[question.id] {
                    bag.error(
                        .duplicateID, "question id '\(question.id)' is already used at line \(first.line)",
                        at: question.mark)
                    continue
                }
                seenQuestions[question.id] = question.mark
                ids.append(question.id)
                questions.append(question)
            }
            guard let id, let title else { continue }
            sections.append(
                Section(
                    id: id, title: title, intro: section.string("intro", &bag), showIf: section.expression("show_if", &bag),
                    questionIDs: ids, mark: section.node.mark))
        }
        let emergency = reader.string("emergency", &bag)
        var command: Questionnaire.GuidedCommand?
        if let text = reader.string("guided_command", &bag) {
            if let known = Questionnaire.GuidedCommand(rawValue: text) {
                command = known
            } else {
                let names = Questionnaire.GuidedCommand.allCases.map(\.rawValue)
                bag.error(
                    .badValue,
                    "'guided_command' must be \(names.joined(separator: " or ")), the indicia command that runs the guided session\(Spelling.hint(for: text, among: names))",
                    at: reader.node("guided_command")?.mark ?? root.mark)
            }
        }
        guard header.kind == "questionnaire" else { return nil }
        return Questionnaire(
            id: header.id, revision: header.revision, title: header.title, intro: reader.string("intro", &bag), emergency: emergency,
            guidedCommand: command, sections: sections, questions: questions, mark: root.mark)
    }

    private static let questionKeys = [
        "id", "type", "text", "help", "required", "not_known", "show_if", "choices", "min", "max", "unit", "max_length", "suggest",
    ]

    private func decodeQuestion(_ node: YAMLNode, section: String, _ bag: inout DiagnosticBag) -> Question? {
        guard let reader = MappingReader(node, context: "question", keys: Self.questionKeys, sources: sources, bag: &bag)
        else { return nil }
        let id = reader.identifier("id", &bag)
        let context = "question '\(id ?? "?")'"
        let text = reader.string("text", required: true, &bag)
        let typeName = reader.string("type", required: true, &bag)
        var kind: QuestionKind?
        let choiceNodes = reader.list("choices", &bag)
        let min = reader.number("min", &bag)
        let max = reader.number("max", &bag)
        let unit = reader.string("unit", &bag)
        let maxLength = reader.integer("max_length", &bag)
        if let min, let max, min > max {
            bag.error(.badRange, "'min' (\(min.compactText)) is greater than 'max' (\(max.compactText)) in \(context)", at: reader.keyMark("min"))
        }
        func forbid(_ keys: [String], for type: String) {
            for key in keys where reader.has(key) {
                bag.error(.keyNotAllowed, "'\(key)' does not apply to a \(type) question", at: reader.keyMark(key))
            }
        }
        switch typeName {
        case "yes_no":
            kind = .yesNo
            forbid(["choices", "min", "max", "unit", "max_length", "suggest"], for: "yes_no")
        case "single_choice", "multiple_choice":
            let choices = decodeChoices(choiceNodes, context: context, node: reader, &bag)
            if typeName == "multiple_choice", choices.count > 64 {
                bag.error(.tooManyChoices, "a multiple_choice question may have at most 64 choices", at: reader.keyMark("choices"))
            }
            kind = typeName == "single_choice" ? .singleChoice(choices) : .multipleChoice(choices)
            forbid(["min", "max", "unit", "max_length", "suggest"], for: typeName ?? "")
        case "integer", "decimal":
            if typeName == "integer" {
                for key in ["min", "max"] {
                    if let value = reader.number(key, &bag), value.rounded() != value {
                        bag.error(.wrongType, "'\(key)' of an integer question must be a whole number", at: reader.keyMark(key))
                    }
                }
                kind = .integer(min: min, max: max, unit: unit)
            } else {
                kind = .decimal(min: min, max: max, unit: unit)
            }
            forbid(["choices", "max_length", "suggest"], for: typeName ?? "")
        case "text":
            kind = .text(maxLength: maxLength ?? 2000)
            if let maxLength, maxLength < 1 || maxLength > 100_000 {
                bag.error(.badRange, "'max_length' must be between 1 and 100000", at: reader.keyMark("max_length"))
            }
            forbid(["choices", "min", "max", "unit", "suggest"], for: "text")
        case "date":
            kind = .date
            forbid(["choices", "min", "max", "unit", "max_length"], for: "date")
        case let other?:
            bag.error(
                .unknownType,
                "unknown question type '\(other)'; expected one of \(QuestionKind.identifiers.joined(separator: ", "))\(Spelling.hint(for: other, among: QuestionKind.identifiers))",
                at: reader.node("type")?.mark ?? node.mark)
        case nil:
            break
        }
        let required = reader.bool("required", default: false, &bag)
        let notKnown = reader.bool("not_known", default: false, &bag)
        let showIf = reader.expression("show_if", &bag)
        let help = reader.string("help", &bag)
        var suggestsToday = false
        if let suggestion = reader.string("suggest", &bag) {
            if suggestion == "today" {
                suggestsToday = true
            } else {
                bag.error(
                    .badValue, "'suggest' can only be 'today' (the guided CLI proposes today's date)", at: reader.node("suggest")?.mark ?? node.mark)
            }
        }
        guard let id, let text, let kind else { return nil }
        var question = Question(
            id: id, text: text, help: help, kind: kind, required: required, allowsNotKnown: notKnown, showIf: showIf,
            section: section, mark: node.mark)
        question.suggestsToday = suggestsToday
        return question
    }

    private func decodeChoices(_ nodes: [YAMLNode], context: String, node: MappingReader, _ bag: inout DiagnosticBag) -> [Choice] {
        if nodes.isEmpty {
            bag.error(.missingKey, "\(context) needs a non-empty 'choices' list", at: node.node.mark)
        }
        var seen: [String: SourceMark] = [:]
        var choices: [Choice] = []
        for item in nodes {
            guard let reader = MappingReader(item, context: "choice of \(context)", keys: ["id", "label"], sources: sources, bag: &bag),
                let id = reader.identifier("id", pattern: .choice, &bag),
                let label = reader.string("label", required: true, &bag)
            else { continue }
            if ["not_known"].contains(id) {
                bag.error(
                    .reservedID, "'\(id)' is reserved for the \"not known\" answer; use `not_known: true` on the question", at: reader.keyMark("id")
                )
                continue
            }
            if let first = seen[id] {
                bag.error(.duplicateID, "choice id '\(id)' is already used at line \(first.line)", at: reader.keyMark("id"))
                continue
            }
            seen[id] = item.mark
            choices.append(Choice(id: id, label: label, mark: item.mark))
        }
        return choices
    }
}

extension Double {
    /// `3` for whole numbers, `2.5` otherwise.
    var compactText: String {
        if self == rounded(), abs(self) < 1e15 { return String(Int(self)) }
        return String(self)
    }
}
