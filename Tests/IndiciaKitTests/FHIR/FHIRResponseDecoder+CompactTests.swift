import Foundation
import Testing

@testable import IndiciaKit

/// The compact `QuestionnaireResponse` reader against the general one (`JSONValue`), on many
/// generated responses: valid ones in the shape a forms renderer writes, and the same with one or
/// more changes that the compact reader must hand to the general one (escapes, other member
/// orders, extensions, duplicates, wrong types, truncation, …).
@Suite("QuestionnaireResponse compact reader")
struct FHIRResponseDecoderCompactTests {
    static let nullFlavor = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor"
    static let yesNo = "http://terminology.hl7.org/CodeSystem/v2-0136"

    /// One generated response: its JSON, and its `item` list alone.
    struct Generated {
        var json: String
        var items: String
    }

    /// The changes a response can get, each a way the general reader must take over (or not).
    enum Change: CaseIterable {
        case whitespace, textMember, answerFirst, escapedLinkId, escapedCode, unknownLinkId, wrongGroup, duplicateQuestion
        case duplicateGroup, wrongValueType, outOfRange, notWhole, hugeNumber, twoAnswersToOne, answerExtension, codingVersion
        case numericDisplay, unknownWithWrongSystem, duplicateCodingKey, duplicateLinkId, truncated, itemFirst, emptyAnswer
        case answerInGroup, itemInQuestion, nonASCII, badDate, longText, unknownAndChoice, repeatedChoice, wrongSystem, noSystem
        case exponentInteger
    }

    /// The same id with its first (ASCII) letter written as a `\\u` escape.
    static func escapingFirst(_ id: String) -> String {
        let first = id.utf8.first ?? 0x61
        return #"\u00"# + String(first, radix: 16) + id.dropFirst()
    }

    static func answer(_ question: Question, system: String, _ random: inout FixturePack.Random, _ changes: Set<Change>) -> [String] {
        func coding(_ system: String?, _ code: String, _ display: String?) -> String {
            var members: [String] = []
            if let system { members.append(#""system":"\#(system)""#) }
            members.append(#""code":"\#(code)""#)
            if let display { members.append(#""display":"\#(display)""#) }
            if changes.contains(.duplicateCodingKey), random.below(3) == 0 { members.append(#""code":"\#(code)""#) }
            if changes.contains(.codingVersion), random.below(3) == 0 { members.append(#""version":"1""#) }
            if changes.contains(.numericDisplay), random.below(3) == 0 { members.append(#""display":5"#) }
            if random.below(2) == 0 { members.reverse() }
            return #"{"valueCoding":{"# + members.joined(separator: ",") + "}}"
        }
        if question.allowsNotKnown, random.below(6) == 0 {
            let wrong = changes.contains(.unknownWithWrongSystem) && random.below(2) == 0
            return [coding(wrong ? yesNo : nullFlavor, "UNK", random.below(2) == 0 ? "Not known" : nil)]
        }
        var system: String? = changes.contains(.noSystem) && random.below(2) == 0 ? nil : system
        if changes.contains(.wrongSystem), random.below(3) == 0 { system = "urn:other" }
        let display = changes.contains(.nonASCII) && random.below(2) == 0 ? "Réponse ✓" : "Label"
        switch question.kind {
        case .yesNo where question.allowsNotKnown:
            let code = random.below(2) == 0 ? "Y" : "N"
            return [coding(system == nil ? nil : (system == "urn:other" ? system : yesNo), code, random.below(2) == 0 ? "Yes" : nil)]
        case .yesNo:
            if changes.contains(.wrongValueType), random.below(3) == 0 { return [#"{"valueString":"yes"}"#] }
            return [random.below(2) == 0 ? #"{"valueBoolean":true}"# : #"{"valueBoolean":false}"#]
        case .singleChoice(let choices):
            var code = choices[random.below(choices.count)].id
            if changes.contains(.escapedCode), random.below(2) == 0 { code = escapingFirst(code) }
            var list = [coding(system, code, random.below(2) == 0 ? display : nil)]
            if changes.contains(.twoAnswersToOne), random.below(2) == 0 { list.append(list[0]) }
            if changes.contains(.unknownAndChoice), question.allowsNotKnown, random.below(2) == 0 { list.append(coding(nullFlavor, "UNK", nil)) }
            return list
        case .multipleChoice(let choices):
            var list = choices.filter { _ in random.below(3) == 0 }.map { coding(system, $0.id, random.below(2) == 0 ? display : nil) }
            if list.isEmpty { list.append(coding(system, choices[random.below(choices.count)].id, nil)) }
            if changes.contains(.repeatedChoice), random.below(2) == 0 { list.append(list[0]) }
            if changes.contains(.unknownAndChoice), random.below(2) == 0 { list.append(coding(nullFlavor, "UNK", nil)) }
            return list
        case .integer(let min, let max, _):
            let low = Int(min ?? 0)
            let high = Int(max ?? Double(low + 200))
            var value = String(low + random.below(high - low + 1))
            if changes.contains(.outOfRange), random.below(2) == 0 { value = String(high + 1) }
            if changes.contains(.notWhole), random.below(2) == 0 { value += ".5" }
            if changes.contains(.exponentInteger), random.below(2) == 0 { value = random.below(2) == 0 ? "1e1" : "70.0" }
            if changes.contains(.hugeNumber), random.below(2) == 0 { value = "1e400" }
            if changes.contains(.wrongValueType), random.below(3) == 0 { return [#"{"valueDecimal":\#(value)}"#] }
            return [#"{"valueInteger":\#(value)}"#]
        case .decimal(let min, let max, _):
            let low = min ?? 0
            let high = max ?? low + 20
            var value = String(format: "%.1f", low + Double(random.below(Int((high - low) * 10) + 1)) / 10)
            if changes.contains(.outOfRange), random.below(2) == 0 { value = "-1" }
            if changes.contains(.hugeNumber), random.below(2) == 0 { value = "-1e400" }
            if changes.contains(.wrongValueType), random.below(3) == 0 { return [#"{"valueInteger":\#(value)}"#] }
            return [#"{"valueDecimal":\#(value)}"#]
        case .text(let maxLength):
            var text = changes.contains(.nonASCII) && random.below(2) == 0 ? "quelques mots é" : "some words"
            if changes.contains(.longText), random.below(2) == 0 { text = String(repeating: "x", count: maxLength + 1) }
            return [#"{"valueString":"\#(text)"}"#]
        case .date:
            var date = String(format: "%d-%02d-%02d", 2025 + random.below(2), 1 + random.below(12), 1 + random.below(28))
            if changes.contains(.badDate), random.below(2) == 0 { date = "2026-02-30" }
            return [#"{"valueDate":"\#(date)"}"#]
        }
    }

    static func generate(_ questionnaire: Questionnaire, _ random: inout FixturePack.Random, changes: Set<Change>) -> Generated {
        let space = changes.contains(.whitespace) ? " " : ""
        func object(_ members: [(String, String)]) -> String {
            "{" + members.map { "\"\($0.0)\":\(space)\($0.1)" }.joined(separator: ",\(space)") + "}"
        }
        var groups: [String] = []
        for section in questionnaire.sections {
            var items: [String] = []
            var questions = questionnaire.questions.filter { $0.section == section.id }
            if changes.contains(.duplicateQuestion), let first = questions.first, random.below(2) == 0 { questions.append(first) }
            for question in questions where random.below(5) != 0 {
                let system = FHIRCodes.choiceSystem(questionnaire: questionnaire.id, question: question.id)
                var link = question.id
                if changes.contains(.escapedLinkId), random.below(3) == 0 { link = escapingFirst(link) }
                if changes.contains(.unknownLinkId), random.below(4) == 0 { link += "x" }
                var members: [(String, String)] = [("linkId", "\"\(link)\"")]
                let answers = changes.contains(.emptyAnswer) && random.below(3) == 0 ? [] : answer(question, system: system, &random, changes)
                var answerList = "[" + answers.joined(separator: ",\(space)") + "]"
                if changes.contains(.answerExtension), random.below(3) == 0, !answers.isEmpty {
                    answerList = "[" + String(answers[0].dropLast()) + #","extension":[]}"# + "]"
                }
                if random.below(8) != 0 { members.append(("answer", answerList)) }
                if changes.contains(.textMember), random.below(2) == 0 {
                    members.insert(("text", "\"\(question.text)\""), at: 1 + random.below(members.count))
                }
                if changes.contains(.duplicateLinkId), random.below(4) == 0 { members.append(("linkId", "\"\(link)\"")) }
                if changes.contains(.itemInQuestion), random.below(4) == 0 { members.append(("item", "[]")) }
                if changes.contains(.answerFirst), members.count > 1, random.below(2) == 0 { members.swapAt(0, members.count - 1) }
                items.append(object(members))
            }
            var link = section.id
            if changes.contains(.wrongGroup), random.below(4) == 0 {
                link = questionnaire.sections[random.below(questionnaire.sections.count)].id
            }
            var members: [(String, String)] = [("linkId", "\"\(link)\"")]
            if !items.isEmpty || random.below(4) == 0 { members.append(("item", "[" + items.joined(separator: ",\(space)") + "]")) }
            if changes.contains(.textMember), random.below(2) == 0 { members.append(("text", "\"\(section.title)\"")) }
            if changes.contains(.answerInGroup), random.below(4) == 0 { members.append(("answer", "[]")) }
            if random.below(5) != 0 || changes.contains(.duplicateGroup) { groups.append(object(members)) }
            if changes.contains(.duplicateGroup), random.below(3) == 0 { groups.append(object(members)) }
        }
        var items = "[" + groups.joined(separator: ",\(space)") + "]"
        if changes.contains(.truncated) { items = String(items.prefix(random.below(items.count))) }
        let canonical = FHIRCodes.url(questionnaire: questionnaire.id) + "|" + questionnaire.revision
        var members: [(String, String)] = [
            ("resourceType", "\"QuestionnaireResponse\""), ("id", "\"r\(random.below(1000))\""), ("questionnaire", "\"\(canonical)\""),
            ("status", "\"completed\""), ("item", items),
        ]
        if changes.contains(.itemFirst) { members.swapAt(2, 4) }
        return Generated(json: object(members), items: items)
    }

    /// The result line for a response read one way or the other, with its answered texts.
    static func outcome(_ json: String, compact: Bool, defaultPack: Int?, runtime: PackRuntime, evaluation: inout Evaluation) -> String {
        let provider = SinglePackProvider(runtime)
        let bytes = Array(json.utf8)
        var out = ByteBuffer(capacity: 4096)
        var texts = ""
        bytes.withUnsafeBufferPointer { line in
            switch FHIRResponseDecoder.decode(line, packs: provider, defaultPack: defaultPack, limits: .standard, compact: compact, into: &evaluation)
            {
            case .success(let record):
                record.runtime.pack.evaluate(&evaluation)
                ResultWriter.write(
                    evaluation, runtime: record.runtime, idBytes: record.idRange.map { UnsafeBufferPointer(rebasing: line[$0]) }, to: &out)
                texts = evaluation.texts.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
            case .failure(let failure):
                ResultWriter.writeError(
                    failure.error, line: 1, idBytes: failure.idRange.map { UnsafeBufferPointer(rebasing: line[$0]) }, to: &out)
            }
        }
        return String(decoding: out.array, as: UTF8.self) + "\n" + texts
    }

    /// Whether the compact reader takes this `item` list itself.
    static func compactReads(_ items: String, runtime: PackRuntime) -> Bool {
        var evaluation = Evaluation()
        return Array(items.utf8).withUnsafeBufferPointer { bytes in
            var scanner = JSONScanner(bytes)
            guard FHIRResponseDecoder.readCompactItems(&scanner, runtime: runtime, limits: .standard, into: &evaluation) else { return false }
            return scanner.atEnd
        }
    }

    @Test("gives byte for byte the general reader's result or error on 6,000 generated responses", arguments: [1, 2, 3])
    func sameAsGeneral(seed: UInt64) throws {
        let runtime = try #require(FixturePack.runtime())
        let questionnaire = runtime.pack.questionnaire
        var random = FixturePack.Random(state: seed)
        // Reused from record to record, as `indicia evaluate` reuses them.
        var compactEvaluation = Evaluation()
        var generalEvaluation = Evaluation()
        var taken = 0
        var refused = 0
        var errors = 0
        for n in 0..<2000 {
            // A third unchanged; the others with one to three changes.
            var changes: Set<Change> = []
            if n % 3 != 0 { for _ in 0...random.below(3) { changes.insert(Change.allCases[random.below(Change.allCases.count)]) } }
            let response = Self.generate(questionnaire, &random, changes: changes)
            let defaultPack: Int? = n % 4 == 0 ? nil : 0
            let fast = Self.outcome(response.json, compact: true, defaultPack: defaultPack, runtime: runtime, evaluation: &compactEvaluation)
            let general = Self.outcome(response.json, compact: false, defaultPack: defaultPack, runtime: runtime, evaluation: &generalEvaluation)
            #expect(fast == general, "response \(n) (\(changes)): \(response.json)")
            if fast.hasPrefix("{\"id\":") && fast.contains("\"ok\":false") { errors += 1 }
            if Self.compactReads(response.items, runtime: runtime) {
                taken += 1
                // What the compact reader takes, the general reader accepts.
                #expect(fast.contains("\"ok\":true"), "response \(n): \(fast)")
            } else {
                refused += 1
                #expect(!changes.isEmpty, "an unchanged response was not read compactly: \(response.json)")
            }
        }
        // Both sides of the switch are exercised: unchanged responses all take the compact reader.
        #expect(taken >= 667)
        #expect(refused >= 300)
        #expect(errors >= 300)
    }

    @Test("a response in the shape a forms renderer writes is read by the compact reader, with every answer type")
    func compactShape() throws {
        let runtime = try #require(FixturePack.runtime())
        let items =
            #"[{"linkId":"about","text":"About","item":[{"linkId":"age_group","text":"How old?","answer":[{"valueCoding":{"system":"urn:indicia:questionnaire:fhirtest:age_group","code":"adult","display":"18 or over"}}]},{"linkId":"professional","answer":[{"valueBoolean":true}]}]},{"linkId":"work","item":[{"linkId":"documents_held","answer":[{"valueCoding":{"system":"\#(Self.yesNo)","code":"Y"}}]},{"linkId":"hours_per_week","answer":[{"valueInteger":70}]},{"linkId":"pay_rate","answer":[{"valueDecimal":4.2}]},{"linkId":"signs","answer":[{"valueCoding":{"code":"labour"}},{"valueCoding":{"system":"\#(Self.nullFlavor)","code":"UNK"}}]},{"linkId":"labour_detail","answer":[{"valueString":"farm work"}]},{"linkId":"started","answer":[{"valueDate":"2026-02-01"}]}]}]"#
        #expect(Self.compactReads(items, runtime: runtime) == false)  // "not known" with a choice: the general reader's error
        let valid = items.replacingOccurrences(of: #",{"valueCoding":{"system":"\#(Self.nullFlavor)","code":"UNK"}}"#, with: "")
        #expect(Self.compactReads(valid, runtime: runtime))
        // Escapes, an extension, or the answer before the linkId: the general reader's job.
        #expect(!Self.compactReads(valid.replacingOccurrences(of: #""farm work""#, with: #""farm\nwork""#), runtime: runtime))
        #expect(
            !Self.compactReads(
                valid.replacingOccurrences(of: #"{"valueInteger":70}"#, with: #"{"valueInteger":70,"extension":[]}"#), runtime: runtime))
        #expect(
            !Self.compactReads(
                valid.replacingOccurrences(
                    of: #"{"linkId":"professional","answer":[{"valueBoolean":true}]}"#,
                    with: #"{"answer":[{"valueBoolean":true}],"linkId":"professional"}"#),
                runtime: runtime))
    }
}
