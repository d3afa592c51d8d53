import Foundation
import Testing

@testable import IndiciaKit

/// The decoder's literal fast path and the writer's templates must give exactly what the general
/// parser and the general writer give: these cases are built to take each path and compared.
@Suite("JSON fast paths")
struct FastPathTests {
    /// Eleven weak indicators in one category (so a count reaches 10), a question id long enough
    /// that key and answer do not fit in one 16-byte token, a choice id longer than 16 bytes, and
    /// numbers.
    static let questionnaire = """
        version: 1
        kind: questionnaire
        id: fq
        revision: "1"
        title: Fast path
        sections:
          - id: s
            title: S
            questions:
        \((1...11).map { "      - { id: y\($0), type: yes_no, not_known: true, text: Y\($0)? }" }.joined(separator: "\n"))
              - id: a_rather_long_question_identifier
                type: single_choice
                not_known: true
                text: Long?
                choices: [{ id: short, label: Short }, { id: a_choice_id_longer_than_sixteen_bytes, label: Long }]
              - { id: n, type: integer, min: 0, max: 500, text: N? }
        """
    static let rules = """
        version: 1
        kind: rules
        id: fr
        revision: "1"
        title: Fast path rules
        questionnaire: fq
        strengths:
          - { id: strong, label: Strong, weight: 3 }
          - { id: weak, label: Weak, weight: 1 }
        categories:
          - { id: many, label: Many }
          - { id: other, label: Other }
        indicators:
        \((1...11).map { "  - { id: i\($0), label: I\($0), category: many, strength: weak, when: \"y\($0)\", source: s, verified: true }" }.joined(separator: "\n"))
          - { id: long, label: Long, category: other, strength: strong, when: "a_rather_long_question_identifier == 'a_choice_id_longer_than_sixteen_bytes' or n > 100", source: s, verified: true }
        scores:
          - { id: score, label: Score, expr: weight_sum() }
        outcomes:
          - { id: high, level: 1, label: High, when: "score >= 10" }
          - { id: low, level: 0, label: Low }
        """

    static let runtime: PackRuntime? = Fixtures.pack(questionnaire: questionnaire, rules: rules).map(PackRuntime.init)

    static func result(_ json: String) -> [String: Any]? {
        guard let runtime else { return nil }
        let (_, bytes) = runtime.evaluateJSON(Array(json.utf8))
        return (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
    }

    static func bytes(_ json: String) -> String {
        guard let runtime else { return "" }
        return String(decoding: runtime.evaluateJSON(Array(json.utf8)).bytes, as: UTF8.self)
    }

    /// The same answers, compact (fast path) and with spaces after every colon (general parser).
    static func bothSpellings(_ answers: [(String, String)]) -> (compact: String, spaced: String) {
        let compact = "{\"id\":1,\"answers\":{" + answers.map { "\"\($0.0)\":\($0.1)" }.joined(separator: ",") + "}}"
        let spaced = "{\"id\":1,\"answers\":{" + answers.map { "\"\($0.0)\": \($0.1)" }.joined(separator: ", ") + "}}"
        return (compact, spaced)
    }

    @Test("a count of ten or more in one category is written in full, not from the single-digit template")
    func twoDigitCounts() throws {
        let answers = (1...11).map { ("y\($0)", "\"yes\"") } + [("a_rather_long_question_identifier", "\"short\""), ("n", "5")]
        let result = try #require(Self.result(Self.bothSpellings(answers).compact))
        let categories = try #require(result["categories"] as? [String: [String: Int]])
        #expect(categories["many"] == ["strong": 0, "weak": 11])
        #expect(categories["other"] == ["strong": 0, "weak": 0])
        #expect((result["indicators"] as? [Any])?.count == 11)
        #expect((result["outcome"] as? [String: Any])?["id"] as? String == "high")
    }

    @Test("without strengths the summary's categories are plain counts from the general writer, leaving out those at 0")
    func summaryWithoutStrengths() throws {
        let rules = """
            version: 1
            kind: rules
            id: ns
            revision: "1"
            title: No strengths
            questionnaire: fq
            categories:
              - { id: many, label: Many }
              - { id: other, label: Other }
              - { id: last, label: Last }
            indicators:
            \((1...11).map { "  - { id: i\($0), label: I\($0), category: \($0 == 11 ? "last" : "many"), when: \"y\($0)\", source: s, verified: true }" }.joined(separator: "\n"))
            scores:
              - { id: score, label: Score, expr: count() }
            outcomes:
              - { id: low, level: 0, label: Low }
            """
        let runtime = try #require(Fixtures.pack(questionnaire: Self.questionnaire, rules: rules).map(PackRuntime.init))
        let answers = (1...11).map { ("y\($0)", $0 == 5 ? "\"no\"" : "\"yes\"") } + [("a_rather_long_question_identifier", "\"short\""), ("n", "5")]
        let summary = runtime.evaluateJSON(Array(Self.bothSpellings(answers).compact.utf8), profile: .summary)
        let text = String(decoding: summary.bytes, as: UTF8.self)
        // Nine of the ten in "many" (i5 answered no), one in "last", none in "other".
        #expect(text.contains(#""categories":{"many":9,"last":1}"#), "\(text)")
    }

    @Test("nine in a category still uses the template and gives the same counts")
    func singleDigitCounts() throws {
        let answers = (1...11).map { ("y\($0)", $0 <= 9 ? "\"yes\"" : "\"no\"") } + [("a_rather_long_question_identifier", "\"short\""), ("n", "5")]
        let result = try #require(Self.result(Self.bothSpellings(answers).compact))
        let categories = try #require(result["categories"] as? [String: [String: Int]])
        #expect(categories["many"] == ["strong": 0, "weak": 9])
    }

    @Test("key-and-answer tokens, long keys, long choice ids, not_known, null and numbers read the same on both paths")
    func bothPathsAgree() {
        let long = "a_rather_long_question_identifier"
        var mixed: [(String, String)] = []
        var nulls: [(String, String)] = []
        for n in 1...11 {
            mixed.append(("y\(n)", n % 3 == 0 ? "\"not_known\"" : n % 2 == 0 ? "true" : "\"no\""))
            nulls.append(("y\(n)", n == 4 ? "null" : "false"))
        }
        mixed += [(long, "\"a_choice_id_longer_than_sixteen_bytes\""), ("n", "101")]
        nulls += [(long, "\"not_known\""), ("n", "0")]
        // The number is the last answer: the fast path reads up to the closing brace.
        let last: [(String, String)] = [("y1", "\"yes\""), ("n", "500")]
        let cases = [mixed, nulls, last]
        for answers in cases {
            let (compact, spaced) = Self.bothSpellings(answers)
            let fast = Self.bytes(compact)
            #expect(fast.hasPrefix("{\"id\":1,\"ok\":true"), "\(fast)")
            #expect(fast == Self.bytes(spaced))
        }
    }

    @Test("number answers the fast path reads or declines come out as the general parser reads them")
    func numbersOnBothPaths() {
        // Fifteen digits is the most the fast path reads; a 16-digit number is read by the general parser.
        let numbers = ["0", "7", "42", "500", "501", "null", "-1", "1.5", "5e1", "00", "0500", "123456789012345", "1234567890123456"]
        for number in numbers {
            let answers: [(String, String)] = [("y1", "\"yes\""), ("n", number), ("y2", "\"no\"")]
            let (compact, spaced) = Self.bothSpellings(answers)
            let fast = Self.result(compact)
            let general = Self.result(spaced)
            let fastError = fast?["error"] as? [String: Any]
            let generalError = general?["error"] as? [String: Any]
            // Errors name the same problem and place; their columns differ with the spelling.
            #expect(fastError?["code"] as? String == generalError?["code"] as? String, "n: \(number)")
            #expect(fastError?["path"] as? String == generalError?["path"] as? String, "n: \(number)")
            if fastError == nil { #expect(Self.bytes(compact) == Self.bytes(spaced), "n: \(number)") }
        }
        // The ones within 0...500 are accepted; the others are refused.
        #expect(Self.result(Self.bothSpellings([("n", "42")]).compact)?["ok"] as? Bool == true)
        #expect((Self.result(Self.bothSpellings([("n", "501")]).compact)?["error"] as? [String: Any])?["code"] as? String == "out-of-range")
    }

    @Test("what the fast path declines still gets the general parser's error, with its path")
    func declinedInputKeepsItsError() {
        let problems: [(String, String, String)] = [
            // JSON numbers have no leading zeros: the object is malformed where the "5" follows "0".
            (#"{"id":1,"answers":{"y1":"yes","n":0500}}"#, "malformed-json", "/answers"),
            (#"{"id":1,"answers":{"y1":"yes","n":501}}"#, "out-of-range", "/answers/n"),
            (#"{"id":1,"answers":{"y1":"yes","y1":"no"}}"#, "duplicate-answer", "/answers/y1"),
            (#"{"id":1,"answers":{"y1":"maybe"}}"#, "unknown-choice", "/answers/y1"),
            (
                #"{"id":1,"answers":{"y1":"yes","a_rather_long_question_identifier":"a_choice_id_longer_than_sixteen_byteZ"}}"#, "unknown-choice",
                "/answers/a_rather_long_question_identifier"
            ),
        ]
        for (json, code, path) in problems {
            let error = Self.result(json)?["error"] as? [String: Any]
            #expect(error?["code"] as? String == code, "\(json)")
            #expect(error?["path"] as? String == path, "\(json)")
        }
    }

    @Test("the compact {\"id\":…,\"answers\": prefix reads ids exactly as the general parser does")
    func compactPrefix() {
        let answers = #"{"y1":"yes","n":7}"#
        let ids = [
            #""c0000001""#, #""with \"escape\"""#, #""caf\u00e9""#, "\"café\"", "\"" + String(repeating: "x", count: 256) + "\"",
            "\"" + String(repeating: "x", count: 257) + "\"", #""tab\there""#, "12",
        ]
        for id in ids {
            let compact = #"{"id":"# + id + #","answers":"# + answers + "}"
            // A space after the brace sends the same record through the general loop (an error's
            // column is one further on there, so columns are left out of the comparison).
            let general = #"{ "id":"# + id + #","answers":"# + answers + "}"
            let withoutColumn = { (text: String) in text.replacingOccurrences(of: #","column":\d+"#, with: "", options: .regularExpression) }
            #expect(withoutColumn(Self.bytes(compact)) == withoutColumn(Self.bytes(general)), "\(id.prefix(20))")
        }
        // A pack named after the answers still applies.
        let named = Self.result(#"{"id":"a","answers":{"y1":"yes"},"pack":"other"}"#)
        #expect((named?["error"] as? [String: Any])?["code"] as? String == "unknown-pack")
        let tooLong = Self.result(#"{"id":""# + String(repeating: "x", count: 257) + #"","answers":{}}"#)
        #expect((tooLong?["error"] as? [String: Any])?["code"] as? String == "too-long")
    }
}
