import Foundation
import Testing

@testable import IndiciaKit

@Suite("QuestionnaireResponse input")
struct FHIRResponseDecoderTests {
    static let canonical = "urn:indicia:questionnaire:fhirtest|3.1"
    static let yn = "http://terminology.hl7.org/CodeSystem/v2-0136"
    static let unknown = #"{"valueCoding":{"system":"http://terminology.hl7.org/CodeSystem/v3-NullFlavor","code":"UNK"}}"#

    static func response(_ groups: String, canonical: String = Self.canonical, id: String = #""r1""#) -> String {
        #"{"resourceType":"QuestionnaireResponse","id":\#(id),"questionnaire":"\#(canonical)","status":"completed","item":[\#(groups)]}"#
    }

    static func coding(_ question: String, _ code: String) -> String {
        #"{"valueCoding":{"system":"urn:indicia:questionnaire:fhirtest:\#(question)","code":"\#(code)"}}"#
    }

    static let about =
        #"{"linkId":"about","item":[{"linkId":"age_group","answer":[\#(coding("age_group", "adult"))]},{"linkId":"professional","answer":[{"valueBoolean":false}]}]}"#

    func result(_ json: String) throws -> (ok: Bool, text: String) {
        let runtime = try #require(FixturePack.runtime())
        let (ok, bytes) = runtime.evaluateJSON(Array(json.utf8))
        return (ok, String(decoding: bytes, as: UTF8.self))
    }

    @Test(
        "a QuestionnaireResponse gives byte for byte the result of the equivalent case",
        arguments: [
            (
                Self.about
                    + #",{"linkId":"work","item":[{"linkId":"documents_held","answer":[{"valueCoding":{"system":"\#(Self.yn)","code":"Y"}}]},{"linkId":"hours_per_week","answer":[{"valueInteger":70}]},{"linkId":"pay_rate","answer":[{"valueDecimal":4.2}]},{"linkId":"signs","answer":[\#(coding("signs", "labour")),{"valueCoding":{"code":"criminal"}}]},{"linkId":"labour_detail","answer":[{"valueString":"farm work"}]},{"linkId":"started","answer":[{"valueDate":"2026-02-01"}]}]},{"linkId":"notes","item":[{"linkId":"note","answer":[{"valueString":"x"}]}]}"#,
                #"{"id":"r1","answers":{"age_group":"adult","professional":"no","documents_held":"yes","hours_per_week":70,"pay_rate":4.2,"signs":["labour","criminal"],"labour_detail":"farm work","started":"2026-02-01","note":"x"}}"#
            ),
            (
                // Not known to a choice, a yes/no and a number; a skipped section answered anyway (ignored).
                #"{"linkId":"about","item":[{"linkId":"age_group","answer":[\#(Self.unknown)]}]},{"linkId":"work","item":[{"linkId":"documents_held","answer":[\#(Self.unknown)]},{"linkId":"hours_per_week","answer":[\#(Self.unknown)]},{"linkId":"signs","answer":[\#(Self.unknown)]}]},{"linkId":"child","item":[{"linkId":"school","answer":[\#(coding("school", "missing"))]}]}"#,
                #"{"id":"r1","answers":{"age_group":"not_known","documents_held":"not_known","hours_per_week":"not_known","signs":"not_known","school":"missing"}}"#
            ),
            (
                // A valueInteger written with a zero fraction is that whole number (docs/fhir.md).
                Self.about + #",{"linkId":"work","item":[{"linkId":"hours_per_week","answer":[{"valueInteger":70.0}]}]}"#,
                #"{"id":"r1","answers":{"age_group":"adult","professional":"no","hours_per_week":70}}"#
            ),
            (
                // Items without answers and an empty group are not answered.
                #"{"linkId":"about","item":[{"linkId":"age_group","text":"How old?"},{"linkId":"professional","answer":[{"valueBoolean":true}]}]},{"linkId":"work"}"#,
                #"{"id":"r1","answers":{"professional":"yes"}}"#
            ),
        ])
    func identical(_ groups: String, _ equivalent: String) throws {
        let fromResponse = try result(Self.response(groups))
        let fromCase = try result(equivalent)
        #expect(fromCase.ok)
        #expect(fromResponse.ok)
        #expect(fromResponse.text == fromCase.text)
    }

    @Test(
        "bad responses get a coded error with the FHIR path of the problem",
        arguments: [
            (Self.response(Self.about, canonical: "urn:indicia:questionnaire:other|3.1"), "wrong-questionnaire", "questionnaire", "not this pack's"),
            (Self.response(Self.about, canonical: "urn:indicia:questionnaire:fhirtest|3.0"), "wrong-questionnaire", "questionnaire", "version '3.0'"),
            (Self.response(Self.about, canonical: "urn:indicia:questionnaire:fhirtest"), "wrong-questionnaire", "questionnaire", "which version"),
            (
                Self.response(#"{"linkId":"about","item":[{"linkId":"age_groop","answer":[{"valueBoolean":true}]}]}"#), "unknown-question",
                "item[0].item[0].linkId", "did you mean 'age_group'"
            ),
            (
                Self.response(#"{"linkId":"work","item":[{"linkId":"hours_per_week","answer":[{"valueString":"70"}]}]}"#), "wrong-type",
                "item[0].item[0].answer[0].valueString", "valueInteger"
            ),
            (
                Self.response(#"{"linkId":"about","item":[{"linkId":"professional","answer":[{"valueCoding":{"code":"Y"}}]}]}"#), "wrong-type",
                "item[0].item[0].answer[0].valueCoding", "valueBoolean"
            ),
            (
                Self.response(
                    Self.about
                        + #",{"linkId":"child","item":[{"linkId":"school","answer":[\#(coding("school", "attends")),\#(coding("school", "missing"))]}]}"#
                ),
                "duplicate-answer", "item[1].item[0].answer[1]", "takes one answer"
            ),
            (
                Self.response(#"{"linkId":"about","item":[{"linkId":"hours_per_week","answer":[{"valueInteger":3}]}]}"#), "wrong-group",
                "item[0].item[0]", "belongs in the group 'work', not 'about'"
            ),
            (Self.response(#"{"linkId":"note","answer":[{"valueString":"x"}]}"#), "wrong-group", "item[0]", "inside the group 'notes'"),
            (
                Self.response(#"{"linkId":"about","item":[{"linkId":"work","item":[]}]}"#), "wrong-group", "item[0].item[0]",
                "cannot be nested in the group 'about'"
            ),
            (
                Self.response(#"{"linkId":"about","item":[{"linkId":"professional","answer":[{"valueBoolean":true,"item":[{"linkId":"x"}]}]}]}"#),
                "wrong-group", "item[0].item[0].answer[0].item", "no items nested"
            ),
            (
                Self.response(#"{"linkId":"about","item":[{"linkId":"professional","answer":[\#(Self.unknown)]}]}"#), "not-known-not-allowed",
                "item[0].item[0].answer[0].valueCoding", "does not accept"
            ),
            (
                Self.response(#"{"linkId":"about","item":[{"linkId":"age_group","answer":[\#(coding("age_group", "elderly"))]}]}"#),
                "unknown-choice", "item[0].item[0].answer[0].valueCoding.code", "not one of its choices"
            ),
            (
                Self.response(
                    #"{"linkId":"about","item":[{"linkId":"age_group","answer":[{"valueCoding":{"system":"http://snomed.info/sct","code":"adult"}}]}]}"#
                ),
                "unknown-choice", "item[0].item[0].answer[0].valueCoding.code", "not one of its choices"
            ),
            (
                Self.response(#"{"linkId":"work","item":[{"linkId":"hours_per_week","answer":[{"valueInteger":169}]}]}"#), "out-of-range",
                "item[0].item[0].answer[0].valueInteger", "above its maximum of 168"
            ),
            (
                Self.response(#"{"linkId":"work","item":[{"linkId":"hours_per_week","answer":[{"valueInteger":70.5}]}]}"#), "wrong-type",
                "item[0].item[0].answer[0].valueInteger", "must be a whole number"
            ),
            (
                Self.response(#"{"linkId":"work","item":[{"linkId":"started","answer":[{"valueDate":"2026-02"}]}]}"#), "wrong-type",
                "item[0].item[0].answer[0].valueDate", "full date"
            ),
            (Self.response(Self.about + "," + Self.about), "duplicate-answer", "item[1]", "appears twice"),
            (
                #"{"resourceType":"Patient","id":"p"}"#, "wrong-type", "resourceType", "must be a QuestionnaireResponse"
            ),
            (#"{"resourceType":"QuestionnaireResponse","id":"r1","status":"completed"}"#, "missing-field", "questionnaire", "which questionnaire"),
            (#"{"resourceType":"QuestionnaireResponse","id":"r1","answers":{}}"#, "unknown-field", "answers", "not an element"),
        ])
    func bad(_ json: String, _ code: String, _ path: String, _ words: String) throws {
        let (ok, text) = try result(json)
        #expect(!ok)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let error = try #require(object["error"] as? [String: Any])
        #expect(error["code"] as? String == code, "\(text)")
        #expect(error["path"] as? String == path, "\(text)")
        #expect((error["message"] as? String)?.contains(words) == true, "\(text)")
        // The id is read before the problem, so the error result carries it.
        if json.contains(#""id":"r1""#) { #expect(object["id"] as? String == "r1") }
    }
}
