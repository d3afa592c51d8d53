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

    /// Numbers in the middle of the answers (followed by a comma) and at the end, in questionnaire
    /// order, so the compact spelling reaches them on the fast path. `big` takes 16 digits, one
    /// more than the fast path reads.
    static let numbers: PackRuntime? = Fixtures.pack(
        questionnaire: """
            version: 1
            kind: questionnaire
            id: nq
            revision: "1"
            title: Numbers
            sections:
              - id: s
                title: S
                questions:
                  - { id: a, type: yes_no, text: A? }
                  - { id: n, type: integer, min: 0, max: 500, text: N? }
                  - { id: big, type: integer, min: 0, max: 9000000000000000, text: Big? }
                  - { id: z, type: yes_no, text: Z? }
            """,
        rules: """
            version: 1
            kind: rules
            id: nr
            revision: "1"
            title: Numbers
            questionnaire: nq
            indicators:
              - { id: ia, label: A, when: a, source: s, verified: true }
            values:
              - { id: nv, expr: "n", output: true }
              - { id: bigv, expr: "big", output: true }
            outcomes:
              - { id: none, level: 0, label: None }
            """
    ).map(PackRuntime.init)

    /// What the fast path makes of one compact answers object: how many questions it read, whether
    /// it reached the closing brace, and the slots.
    static func fastRead(_ runtime: PackRuntime, _ answers: String) -> (questions: Int, closed: Bool, slots: [Value]) {
        let bytes = Array(answers.utf8)
        var slots = [Value](repeating: .missing(.unanswered), count: runtime.pack.questionCount)
        var position = 1  // after the opening brace
        var question = 0
        let closed = bytes.withUnsafeBufferPointer { input in
            slots.withUnsafeMutableBufferPointer { slots in
                guard let base = slots.baseAddress else { return false }
                return runtime.literals.fastRun(input, position: &position, question: &question, maxAnswers: 100, slots: base)
            }
        }
        return (question, closed, slots)
    }

    @Test("the fast path reads plain whole numbers after a key, before a comma or the closing brace, and leaves the rest")
    func numbersOnTheFastPath() throws {
        let runtime = try #require(Self.numbers)
        let whole = Self.fastRead(runtime, #"{"a":"yes","n":42,"big":123456789012345,"z":"no"}"#)
        #expect(whole.questions == 4 && whole.closed)
        #expect(whole.slots == [.bool(true), .number(42), .number(123_456_789_012_345), .bool(false)])
        let last = Self.fastRead(runtime, #"{"a":"no","n":0,"big":900000000000000}"#)
        #expect(last.questions == 3 && last.closed)
        #expect(last.slots[2] == .number(900_000_000_000_000))
        // Declined, for the general parser to read or refuse: it stops at the question, unread.
        for (answers, stop) in [
            (#"{"a":"yes","n":0500,"big":1,"z":"no"}"#, 1), (#"{"a":"yes","n":501,"big":1,"z":"no"}"#, 1),
            (#"{"a":"yes","n":-1,"big":1,"z":"no"}"#, 1), (#"{"a":"yes","n":4.5,"big":1,"z":"no"}"#, 1),
            (#"{"a":"yes","n":4e1,"big":1,"z":"no"}"#, 1), (#"{"a":"yes","n":7,"big":1234567890123456,"z":"no"}"#, 2),
            (#"{"a":"yes","n":7,"big":9000000000000001,"z":"no"}"#, 2),
        ] {
            let read = Self.fastRead(runtime, answers)
            #expect(read.questions == stop && !read.closed, "\(answers)")
        }
    }

    @Test("number answers the fast path reads or declines come out as the general parser reads them")
    func numbersOnBothPaths() throws {
        let runtime = try #require(Self.numbers)
        func result(_ json: String) -> (bytes: String, error: [String: Any]?) {
            let bytes = runtime.evaluateJSON(Array(json.utf8)).bytes
            let object = (try? JSONSerialization.jsonObject(with: Data(bytes))) as? [String: Any]
            return (String(decoding: bytes, as: UTF8.self), object?["error"] as? [String: Any])
        }
        let numbers = ["0", "7", "42", "500", "501", "null", "-1", "1.5", "5e1", "00", "0500"]
        let bigs = ["123456789012345", "1234567890123456", "9000000000000000", "9000000000000001"]
        var accepted = 0
        for (n, big) in numbers.flatMap({ n in bigs.map { (n, $0) } }) {
            let answers: [(String, String)] = [("a", "true"), ("n", n), ("big", big), ("z", "false")]
            let (compact, spaced) = Self.bothSpellings(answers)
            let fast = result(compact)
            let general = result(spaced)
            // Errors name the same problem and place; their columns differ with the spelling.
            #expect(fast.error?["code"] as? String == general.error?["code"] as? String, "n: \(n), big: \(big)")
            #expect(fast.error?["path"] as? String == general.error?["path"] as? String, "n: \(n), big: \(big)")
            if fast.error == nil {
                accepted += 1
                #expect(fast.bytes == general.bytes, "n: \(n), big: \(big)")
                // 5e1 is whole as written (50), so the general parser takes it.
                #expect(fast.bytes.contains("\"nv\":\(n == "5e1" ? "50" : n)"), "n: \(n)")
            }
        }
        // 0, 7, 42, 500, null and 5e1, each with the three bigs within range.
        #expect(accepted == 6 * 3)
        #expect(result(Self.bothSpellings([("a", "true"), ("n", "501")]).compact).error?["code"] as? String == "out-of-range")
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
