/// What the JSON decoder needs to check one question's answer: plain data, so the hot loop
/// copies no strings and touches no reference counts.
struct AnswerSpec: Sendable {
    enum Kind: UInt8, Sendable {
        case yesNo, singleChoice, multipleChoice, integer, decimal, text, date
    }

    var kind: Kind
    var allowsNotKnown: Bool
    var min: Double
    var max: Double
    var maxLength: Int

    init(_ question: Question) {
        allowsNotKnown = question.allowsNotKnown
        min = -.infinity
        max = .infinity
        maxLength = 0
        switch question.kind {
        case .yesNo: kind = .yesNo
        case .singleChoice: kind = .singleChoice
        case .multipleChoice: kind = .multipleChoice
        case .integer(let lo, let hi, _):
            kind = .integer
            min = lo ?? -.infinity
            max = hi ?? .infinity
        case .decimal(let lo, let hi, _):
            kind = .decimal
            min = lo ?? -.infinity
            max = hi ?? .infinity
        case .text(let length):
            kind = .text
            maxLength = length
        case .date: kind = .date
        }
    }
}
