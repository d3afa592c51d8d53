import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

@Suite("indicia export and QuestionnaireResponse streams")
struct ExportCommandTests {
    static let fixture = ToolRunner.repositoryRoot + "/Tests/IndiciaKitTests/Fixtures/fhir/rules.yaml"

    @Test("export --format fhir writes one Questionnaire resource for the pack")
    func export() throws {
        let run = ToolRunner.run(["export", "--format", "fhir", "--pack", Self.fixture])
        #expect(run.code == .ok)
        #expect(run.errors == "")
        let resource = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        #expect(resource["resourceType"] as? String == "Questionnaire")
        #expect(resource["url"] as? String == "urn:indicia:questionnaire:fhirtest")
        #expect(resource["version"] as? String == "3.1")
    }

    @Test("a pack named by id exports (the test-owned welfare pack)")
    func byID() {
        let run = ToolRunner.run(["export", "--format", "fhir", "--pack", "welfare"])
        #expect(run.code == .ok, "\(run.errors)")
        #expect(run.output.contains(#""url": "urn:indicia:questionnaire:welfare""#))
        #expect(run.output.contains(#""version": "7.1""#))
    }

    @Test("skip logic that cannot be exported: positioned error with the source line and a caret, nothing written, exit 65")
    func unsupported() throws {
        let directory = ToolRunner.temporaryDirectory()
        let questionnaire = """
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
                  - id: c
                    type: yes_no
                    text: C?
                    show_if: a * 2 > 3

            """
        let rules =
            "version: 1\nkind: rules\nid: bad\nrevision: \"1\"\ntitle: Bad\nquestionnaire: bad\noutcomes:\n  - id: none\n    level: 0\n    label: None\n"
        #expect(FileManager.default.createFile(atPath: directory + "/q.yaml", contents: Data(questionnaire.utf8)))
        #expect(FileManager.default.createFile(atPath: directory + "/r.yaml", contents: Data(rules.utf8)))
        let run = ToolRunner.run(["export", "--format", "fhir", "--pack", directory + "/r.yaml"])
        #expect(run.code == .dataError)
        #expect(run.output == "")
        let message =
            "the skip logic of 'c' uses a comparison that does not compare a question's answer with a fixed value, which the FHIR export cannot translate; rewrite it with comparisons of answers with fixed values, and/or/not, in, answered(), not_known(), asked() or count_selected()"
        let expected =
            "\(directory)/q.yaml:16:24: error: \(message) [fhir-export]\n" + "          show_if: a * 2 > 3\n" + String(repeating: " ", count: 25)
            + "^\n"
            + "indicia export: the questionnaire cannot be exported as FHIR (1 problem)\n"
        #expect(run.errors == expected)
    }

    @Test("a format other than fhir, or no pack, is a usage error")
    func usage() {
        #expect(ToolRunner.run(["export", "--format", "csv", "--pack", Self.fixture]).code == .usage)
        #expect(ToolRunner.run(["export", "--pack", Self.fixture]).code == .usage)
        #expect(ToolRunner.run(["export", "--format", "fhir"]).code == .usage)
    }

    @Test("a stream mixing responses, cases and bad responses: one result per line, in order, the stream goes on")
    func stream() throws {
        let good =
            #"{"resourceType":"QuestionnaireResponse","id":"r1","questionnaire":"urn:indicia:questionnaire:fhirtest|3.1","status":"completed","item":[{"linkId":"about","item":[{"linkId":"professional","answer":[{"valueBoolean":true}]}]}]}"#
        let otherVersion = good.replacingOccurrences(of: "|3.1", with: "|2.0").replacingOccurrences(of: "\"r1\"", with: "\"r2\"")
        let wrongType = good.replacingOccurrences(of: #"{"valueBoolean":true}"#, with: #"{"valueString":"yes"}"#)
            .replacingOccurrences(of: "\"r1\"", with: "\"r3\"")
        let input = [good, otherVersion, #"{"id":"c4","answers":{"professional":"yes"}}"#, wrongType, good].joined(separator: "\n") + "\n"
        let run = ToolRunner.run(["evaluate", "--pack", Self.fixture], input: input)
        #expect(run.code == .findings)
        let lines = run.output.split(separator: "\n").map(String.init)
        try #require(lines.count == 5)
        #expect(lines[0].hasPrefix(#"{"id":"r1","ok":true,"#))
        #expect(
            lines[1]
                == #"{"id":"r2","ok":false,"line":2,"error":{"code":"wrong-questionnaire","message":"the response answers version '2.0' of the questionnaire, but this pack has version '3.1'","path":"questionnaire"}}"#
        )
        // The case and the response with the same answers give the same result apart from the id.
        #expect(lines[2].replacingOccurrences(of: "\"c4\"", with: "\"r1\"") == lines[0])
        #expect(
            lines[3]
                == #"{"id":"r3","ok":false,"line":4,"error":{"code":"wrong-type","message":"the answer to 'professional' must be a valueBoolean","path":"item[0].item[0].answer[0].valueString"}}"#
        )
        #expect(lines[4] == lines[0])
        #expect(run.errors == "indicia evaluate: 5 records, 2 failed (see the error results)\n")
    }
}
