/// One pack test: a situation, the answers a worker would give, and what the result must show.
public struct PackTest: Sendable, Equatable {
    /// Stable id, unique in its file.
    public var id: String
    /// What the worker saw, in plain words.
    public var situation: String
    /// The answers, in file order, spelt as in JSON mode.
    public var answers: [Answer]
    /// What the result must (and must not) show.
    public var expect: Expectation
    /// Where the test starts.
    public var mark: SourceMark
    /// The worker's professional judgement as the JSON case field (`{"level":3,"reason":"…"}`), if given.
    public var judgement: [UInt8]? = nil
    /// For a test of the round comparison: the rounds of agencies' answers, in the order they are
    /// given to `indicia report --rounds` (``answers`` is then empty).
    public var rounds: [Round]? = nil
    /// What the round comparison must show (for a test with ``rounds``).
    public var comparison: Comparison? = nil

    /// One round of assessments in a round-comparison test.
    public struct Round: Sendable, Equatable {
        /// The round's name, as `indicia report --rounds` names a round after its input.
        public var name: String
        /// Where the round starts.
        public var mark: SourceMark
        /// The agencies assessed in it, in order.
        public var agencies: [Agency]
    }

    /// One agency's answers in a round: the case id is the agency's name.
    public struct Agency: Sendable, Equatable {
        /// The case id (the agency's name).
        public var id: String
        /// Where the agency starts.
        public var mark: SourceMark
        /// Its answers: those of the agency it is based on (if any), with its own given answers
        /// replacing them and those it leaves out removed.
        public var answers: [Answer]
    }

    /// The test's answers as a JSON case, exactly as written (not checked against any pack):
    /// `{"id":"ID","answers":{…}}`.
    ///
    /// - Parameter id: The case id to give it.
    /// - Returns: The JSON bytes.
    public func caseJSON(id: String) -> [UInt8] {
        Self.caseJSON(id: id, answers: answers, judgement: judgement).json
    }

    /// Every JSON case the test evaluates: its answers, or for a round comparison each agency of
    /// each round (named `ID/round/agency`), with the line each starts on.
    ///
    /// - Parameter id: The case id to give it (or the prefix of the agencies' ids).
    /// - Returns: The cases, in file order.
    public func cases(id: String) -> [(json: [UInt8], line: Int)] {
        guard let rounds else { return [(caseJSON(id: id), mark.line)] }
        return rounds.flatMap { round in
            round.agencies.map { agency in (Self.caseJSON(id: "\(id)/\(round.name)/\(agency.id)", answers: agency.answers).json, agency.mark.line) }
        }
    }

    /// A JSON case from some answers, with where each answer's value starts in it.
    static func caseJSON(id: String, answers: [Answer], judgement: [UInt8]? = nil) -> (json: [UInt8], starts: [Int]) {
        var json = Array("{\"id\":".utf8)
        JSONOutput.string(id, to: &json)
        json += Array(",\"answers\":{".utf8)
        var starts: [Int] = []
        for (n, answer) in answers.enumerated() {
            if n > 0 { json.append(0x2C) }
            JSONOutput.string(answer.question, to: &json)
            json.append(0x3A)
            starts.append(json.count)
            json += answer.json
        }
        json.append(0x7D)
        if let judgement {
            json += Array(",\"judgement\":".utf8)
            json += judgement
        }
        json.append(0x7D)
        return (json, starts)
    }

    /// One answer as written in the test file, kept as the JSON it stands for.
    public struct Answer: Sendable, Equatable {
        /// One item of a list answer: where its JSON starts in ``Answer/json`` and where it is in the file.
        public struct Item: Sendable, Equatable {
            /// Byte offset of the item's JSON inside ``Answer/json``.
            public var offset: Int
            /// Where the item is written.
            public var mark: SourceMark
        }

        /// The question id (the key).
        public var question: String
        /// Where the key is.
        public var keyMark: SourceMark
        /// Where the value is.
        public var valueMark: SourceMark
        /// The answer as a JSON value (`"yes"`, `3`, `["labour"]`, `null`).
        public var json: [UInt8]
        /// For a list, its items.
        public var items: [Item]
    }
}
