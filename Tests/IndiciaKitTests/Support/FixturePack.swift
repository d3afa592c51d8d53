import Foundation
import Testing

@testable import IndiciaKit

/// The test-owned pack in Fixtures/fhir (every question type and every exportable form of skip
/// logic), and seeded random answer sets for it.
enum FixturePack {
    static var directory: String { Fixtures.path("fhir") }

    static func runtime(sourceLocation: SourceLocation = #_sourceLocation) -> PackRuntime? {
        let library = PackLibrary.load(paths: [directory])
        guard let pack = library.compile(rulesID: "fhirtest").0 else {
            Issue.record("the fixture pack does not compile: \(library.diagnostics)", sourceLocation: sourceLocation)
            return nil
        }
        return PackRuntime(pack: pack)
    }

    /// A small deterministic generator (SplitMix64), so failures can be reproduced from the seed.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    }

    /// A random case for any questionnaire: each question left out, "not_known" (where allowed) or
    /// given a valid answer of its type, as the JSON text of the answers object's members.
    static func randomAnswers(_ questionnaire: Questionnaire, _ random: inout Random) -> [(String, String)] {
        var answers: [(String, String)] = []
        for question in questionnaire.questions {
            let roll = random.below(10)
            if roll < 2 { continue }
            if roll == 2, question.allowsNotKnown {
                answers.append((question.id, "\"not_known\""))
                continue
            }
            switch question.kind {
            case .yesNo:
                answers.append((question.id, random.below(2) == 0 ? "\"yes\"" : "\"no\""))
            case .singleChoice(let choices):
                answers.append((question.id, "\"\(choices[random.below(choices.count)].id)\""))
            case .multipleChoice(let choices):
                var picked: [String] = []
                for choice in choices where random.below(3) == 0 { picked.append("\"\(choice.id)\"") }
                if picked.isEmpty { picked.append("\"\(choices[random.below(choices.count)].id)\"") }
                answers.append((question.id, "[" + picked.joined(separator: ",") + "]"))
            case .integer(let min, let max, _):
                let low = Int(min ?? 0)
                let high = Int(max ?? Double(low + 200))
                answers.append((question.id, String(low + random.below(high - low + 1))))
            case .decimal(let min, let max, _):
                let low = min ?? 0
                let high = max ?? low + 20
                let tenths = random.below(Int((high - low) * 10) + 1)
                answers.append((question.id, String(format: "%.1f", low + Double(tenths) / 10)))
            case .text:
                answers.append((question.id, "\"some words\""))
            case .date:
                let date = String(format: "\"%d-%02d-%02d\"", 2025 + random.below(2), 1 + random.below(12), 1 + random.below(28))
                answers.append((question.id, date))
            }
        }
        return answers
    }

    static func caseJSON(id: Int, _ answers: [(String, String)]) -> String {
        "{\"id\":\(id),\"answers\":{" + answers.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}}"
    }
}
