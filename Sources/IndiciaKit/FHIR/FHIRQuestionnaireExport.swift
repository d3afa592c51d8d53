/// Writes a pack's questionnaire as a FHIR R4 `Questionnaire` resource (JSON), without a second
/// copy of the content: sections become `group` items, questions typed items, help a `display`
/// child with the help item control, and skip logic `enableWhen` or an SDC `enableWhenExpression`.
///
/// Pure: no I/O. `indicia export --format fhir` prints the result.
public enum FHIRQuestionnaireExport {
    /// The questionnaire of a pack as a FHIR `Questionnaire`.
    ///
    /// - Parameter pack: The compiled pack.
    /// - Returns: The resource, or every construct that cannot be exported (each names its question).
    public static func questionnaire(_ pack: CompiledPack) -> Result<JSONValue, FHIRExportFailure> {
        let questionnaire = pack.questionnaire
        var logic = FHIRSkipLogic(questionnaire: questionnaire, tables: pack.tables)
        var errors: [FHIRExportError] = []
        var groups: [JSONValue] = []
        for section in questionnaire.sections {
            var sectionShown: String?
            var sectionExport: FHIRSkipLogic.Export?
            if let showIf = section.showIf {
                do throws(FHIRExportError) {
                    sectionExport = try logic.export(showIf, item: section.id)
                    sectionShown = try logic.condition(showIf, item: section.id)
                } catch {
                    errors.append(error)
                }
            }
            var children: [JSONValue] = []
            if let intro = section.intro {
                children.append(.object([("linkId", .string(section.id + ".intro")), ("text", .string(intro)), ("type", .string("display"))]))
            }
            for id in section.questionIDs {
                guard let index = questionnaire.index(of: id) else { continue }
                let question = questionnaire.questions[index]
                var export: FHIRSkipLogic.Export?
                var own: String?
                if let showIf = question.showIf {
                    do throws(FHIRExportError) {
                        export = try logic.export(showIf, item: question.id)
                        own = try logic.condition(showIf, item: question.id)
                    } catch {
                        errors.append(error)
                    }
                }
                let both = [sectionShown, own].compactMap { $0 }
                logic.setShown(index, both.isEmpty ? nil : FHIRSkipLogic.and(both))
                children.append(item(question, questionnaire: questionnaire.id, skip: export))
            }
            var group: [(String, JSONValue)] = []
            if case .expression(let expression) = sectionExport { group.append(("extension", .array([expressionExtension(expression)]))) }
            group += [("linkId", .string(section.id)), ("text", .string(section.title)), ("type", .string("group"))]
            if case .enableWhen(let entries) = sectionExport { group += enableWhen(entries) }
            group.append(("item", .array(children)))
            groups.append(.object(group))
        }
        guard errors.isEmpty else { return .failure(FHIRExportFailure(errors: errors)) }
        var resource: [(String, JSONValue)] = [
            ("resourceType", .string("Questionnaire")),
            ("url", .string(FHIRCodes.url(questionnaire: questionnaire.id))),
            ("version", .string(questionnaire.revision)),
            ("name", .string(name(questionnaire.id))),
            ("title", .string(questionnaire.title)),
            ("status", .string("active")),
        ]
        if let intro = questionnaire.intro { resource.append(("description", .string(intro))) }
        resource.append(("item", .array(groups)))
        return .success(JSONValue.object(resource))
    }

    /// A computer-friendly name (FHIR asks for a capital letter, then letters, digits and `_`).
    static func name(_ id: String) -> String {
        let cleaned = String(
            id.unicodeScalars.map { scalar -> Character in
                (scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar))) ? Character(scalar) : "_"
            })
        return "Indicia_" + cleaned
    }

    static func expressionExtension(_ expression: String) -> JSONValue {
        .object([
            ("url", .string(FHIRCodes.enableWhenExpression)),
            ("valueExpression", .object([("language", .string("text/fhirpath")), ("expression", .string(expression))])),
        ])
    }

    static func enableWhen(_ entries: [JSONValue]) -> [(String, JSONValue)] {
        var members: [(String, JSONValue)] = [("enableWhen", .array(entries))]
        if entries.count > 1 { members.append(("enableBehavior", .string("any"))) }
        return members
    }

    static func item(_ question: Question, questionnaire: String, skip: FHIRSkipLogic.Export?) -> JSONValue {
        var extensions: [JSONValue] = []
        if case .expression(let expression) = skip { extensions.append(expressionExtension(expression)) }
        var type: String
        var options: [JSONValue] = []
        var repeats = false
        var maxLength: Int?
        let notKnown = FHIRSkipLogic.coding(FHIRCodes.nullFlavorSystem, FHIRCodes.notKnownCode, "Not known")
        func choices(_ list: [Choice]) {
            let system = FHIRCodes.choiceSystem(questionnaire: questionnaire, question: question.id)
            options = list.map { .object([("valueCoding", FHIRSkipLogic.coding(system, $0.id, $0.label))]) }
            if question.allowsNotKnown { options.append(.object([("valueCoding", notKnown)])) }
        }
        func range(_ min: Double?, _ max: Double?, _ unit: String?, integer: Bool) {
            let key = integer ? "valueInteger" : "valueDecimal"
            if let min { extensions.append(.object([("url", .string(FHIRCodes.minValue)), (key, .number(min))])) }
            if let max { extensions.append(.object([("url", .string(FHIRCodes.maxValue)), (key, .number(max))])) }
            if let unit { extensions.append(.object([("url", .string(FHIRCodes.unit)), ("valueCoding", .object([("display", .string(unit))]))])) }
        }
        switch question.kind {
        case .yesNo:
            if question.allowsNotKnown {
                type = "choice"
                options = [
                    .object([("valueCoding", FHIRSkipLogic.coding(FHIRCodes.yesNoSystem, "Y", "Yes"))]),
                    .object([("valueCoding", FHIRSkipLogic.coding(FHIRCodes.yesNoSystem, "N", "No"))]),
                    .object([("valueCoding", notKnown)]),
                ]
            } else {
                type = "boolean"
            }
        case .singleChoice(let list):
            type = "choice"
            choices(list)
        case .multipleChoice(let list):
            type = "choice"
            repeats = true
            choices(list)
        case .integer(let min, let max, let unit):
            type = "integer"
            // Whole-number bounds only: a fractional bound on a whole number is rounded inwards.
            range(min.map { $0.rounded(.up) }, max.map { $0.rounded(.down) }, unit, integer: true)
        case .decimal(let min, let max, let unit):
            type = "decimal"
            range(min, max, unit, integer: false)
        case .text(let length):
            type = length > 255 ? "text" : "string"
            maxLength = length
        case .date:
            type = "date"
        }
        var members: [(String, JSONValue)] = []
        if !extensions.isEmpty { members.append(("extension", .array(extensions))) }
        members += [("linkId", .string(question.id)), ("text", .string(question.text)), ("type", .string(type))]
        if case .enableWhen(let entries) = skip { members += enableWhen(entries) }
        if question.required { members.append(("required", .bool(true))) }
        if repeats { members.append(("repeats", .bool(true))) }
        if let maxLength { members.append(("maxLength", .number(Double(maxLength)))) }
        if !options.isEmpty { members.append(("answerOption", .array(options))) }
        if let help = question.help {
            let control = JSONValue.object([
                ("url", .string(FHIRCodes.itemControl)),
                (
                    "valueCodeableConcept",
                    .object([("coding", .array([FHIRSkipLogic.coding(FHIRCodes.itemControlSystem, "help", "Help-Button")]))])
                ),
            ])
            members.append(
                (
                    "item",
                    .array([
                        .object([
                            ("extension", .array([control])), ("linkId", .string(question.id + ".help")), ("text", .string(help)),
                            ("type", .string("display")),
                        ])
                    ])
                ))
        }
        return .object(members)
    }
}
