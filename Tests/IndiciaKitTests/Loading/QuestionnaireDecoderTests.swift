import Foundation
import Testing

@testable import IndiciaKit

/// Conventions a questionnaire declares for the guided session: its emergency line and its command.
@Suite("Questionnaire conventions")
struct QuestionnaireDecoderTests {
    static func questionnaire(_ header: String) -> String {
        Diagnostic.Code.Example.baseQuestionnaire.replacing("title: Base\n", with: "title: Base\n" + header)
    }

    static func decode(_ header: String) -> (Questionnaire?, [Diagnostic]) {
        let library = PackLibrary.load(sources: [(name: "q.yaml", bytes: Array(questionnaire(header).utf8))])
        return (library.questionnaires["base"]?.model, library.diagnostics)
    }

    @Test("the emergency line and the guided command are read from the pack")
    func declared() throws {
        let (model, diagnostics) = Self.decode("emergency: In an emergency, do this first.\nguided_command: assess\n")
        #expect(diagnostics.isEmpty)
        let questionnaire = try #require(model)
        #expect(questionnaire.emergency == "In an emergency, do this first.")
        #expect(questionnaire.guidedCommand == .assess)
    }

    @Test("without them there is no emergency line and no guided command (the pack runs only with --pack)")
    func defaults() throws {
        let questionnaire = try #require(Self.decode("").0)
        #expect(questionnaire.emergency == nil)
        #expect(questionnaire.guidedCommand == nil)
    }

    @Test("an unknown guided command is a positioned bad-value error naming the commands")
    func unknownCommand() throws {
        let (_, diagnostics) = Self.decode("guided_command: asess\n")
        let error = try #require(diagnostics.first)
        #expect(error.code == .badValue && error.severity == .error)
        #expect(error.mark.line == 6 && error.mark.column == 17)
        #expect(error.message.contains("screen or assess") && error.message.contains("'assess'"))
    }
}
