import Foundation
import Testing

@testable import IndiciaKit

@Suite("FHIR Questionnaire export")
struct FHIRQuestionnaireExportTests {
    func exported() throws -> [String: Any] {
        let runtime = try #require(FixturePack.runtime())
        let resource = try FHIRQuestionnaireExport.questionnaire(runtime.pack).get()
        return try #require(try JSONSerialization.jsonObject(with: Data(resource.serialized)) as? [String: Any])
    }

    func item(_ q: [String: Any], _ link: String) -> [String: Any]? {
        for group in q["item"] as? [[String: Any]] ?? [] {
            if group["linkId"] as? String == link { return group }
            for item in group["item"] as? [[String: Any]] ?? [] where item["linkId"] as? String == link { return item }
        }
        return nil
    }

    func expression(_ item: [String: Any]?) -> String? {
        let extensions = item?["extension"] as? [[String: Any]] ?? []
        let found = extensions.first { $0["url"] as? String == FHIRCodes.enableWhenExpression }
        return (found?["valueExpression"] as? [String: Any])?["expression"] as? String
    }

    @Test("the resource names the questionnaire and its revision; sections are groups in order")
    func resource() throws {
        let q = try exported()
        #expect(q["resourceType"] as? String == "Questionnaire")
        #expect(q["url"] as? String == "urn:indicia:questionnaire:fhirtest")
        #expect(q["version"] as? String == "3.1")
        #expect(q["title"] as? String == "FHIR round-trip fixture")
        #expect(q["name"] as? String == "Indicia_fhirtest")
        let groups = q["item"] as? [[String: Any]] ?? []
        #expect(groups.map { $0["linkId"] as? String } == ["about", "work", "child", "notes"])
        #expect(groups.allSatisfy { $0["type"] as? String == "group" })
        #expect(
            (groups[1]["item"] as? [[String: Any]])?.map { $0["linkId"] as? String ?? "" } == [
                "documents_held", "hours_per_week", "pay_rate", "signs", "labour_detail", "started", "keeps_pay",
            ])
    }

    @Test("each question type maps to its FHIR type, with choices, not known, ranges, lengths and required")
    func types() throws {
        let q = try exported()
        let age = try #require(item(q, "age_group"))
        #expect(age["type"] as? String == "choice")
        #expect(age["required"] as? Bool == true)
        let options = (age["answerOption"] as? [[String: Any]] ?? []).compactMap { $0["valueCoding"] as? [String: String] }
        #expect(options.map { $0["code"] } == ["under_18", "adult", "not_sure", "UNK"])
        #expect(options[0]["system"] == "urn:indicia:questionnaire:fhirtest:age_group")
        #expect(options[1]["display"] == "18 or over")
        #expect(options[3]["system"] == "http://terminology.hl7.org/CodeSystem/v3-NullFlavor")
        #expect(item(q, "professional")?["type"] as? String == "boolean")
        #expect(item(q, "professional")?["answerOption"] == nil)
        let documents = (item(q, "documents_held")?["answerOption"] as? [[String: Any]] ?? []).compactMap { $0["valueCoding"] as? [String: String] }
        #expect(documents.map { $0["code"] } == ["Y", "N", "UNK"])
        #expect(documents[0]["system"] == "http://terminology.hl7.org/CodeSystem/v2-0136")
        let hours = try #require(item(q, "hours_per_week"))
        #expect(hours["type"] as? String == "integer")
        let hourExtensions = hours["extension"] as? [[String: Any]] ?? []
        #expect(hourExtensions.first { $0["url"] as? String == "http://hl7.org/fhir/StructureDefinition/minValue" }?["valueInteger"] as? Int == 0)
        #expect(hourExtensions.first { $0["url"] as? String == "http://hl7.org/fhir/StructureDefinition/maxValue" }?["valueInteger"] as? Int == 168)
        let pay = try #require(item(q, "pay_rate"))
        #expect(pay["type"] as? String == "decimal")
        let payExtensions = (pay["extension"] as? [[String: Any]] ?? []).compactMap { $0["url"] as? String }
        #expect(payExtensions.contains("http://hl7.org/fhir/StructureDefinition/minValue"))
        #expect(!payExtensions.contains("http://hl7.org/fhir/StructureDefinition/maxValue"))
        #expect(item(q, "signs")?["repeats"] as? Bool == true)
        #expect(item(q, "labour_detail")?["type"] as? String == "string")
        #expect(item(q, "labour_detail")?["maxLength"] as? Int == 200)
        #expect(item(q, "note")?["type"] as? String == "text")
        #expect(item(q, "started")?["type"] as? String == "date")
    }

    @Test("help is a display child with the standard help item control")
    func help() throws {
        let q = try exported()
        let children = item(q, "age_group")?["item"] as? [[String: Any]] ?? []
        #expect(children.count == 1)
        #expect(children.first?["type"] as? String == "display")
        #expect(children.first?["linkId"] as? String == "age_group.help")
        #expect(children.first?["text"] as? String == "If you are not sure, choose \"not sure\".")
        let control = (children.first?["extension"] as? [[String: Any]])?.first
        #expect(control?["url"] as? String == "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl")
        let coding = ((control?["valueCodeableConcept"] as? [String: Any])?["coding"] as? [[String: String]])?.first
        #expect(coding?["code"] == "help")
        #expect(coding?["system"] == "http://hl7.org/fhir/questionnaire-item-control")
        #expect(item(q, "professional")?["item"] == nil)
    }

    @Test("a simple comparison on an always-asked question is enableWhen, asking while the answer is missing or not known")
    func simpleEnableWhen() throws {
        let q = try exported()
        let work = try #require(item(q, "work"))
        #expect(expression(work) == nil)
        #expect(work["enableBehavior"] as? String == "any")
        let entries = work["enableWhen"] as? [[String: Any]] ?? []
        #expect(entries.count == 3)
        #expect(entries[0]["question"] as? String == "age_group")
        #expect(entries[0]["operator"] as? String == "=")
        #expect((entries[0]["answerCoding"] as? [String: String])?["code"] == "adult")
        #expect(entries[1]["operator"] as? String == "exists")
        #expect(entries[1]["answerBoolean"] as? Bool == false)
        #expect((entries[2]["answerCoding"] as? [String: String])?["code"] == "UNK")
        // age_group in ['under_18', 'not_sure']: two values, then missing and not known.
        let child = (item(q, "child")?["enableWhen"] as? [[String: Any]] ?? []).compactMap { ($0["answerCoding"] as? [String: String])?["code"] }
        #expect(child == ["under_18", "not_sure", "UNK"])
    }

    @Test("skip logic on questions that are themselves skipped is an SDC enableWhenExpression")
    func expressions() throws {
        let q = try exported()
        for link in ["labour_detail", "started", "keeps_pay", "school", "seen_date", "many_signs"] {
            let found = expression(item(q, link))
            #expect(found != nil, "\(link)")
            #expect(item(q, link)?["enableWhen"] == nil, "\(link)")
        }
        // 'labour' in signs: signs is only asked of adults, so the condition also reads age_group.
        let labour = try #require(expression(item(q, "labour_detail")))
        #expect(labour.contains("linkId = 'signs'") && labour.contains("code = 'labour'") && labour.contains("linkId = 'age_group'"))
        #expect(item(q, "professional")?["extension"] == nil)
    }

    static let base = """
        version: 1
        kind: questionnaire
        id: bad
        revision: "1"
        title: Bad
        sections:
          - id: s
            title: S
            questions:
              - id: a
                type: integer
                text: A?
              - id: b
                type: integer
                text: B?
              - id: c
                type: yes_no
                text: C?
                show_if: SHOW
        """
    static let rules = """
        version: 1
        kind: rules
        id: bad
        revision: "1"
        title: Bad rules
        questionnaire: bad
        outcomes:
          - id: none
            level: 0
            label: None
        """

    @Test(
        "a form of skip logic that cannot be translated is an error naming the question and its position",
        arguments: [
            ("a + b > 3", "a comparison that does not compare"),
            ("a > b", "a comparison that does not compare a question's answer with a fixed value"),
            ("coalesce(a, 0) > 1", "a comparison that does not compare"),
            ("if(a > 1, true, false)", "if()"),
            ("answered(a) and max(a, b) > 1", "a comparison that does not compare"),
        ])
    func unsupported(_ condition: String, _ what: String) throws {
        let pack = try #require(Fixtures.pack(questionnaire: Self.base.replacingOccurrences(of: "SHOW", with: "\"\(condition)\""), rules: Self.rules))
        guard case .failure(let failure) = FHIRQuestionnaireExport.questionnaire(pack) else {
            Issue.record("\(condition) was exported")
            return
        }
        #expect(failure.errors.count == 1)
        let error = try #require(failure.errors.first)
        #expect(error.item == "c")
        #expect(error.message.hasPrefix("the skip logic of 'c' uses "))
        #expect(error.message.contains(what), "\(error.message)")
        #expect(error.mark.line == 19)
        #expect(error.description.hasSuffix("[fhir-export]"))
    }
}
