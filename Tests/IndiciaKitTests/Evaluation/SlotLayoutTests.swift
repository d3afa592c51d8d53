import Testing

@testable import IndiciaKit

@Suite("Slot layout")
struct SlotLayoutTests {
    @Test("3 questions, 2 values, 4 indicators, 1 score: blocks in that order, the outcome, then 3 answers as given")
    func blocks() {
        let layout = SlotLayout(questions: 3, values: 2, indicators: 4, scores: 1)
        #expect(layout.valueSlots == [3, 4])
        #expect(layout.indicatorSlots == [5, 6, 7, 8])
        #expect(layout.scoreSlots == [9])
        #expect(layout.outcomeSlot == 10)
        #expect(layout.rawAnswerBase == 11)
        #expect(layout.slotCount == 14)
        let kinds = (0..<layout.slotCount).map { layout.kind(of: $0) }
        #expect(
            kinds == [
                .question(0), .question(1), .question(2), .value(0), .value(1), .indicator(0), .indicator(1), .indicator(2),
                .indicator(3), .score(0), .outcome, .rawAnswer(0), .rawAnswer(1), .rawAnswer(2),
            ])
        #expect(layout.isQuestion(2) && !layout.isQuestion(3))
    }

    @Test("a pack with no values, indicators or scores: the outcome follows the questions")
    func empty() {
        let layout = SlotLayout(questions: 2, values: 0, indicators: 0, scores: 0)
        #expect(layout.valueSlots.isEmpty && layout.indicatorSlots.isEmpty && layout.scoreSlots.isEmpty)
        #expect(layout.kind(of: 2) == .outcome)
        #expect(layout.slotCount == 5)
    }
}
