/// JSON Schemas (draft 2020-12) for cases of a pack and for results, generated from the pack itself.
public enum SchemaGenerator {
    private static var draft: JSONValue { .string("https://json-schema.org/draft/2020-12/schema") }

    /// The schema of a case document for a pack: question ids, answer types, choices and ranges.
    ///
    /// - Parameter pack: The pack.
    /// - Returns: The schema.
    public static func caseSchema(_ pack: CompiledPack) -> JSONValue {
        var properties: [(String, JSONValue)] = []
        for question in pack.questionnaire.questions {
            var alternatives: [JSONValue] = []
            switch question.kind {
            case .yesNo:
                alternatives.append(.object([("enum", .array([.string("yes"), .string("no"), .bool(true), .bool(false)]))]))
            case .singleChoice(let choices):
                alternatives.append(.object([("enum", .array(choices.map { .string($0.id) }))]))
            case .multipleChoice(let choices):
                alternatives.append(.object([("type", .string("array")), ("items", .object([("enum", .array(choices.map { .string($0.id) }))]))]))
            case .integer(let min, let max, _), .decimal(let min, let max, _):
                var number: [(String, JSONValue)] = []
                if case .integer = question.kind { number.append(("type", .string("integer"))) } else { number.append(("type", .string("number"))) }
                if let min { number.append(("minimum", .number(min))) }
                if let max { number.append(("maximum", .number(max))) }
                alternatives.append(.object(number))
            case .text(let maxLength):
                alternatives.append(.object([("type", .string("string")), ("maxLength", .number(Double(maxLength)))]))
            case .date:
                alternatives.append(.object([("type", .string("string")), ("pattern", .string("^[0-9]{4}-[0-9]{2}-[0-9]{2}$"))]))
            }
            if question.allowsNotKnown { alternatives.append(.object([("const", .string("not_known"))])) }
            alternatives.append(.object([("type", .string("null"))]))
            properties.append((question.id, .object([("description", .string(question.text)), ("anyOf", .array(alternatives))])))
        }
        let id = pack.identity.id
        return .object([
            ("$schema", draft),
            ("title", .string("Indicia case for pack '\(id)' (\(pack.questionnaire.title))")),
            ("description", .string("One case for indicia evaluate. Leave a question out, or give null, when it was not answered.")),
            ("type", .string("object")),
            (
                "properties",
                .object([
                    (
                        "id",
                        .object([
                            ("description", .string("Your case id, echoed in the result.")),
                            ("type", .array([.string("string"), .string("number")])),
                        ])
                    ),
                    (
                        "pack",
                        .object([
                            ("description", .string("The pack, as id or id@revision.")), ("type", .string("string")),
                            ("pattern", .string("^\(id)(@.+)?$")),
                        ])
                    ),
                    ("answers", .object([("type", .string("object")), ("properties", .object(properties)), ("additionalProperties", .bool(false))])),
                    (
                        "judgement",
                        .object([
                            (
                                "description",
                                .string(
                                    "The worker's professional judgement: a level of concern and why. It can raise the level the rules compute, never lower it; the reason is kept in the result, never in reports."
                                )
                            ),
                            ("type", .string("object")),
                            (
                                "properties",
                                .object([
                                    (
                                        "level",
                                        .object([
                                            ("type", .string("integer")), ("minimum", .number(0)), ("maximum", .number(Double(pack.highestLevel))),
                                        ])
                                    ),
                                    (
                                        "reason",
                                        .object([
                                            ("type", .string("string")), ("minLength", .number(1)),
                                            ("maxLength", .number(Double(Judgement.maxReasonLength))),
                                        ])
                                    ),
                                ])
                            ),
                            ("required", .array([.string("level"), .string("reason")])),
                            ("additionalProperties", .bool(false)),
                        ])
                    ),
                ])
            ),
            ("required", .array([.string("answers")])),
            ("additionalProperties", .bool(false)),
        ])
    }

    /// The schema of one result line (a result, or an error for a record that could not be evaluated).
    public static var resultSchema: JSONValue {
        func array(_ items: JSONValue) -> JSONValue { .object([("type", .string("array")), ("items", items)]) }
        let string = JSONValue.object([("type", .string("string"))])
        let nullableString = JSONValue.object([("type", .array([.string("string"), .string("null")]))])
        let integer = JSONValue.object([("type", .string("integer"))])
        let boolean = JSONValue.object([("type", .string("boolean"))])
        let caseID = described(
            "The case's id exactly as sent (text or number); null if the record had none or it could not be read.",
            .object([("type", .array([.string("string"), .string("number"), .string("null")]))]))
        let ids = array(string)
        let verified = described("False when this content has not been checked against a primary source.", boolean)
        let source = described("The public source this content cites.", nullableString)
        let answer = JSONValue.object([("type", .array([.string("string"), .string("number"), .string("array")]))])
        let service = object(
            [
                ("id", string), ("name", string), ("phone", string), ("url", string), ("email", string), ("description", string),
                ("scope", .object([("enum", .array([.string("national"), .string("local")]))])), ("verified", verified),
                (
                    "checked",
                    described(
                        "The day the contact details were last checked against their source (YYYY-MM-DD); absent when the pack does not say.",
                        .object([("type", .string("string")), ("format", .string("date"))]))
                ),
            ],
            required: ["id", "name", "scope", "verified"])
        let evidence = object(
            [
                ("question", described("Question id.", string)), ("text", described("The question as asked.", string)),
                ("answer", described("The answer given (never free text).", answer)),
            ],
            required: ["question", "text", "answer"])
        let indicator = object(
            [
                ("id", string), ("label", string), ("category", string), ("strength", string), ("weight", .object([("type", .string("number"))])),
                ("tags", ids), ("source", source), ("verified", verified),
                (
                    "evidence",
                    described(
                        "Each answer that made the indicator fire.",
                        .object([("type", .string("array")), ("items", evidence), ("minItems", .number(1))]))
                ),
            ],
            required: ["id", "label", "weight", "source", "verified", "evidence"])
        let waiting = object(
            [("id", string), ("label", string), ("level", integer), ("missing", described("Questions whose answers would decide it.", ids))],
            required: ["id", "label", "missing"])
        let ok = object(
            [
                ("id", caseID), ("ok", .object([("const", .bool(true))])),
                (
                    "pack",
                    described(
                        "Which pack produced the result: ids, revisions, a SHA-256 over the pack's files, and the engine version.",
                        object(
                            [
                                ("id", string), ("revision", string), ("questionnaire", string), ("questionnaire_revision", string),
                                ("sha256", .object([("type", .string("string")), ("pattern", .string("^[0-9a-f]{64}$"))])), ("engine", string),
                            ],
                            required: ["id", "revision", "questionnaire", "questionnaire_revision", "sha256", "engine"]))
                ),
                (
                    "outcome",
                    described(
                        "The level of concern (higher level, more concern). urgent: someone may be in immediate danger.",
                        object(
                            [("id", string), ("level", integer), ("label", string), ("summary", string), ("urgent", boolean)],
                            required: ["id", "level", "label", "urgent"]))
                ),
                (
                    "judgement",
                    described(
                        "The worker's professional judgement, or null: their level, the computed level (outcome.level), whether it raised the level of concern (never lowered), and their reason (free text: never copy it into reports).",
                        .object([
                            (
                                "anyOf",
                                .array([
                                    .object([("type", .string("null"))]),
                                    object(
                                        [("level", integer), ("computed_level", integer), ("raised", boolean), ("reason", string)],
                                        required: ["level", "computed_level", "raised", "reason"]),
                                ])
                            )
                        ]))
                ),
                ("undetermined_outcomes", described("Higher levels that could not be ruled out because answers are missing.", array(waiting))),
            ] + scoresValuesCategories(summary: false) + [
                ("indicators", described("The indicators present, in the pack's order, each with its evidence.", array(indicator))),
                ("indeterminate_indicators", described("Indicators that could not be assessed because answers are missing.", array(waiting))),
                (
                    "recommendations",
                    described(
                        "Next steps, in order, with the services to contact.",
                        array(
                            object(
                                [("id", string), ("text", string), ("services", array(service)), ("source", source), ("verified", verified)],
                                required: ["id", "text", "services", "source", "verified"])))
                ),
                ("unanswered", described("Questions shown but not answered.", ids)),
                ("not_known", described("Questions answered \"not known\".", ids)),
                ("ignored_answers", described("Answers to questions that skip logic hid; they were not used.", ids)),
                ("unanswered_required", described("Required questions not answered.", ids)),
                ("disclaimer", described("What the result does and does not mean.", nullableString)),
            ],
            required: [
                "id", "ok", "pack", "outcome", "judgement", "undetermined_outcomes", "scores", "values", "categories", "indicators",
                "indeterminate_indicators", "recommendations", "unanswered", "not_known", "ignored_answers", "unanswered_required", "disclaimer",
            ])
        let failed = object(
            [
                ("id", caseID), ("ok", .object([("const", .bool(false))])),
                ("file", described("The input file the record is in; absent for standard input.", string)),
                (
                    "line",
                    described(
                        "The input line of the problem (1-based, counted in its file); in a pretty-printed document, the line inside it.", integer)
                ),
                (
                    "error",
                    object(
                        [
                            (
                                "code",
                                described("Stable code to act on.", .object([("enum", .array(CaseError.Code.allCases.map { .string($0.rawValue) }))]))
                            ),
                            ("message", described("Plain-English explanation; never contains answers.", string)),
                            ("path", described("JSON Pointer to the offending value, e.g. /answers/age_group.", string)),
                            ("column", described("1-based byte column of the problem in its line.", integer)),
                        ],
                        required: ["code", "message", "path"])
                ),
            ],
            required: ["id", "ok", "line", "error"])
        return .object([
            ("$schema", draft),
            ("title", .string("Indicia result")),
            ("description", .string("One line of indicia evaluate output: a result, or an error for a record that could not be evaluated.")),
            ("oneOf", .array([ok, failed])),
        ])
    }

    /// The schema of one line of `indicia evaluate --result summary`: a summary result, or the same
    /// error result as the full profile.
    public static var summaryResultSchema: JSONValue {
        let string = JSONValue.object([("type", .string("string"))])
        let integer = JSONValue.object([("type", .string("integer"))])
        let boolean = JSONValue.object([("type", .string("boolean"))])
        let ids = JSONValue.object([("type", .string("array")), ("items", string)])
        var failed = JSONValue.null
        if case .object(let members) = resultSchema, let oneOf = members.first(where: { $0.0 == "oneOf" })?.1, case .array(let kinds) = oneOf,
            kinds.count == 2
        {
            failed = kinds[1]
        }
        let flags: [(String, String)] = [
            ("unanswered", "Some questions that were shown are not answered."),
            ("not_known", "Some questions were answered \"not known\"."),
            ("unanswered_required", "Some required questions are not answered."),
            ("indeterminate_indicators", "Some indicators could not be assessed because answers are missing."),
            ("undetermined_outcomes", "A higher level of concern could not be ruled out because answers are missing."),
            ("ignored_answers", "Some answers were given to questions that skip logic hid, and were not used."),
        ]
        let ok = object(
            [
                (
                    "id",
                    described(
                        "The case's id exactly as sent (text or number); null if the record had none.",
                        .object([("type", .array([.string("string"), .string("number"), .string("null")]))]))
                ),
                ("ok", .object([("const", .bool(true))])),
                (
                    "pack",
                    described(
                        "Which pack produced the result: its id, revision and a SHA-256 over its files.",
                        object(
                            [
                                ("id", string), ("revision", string),
                                ("sha256", .object([("type", .string("string")), ("pattern", .string("^[0-9a-f]{64}$"))])),
                            ],
                            required: ["id", "revision", "sha256"]))
                ),
                (
                    "outcome",
                    described(
                        "The level of concern (higher level, more concern). urgent: someone may be in immediate danger.",
                        object([("id", string), ("level", integer), ("urgent", boolean)], required: ["id", "level", "urgent"]))
                ),
            ] + scoresValuesCategories(summary: true) + [
                ("indicators", described("The ids of the indicators present, in the pack's order.", ids)),
                ("next_steps", described("The ids of the recommended next steps, in order (the full result has their text and contacts).", ids)),
                (
                    "missing_data",
                    described(
                        "The lists of missing data that the full result has and that are not empty, in this order; empty when nothing is missing.",
                        .object([
                            ("type", .string("array")),
                            ("items", .object([("oneOf", .array(flags.map { described($0.1, .object([("const", .string($0.0))])) }))])),
                            ("uniqueItems", .bool(true)),
                        ]))
                ),
            ],
            required: ["id", "ok", "pack", "outcome", "scores", "values", "categories", "indicators", "next_steps", "missing_data"])
        return .object([
            ("$schema", draft),
            ("title", .string("Indicia summary result")),
            (
                "description",
                .string(
                    "One line of indicia evaluate --result summary output: a summary result, or an error for a record that could not be evaluated."
                )
            ),
            ("oneOf", .array([ok, failed])),
        ])
    }

    /// A schema object with exactly these properties.
    private static func object(_ properties: [(String, JSONValue)], required: [String]) -> JSONValue {
        .object([
            ("type", .string("object")), ("properties", .object(properties)), ("required", .array(required.map(JSONValue.string))),
            ("additionalProperties", .bool(false)),
        ])
    }

    /// The schema with a description first, for the people reading it.
    private static func described(_ text: String, _ schema: JSONValue) -> JSONValue {
        guard case .object(let members) = schema else { return schema }
        return .object([("description", .string(text))] + members)
    }

    /// `scores`, `values` and `categories`: the same in the full and the summary result, except
    /// that the summary's categories leave out what counts 0.
    private static func scoresValuesCategories(summary: Bool) -> [(String, JSONValue)] {
        let integer = JSONValue.object([("type", .string("integer"))])
        let number = JSONValue.object([("type", .array([.string("number"), .string("null")]))])
        return [
            ("scores", described("The pack's scores by id.", .object([("type", .string("object")), ("additionalProperties", number)]))),
            (
                "values",
                described(
                    "The derived values the pack marks as output, by id.",
                    .object([
                        ("type", .string("object")),
                        (
                            "additionalProperties",
                            .object([("type", .array([.string("boolean"), .string("number"), .string("string"), .string("null")]))])
                        ),
                    ]))
            ),
            (
                "categories",
                described(
                    summary
                        ? "Counts of the indicators present, per category and strength; a category or strength with none present is left out."
                        : "Counts of the indicators present, per category and strength.",
                    .object([
                        ("type", .string("object")),
                        (
                            "additionalProperties",
                            .object([("type", .array([.string("object"), .string("integer")])), ("additionalProperties", integer)])
                        ),
                    ]))
            ),
        ]
    }
}
