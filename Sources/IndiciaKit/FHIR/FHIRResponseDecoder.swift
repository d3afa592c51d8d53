/// Reads a FHIR R4 `QuestionnaireResponse` (filled in against the questionnaire `indicia export
/// --format fhir` writes) into evaluation slots, exactly as the equivalent Indicia case would be.
///
/// `linkId` is the question id; `valueBoolean`, `valueCoding`, `valueInteger`, `valueDecimal`,
/// `valueDate` and `valueString` are the answers; the coding `v3-NullFlavor#UNK` is "not known".
/// Questions must be inside the group of their section. Every problem is a ``CaseError`` whose
/// path is a FHIR path such as `item[3].item[0].answer[0].valueCoding`.
struct FHIRResponseDecoder {
    /// Top-level elements of a QuestionnaireResponse that carry no answers and are accepted as they are.
    static let ignoredElements: Set<String> = [
        "meta", "implicitRules", "language", "text", "contained", "extension", "modifierExtension", "identifier", "basedOn", "partOf",
        "status", "subject", "encounter", "authored", "author", "source",
    ]
    static let ignoredItemElements: Set<String> = ["id", "extension", "modifierExtension", "definition", "text"]

    /// Decodes one response (the whole record) into `evaluation`.
    ///
    /// `compact: false` reads every `item` list the general way (the tests compare the two).
    static func decode(
        _ line: UnsafeBufferPointer<UInt8>, packs: PackProvider, defaultPack: Int?, limits: CaseLimits, compact: Bool = true,
        into evaluation: inout Evaluation
    ) -> Result<CaseDecoder.Record, CaseDecoder.Failure> {
        var scanner = JSONScanner(line)
        var id: Range<Int>?
        do throws(CaseError) {
            if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { scanner.position = 3 }
            scanner.skipWhitespace()
            try scanner.expect(0x7B, "'{'", path: "")
            var resourceType: String?
            var canonical: String?
            var items: JSONValue?
            // The pack whose slots the compact reader filled from `item`, if it did.
            var compactPack: Int?
            var seen: Set<String> = []
            scanner.skipWhitespace()
            if scanner.peek == 0x7D {
                scanner.position += 1
            } else {
                while true {
                    scanner.skipWhitespace()
                    let keyToken = try scanner.readString(path: "")
                    let key = try scanner.decodeString(keyToken, path: "")
                    try scanner.expect(0x3A, "':'", path: "")
                    scanner.skipWhitespace()
                    guard seen.insert(key).inserted else {
                        throw CaseError(
                            .duplicateField, "'\(CaseDecoder.printable(key))' appears twice in the QuestionnaireResponse", path: key,
                            column: keyToken.start)
                    }
                    switch key {
                    case "resourceType":
                        resourceType = try readString(&scanner, path: key)
                    case "questionnaire":
                        canonical = try readString(&scanner, path: key)
                    case "id":
                        let start = scanner.position
                        guard scanner.peek == 0x22 else { throw scanner.fail(.wrongType, "'id' must be text", path: "id") }
                        let token = try scanner.readString(path: "id")
                        guard token.end - token.start <= 256 else {
                            throw CaseError(.tooLong, "the id is longer than 256 bytes", path: "id", column: start + 1)
                        }
                        _ = try scanner.decodeString(token, path: "id")
                        id = start..<scanner.position
                    case "item":
                        // The shape a forms renderer writes is read straight into the slots; anything
                        // else (or a response whose questionnaire comes later) goes the general way.
                        if compact, resourceType == "QuestionnaireResponse", let canonical,
                            let pack = try? choosePack(canonical, packs: packs, defaultPack: defaultPack)
                        {
                            let runtime = packs.runtime(pack)
                            let start = scanner.position
                            if (try? checkCanonical(canonical, runtime.pack.questionnaire)) != nil,
                                readCompactItems(&scanner, runtime: runtime, limits: limits, into: &evaluation)
                            {
                                compactPack = pack
                                break
                            }
                            scanner.position = start
                        }
                        items = try JSONValue.parseValue(&scanner, depth: 1)
                    default:
                        guard ignoredElements.contains(key) else {
                            throw CaseError(
                                .unknownField, "'\(CaseDecoder.printable(key))' is not an element of a QuestionnaireResponse", path: key,
                                column: keyToken.start)
                        }
                        try scanner.skipValue(path: "")
                    }
                    if try scanner.another(closing: 0x7D, path: "") { continue }
                    break
                }
            }
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw scanner.malformed("unexpected data after the QuestionnaireResponse", path: "") }
            guard resourceType == "QuestionnaireResponse" else {
                throw CaseError(
                    .wrongType, "a FHIR resource must be a QuestionnaireResponse, not '\(CaseDecoder.printable(resourceType ?? ""))'",
                    path: "resourceType")
            }
            guard let canonical else {
                throw CaseError(
                    .missingField, "the QuestionnaireResponse does not say which questionnaire it answers ('questionnaire': url|version)",
                    path: "questionnaire")
            }
            let pack = try choosePack(canonical, packs: packs, defaultPack: defaultPack)
            let runtime = packs.runtime(pack)
            try checkCanonical(canonical, runtime.pack.questionnaire)
            if compactPack != pack {
                runtime.prepare(&evaluation)
                try readItems(items, runtime: runtime, limits: limits, into: &evaluation)
            }
            return .success(CaseDecoder.Record(idRange: id, pack: pack, runtime: runtime))
        } catch {
            return .failure(CaseDecoder.Failure(error: error, idRange: id))
        }
    }

    private static func readString(_ scanner: inout JSONScanner, path: String) throws(CaseError) -> String {
        guard scanner.peek == 0x22 else { throw CaseError(.wrongType, "'\(path)' must be text", path: path, column: scanner.position + 1) }
        let token = try scanner.readString(path: "")
        return try scanner.decodeString(token, path: "")
    }

    private static func choosePack(_ canonical: String, packs: PackProvider, defaultPack: Int?) throws(CaseError) -> Int {
        if let defaultPack { return defaultPack }
        let url = canonical.split(separator: "|", maxSplits: 1).first.map(String.init) ?? canonical
        let prefix = FHIRCodes.url(questionnaire: "")
        guard url.hasPrefix(prefix) else {
            throw CaseError(
                .wrongQuestionnaire, "'\(CaseDecoder.printable(url))' is not an Indicia questionnaire (\(prefix)<id>); run with --pack",
                path: "questionnaire")
        }
        switch packs.index(named: String(url.dropFirst(prefix.count))) {
        case .success(let index): return index
        case .failure(var error):
            error.path = "questionnaire"
            throw error
        }
    }

    private static func checkCanonical(_ canonical: String, _ questionnaire: Questionnaire) throws(CaseError) {
        let expected = FHIRCodes.url(questionnaire: questionnaire.id) + "|" + questionnaire.revision
        guard canonical != expected else { return }
        let parts = canonical.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
        let url = String(parts[0])
        if url != FHIRCodes.url(questionnaire: questionnaire.id) {
            throw CaseError(
                .wrongQuestionnaire,
                "the response answers questionnaire '\(CaseDecoder.printable(url))', not this pack's \(FHIRCodes.url(questionnaire: questionnaire.id))",
                path: "questionnaire")
        }
        guard parts.count == 2 else {
            throw CaseError(
                .wrongQuestionnaire, "the response does not say which version of the questionnaire it answers; expected \(expected)",
                path: "questionnaire")
        }
        throw CaseError(
            .wrongQuestionnaire,
            "the response answers version '\(CaseDecoder.printable(String(parts[1])))' of the questionnaire, but this pack has version '\(questionnaire.revision)'",
            path: "questionnaire")
    }

    private static func members(_ value: JSONValue, path: String, what: String) throws(CaseError) -> [(String, JSONValue)] {
        guard case .object(let members) = value else { throw CaseError(.wrongType, "\(what) must be an object", path: path) }
        return members
    }

    private static func linkID(_ members: [(String, JSONValue)], path: String) throws(CaseError) -> String {
        guard let value = members.first(where: { $0.0 == "linkId" })?.1 else {
            throw CaseError(.missingField, "the item has no linkId", path: path)
        }
        guard case .string(let link) = value else { throw CaseError(.wrongType, "linkId must be text", path: path + ".linkId") }
        return link
    }

    private static func readItems(_ items: JSONValue?, runtime: PackRuntime, limits: CaseLimits, into evaluation: inout Evaluation) throws(CaseError)
    {
        guard let items else { return }
        guard case .array(let groups) = items else { throw CaseError(.wrongType, "'item' must be a list of items", path: "item") }
        let questionnaire = runtime.pack.questionnaire
        var seenGroups: Set<String> = []
        var answered = Array(repeating: false, count: questionnaire.questions.count)
        var count = 0
        for (g, group) in groups.enumerated() {
            let groupPath = "item[\(g)]"
            let groupMembers = try members(group, path: groupPath, what: "an item")
            let link = try linkID(groupMembers, path: groupPath)
            guard let section = questionnaire.sections.first(where: { $0.id == link }) else {
                if let index = questionnaire.index(of: link) {
                    throw CaseError(
                        .wrongGroup, "question '\(link)' must be inside the group '\(questionnaire.questions[index].section)', not at the top level",
                        path: groupPath)
                }
                throw CaseError(
                    .unknownQuestion,
                    "'\(CaseDecoder.printable(link))' is not a group of \(questionnaire.id)\(Spelling.hint(for: link, among: questionnaire.sections.map(\.id)))",
                    path: groupPath + ".linkId")
            }
            guard seenGroups.insert(link).inserted else {
                throw CaseError(.duplicateAnswer, "the group '\(link)' appears twice; put all its items in one", path: groupPath)
            }
            var children: JSONValue?
            for (key, value) in groupMembers {
                switch key {
                case "linkId": break
                case "item": children = value
                case "answer": throw CaseError(.wrongType, "the group '\(link)' is not a question and takes no answer", path: groupPath + ".answer")
                default:
                    guard ignoredItemElements.contains(key) else {
                        throw CaseError(.unknownField, "'\(CaseDecoder.printable(key))' is not an element of an item", path: groupPath + "." + key)
                    }
                }
            }
            guard let children else { continue }
            guard case .array(let questionItems) = children else {
                throw CaseError(.wrongType, "'item' must be a list of items", path: groupPath + ".item")
            }
            for (q, item) in questionItems.enumerated() {
                let path = groupPath + ".item[\(q)]"
                let itemMembers = try members(item, path: path, what: "an item")
                let questionID = try linkID(itemMembers, path: path)
                guard let index = questionnaire.index(of: questionID) else {
                    if questionnaire.sections.contains(where: { $0.id == questionID }) {
                        throw CaseError(.wrongGroup, "the group '\(questionID)' cannot be nested in the group '\(link)'", path: path)
                    }
                    throw CaseError(
                        .unknownQuestion,
                        "'\(CaseDecoder.printable(questionID))' is not a question of \(questionnaire.id)\(Spelling.hint(for: questionID, among: questionnaire.questions.map(\.id)))",
                        path: path + ".linkId")
                }
                let question = questionnaire.questions[index]
                guard question.section == section.id else {
                    throw CaseError(
                        .wrongGroup, "question '\(questionID)' belongs in the group '\(question.section)', not '\(section.id)'", path: path)
                }
                guard !answered[index] else { throw CaseError(.duplicateAnswer, "question '\(questionID)' appears twice", path: path) }
                answered[index] = true
                var answers: [JSONValue] = []
                for (key, value) in itemMembers {
                    switch key {
                    case "linkId": break
                    case "answer":
                        guard case .array(let list) = value else { throw CaseError(.wrongType, "'answer' must be a list", path: path + ".answer") }
                        answers = list
                    case "item":
                        throw CaseError(.wrongGroup, "question '\(questionID)' has no items nested in it", path: path + ".item")
                    default:
                        guard ignoredItemElements.contains(key) else {
                            throw CaseError(.unknownField, "'\(CaseDecoder.printable(key))' is not an element of an item", path: path + "." + key)
                        }
                    }
                }
                guard !answers.isEmpty else { continue }
                count += 1
                if count > limits.maxAnswers {
                    throw CaseError(.tooManyAnswers, "more than \(limits.maxAnswers) answers in one response", path: path)
                }
                evaluation.slots[index] = try readAnswers(answers, question, index: index, runtime: runtime, path: path, texts: &evaluation.texts)
            }
        }
    }

    /// The one `value[x]` of an answer.
    private static func value(_ answer: JSONValue, path: String, question: String) throws(CaseError) -> (String, JSONValue) {
        let list = try members(answer, path: path, what: "an answer")
        var found: (String, JSONValue)?
        for (key, value) in list {
            if key.hasPrefix("value") {
                guard found == nil else { throw CaseError(.wrongType, "an answer has one value[x], not two", path: path + "." + key) }
                found = (key, value)
            } else if key == "item" {
                throw CaseError(.wrongGroup, "the answer to '\(question)' has no items nested in it", path: path + ".item")
            } else if key != "id" && key != "extension" && key != "modifierExtension" {
                throw CaseError(.unknownField, "'\(CaseDecoder.printable(key))' is not an element of an answer", path: path + "." + key)
            }
        }
        guard let found else { throw CaseError(.missingField, "the answer to '\(question)' has no value[x]", path: path) }
        return found
    }

    private static func coding(_ value: JSONValue, path: String) throws(CaseError) -> (system: String?, code: String) {
        guard case .object(let members) = value else { throw CaseError(.wrongType, "valueCoding must be a Coding object", path: path) }
        var system: String?
        var code: String?
        for (key, value) in members {
            switch (key, value) {
            case ("system", .string(let text)): system = text
            case ("code", .string(let text)): code = text
            case ("system", _), ("code", _): throw CaseError(.wrongType, "the coding's \(key) must be text", path: path + "." + key)
            default: break
            }
        }
        guard let code else { throw CaseError(.missingField, "the coding has no code", path: path + ".code") }
        return (system, code)
    }

    private static func readAnswers(
        _ answers: [JSONValue], _ question: Question, index: Int, runtime: PackRuntime, path: String, texts: inout [Int: String]
    ) throws(CaseError) -> Value {
        let id = question.id
        let system = FHIRCodes.choiceSystem(questionnaire: runtime.pack.questionnaire.id, question: id)
        var bits: UInt64 = 0
        var multipleNotKnown = false
        if answers.count > 1, !question.kind.isMultiple {
            throw CaseError(.duplicateAnswer, "question '\(id)' takes one answer, not \(answers.count)", path: path + ".answer[1]")
        }
        for (a, answer) in answers.enumerated() {
            let answerPath = path + ".answer[\(a)]"
            let (key, value) = try value(answer, path: answerPath, question: id)
            let valuePath = answerPath + "." + key
            func wrong() -> CaseError {
                CaseError(.wrongType, "the answer to '\(id)' must be \(expectation(question))", path: valuePath)
            }
            if key == "valueCoding" {
                let (codeSystem, code) = try coding(value, path: valuePath)
                if code == FHIRCodes.notKnownCode, codeSystem == FHIRCodes.nullFlavorSystem {
                    guard question.allowsNotKnown else {
                        throw CaseError(.notKnownNotAllowed, "question '\(id)' does not accept \"not known\"", path: valuePath)
                    }
                    if question.kind.isMultiple {
                        multipleNotKnown = true
                        continue
                    }
                    return .missing(.notKnown)
                }
                switch question.kind {
                case .yesNo where question.allowsNotKnown:
                    guard codeSystem == nil || codeSystem == FHIRCodes.yesNoSystem, code == "Y" || code == "N" else {
                        throw CaseError(.unknownChoice, "the answer to '\(id)' must be the coding Y, N or UNK", path: valuePath)
                    }
                    return .bool(code == "Y")
                case .singleChoice(let choices), .multipleChoice(let choices):
                    guard codeSystem == nil || codeSystem == system, let choice = choices.firstIndex(where: { $0.id == code }) else {
                        let ids = choices.map(\.id).joined(separator: ", ")
                        throw CaseError(
                            .unknownChoice, "the answer to '\(id)' is not one of its choices (\(ids)) in \(system)", path: valuePath + ".code")
                    }
                    if case .singleChoice = question.kind { return .symbol(runtime.pack.choiceSymbols[index][choice]) }
                    let bit = UInt64(1) << UInt64(choice)
                    guard bits & bit == 0 else { throw CaseError(.duplicateAnswer, "the choice '\(code)' is given twice", path: valuePath) }
                    bits |= bit
                default:
                    throw wrong()
                }
                continue
            }
            switch (question.kind, key, value) {
            case (.yesNo, "valueBoolean", .bool(let flag)) where !question.allowsNotKnown:
                return .bool(flag)
            case (.integer(let lo, let hi, _), "valueInteger", .number(let x)):
                guard x == x.rounded() else {
                    throw CaseError(.wrongType, "the answer to '\(id)' must be a whole number", path: valuePath)
                }
                try range(x, lo, hi, id, valuePath)
                return .number(x)
            case (.decimal(let lo, let hi, _), "valueDecimal", .number(let x)):
                try range(x, lo, hi, id, valuePath)
                return .number(x)
            case (.date, "valueDate", .string(let text)):
                guard let days = CalendarDate.days(fromISO: text) else {
                    throw CaseError(.wrongType, "the answer to '\(id)' must be a full date (YYYY-MM-DD)", path: valuePath)
                }
                return .date(days)
            case (.text(let maxLength), "valueString", .string(let text)):
                guard text.count <= maxLength else { throw CaseError(.tooLong, "the answer to '\(id)' is too long", path: valuePath) }
                texts[index] = text
                return .text
            default:
                throw wrong()
            }
        }
        if multipleNotKnown {
            guard bits == 0 else {
                throw CaseError(.wrongType, "the answer to '\(id)' cannot be both \"not known\" and choices", path: path + ".answer")
            }
            return .missing(.notKnown)
        }
        return .choices(bits)
    }

    private static func range(_ x: Double, _ lo: Double?, _ hi: Double?, _ id: String, _ path: String) throws(CaseError) {
        if let lo, x < lo { throw CaseError(.outOfRange, "the answer to '\(id)' is below its minimum of \(lo.compactText)", path: path) }
        if let hi, x > hi { throw CaseError(.outOfRange, "the answer to '\(id)' is above its maximum of \(hi.compactText)", path: path) }
    }

    static func expectation(_ question: Question) -> String {
        let notKnown = question.allowsNotKnown ? " (or valueCoding UNK for not known)" : ""
        switch question.kind {
        case .yesNo: return question.allowsNotKnown ? "a valueCoding Y, N or UNK" : "a valueBoolean"
        case .singleChoice: return "one valueCoding from its answerOptions"
        case .multipleChoice: return "valueCodings from its answerOptions"
        case .integer: return "a valueInteger\(notKnown)"
        case .decimal: return "a valueDecimal\(notKnown)"
        case .text: return "a valueString\(notKnown)"
        case .date: return "a valueDate\(notKnown)"
        }
    }
}

extension QuestionKind {
    /// Whether the question takes more than one answer.
    var isMultiple: Bool {
        if case .multipleChoice = self { return true }
        return false
    }
}
