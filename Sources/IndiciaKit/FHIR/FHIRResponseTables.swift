/// What the compact `QuestionnaireResponse` reader compares raw bytes with: section ids, each
/// question's section, and each choice question's code system, as UTF-8, made once per pack.
struct FHIRResponseTables: Sendable {
    /// Section ids, in questionnaire order.
    let sectionIDs: [[UInt8]]
    /// The section of each question (an index into ``sectionIDs``).
    let questionSection: [Int]
    /// The code system of each question's choices (`<questionnaire url>:<question id>`).
    let choiceSystems: [[UInt8]]

    init(questionnaire: Questionnaire) {
        sectionIDs = questionnaire.sections.map { Array($0.id.utf8) }
        questionSection = questionnaire.questions.map { question in
            questionnaire.sections.firstIndex { $0.id == question.section } ?? -1
        }
        choiceSystems = questionnaire.questions.map {
            Array(FHIRCodes.choiceSystem(questionnaire: questionnaire.id, question: $0.id).utf8)
        }
    }

    /// The section with exactly these bytes as its id (the first, as the general reader finds it).
    func section(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        sectionIDs.firstIndex { CaseDecoder.equals(bytes, $0) }
    }
}
