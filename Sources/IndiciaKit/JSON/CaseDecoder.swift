/// Reads one JSON case (`{"id": ..., "pack": ..., "answers": {...}}`) straight into evaluation slots,
/// checking every answer against its question.
public struct CaseDecoder: Sendable {
    /// What was read besides the answers.
    public struct Record: Sendable, Equatable {
        /// The case id exactly as written in the input (a JSON string or number), if any.
        public var id: [UInt8]?
        /// Index of the pack used (into the runtimes passed to `decode`).
        public var pack: Int
    }

    /// A record that could not be read, with the id if it was read before the problem.
    public struct Failure: Error, Sendable, Equatable {
        public var error: CaseError
        public var id: [UInt8]?
    }

    private var seen: [UInt32] = []
    private var stamp: UInt32 = 0
    /// The limits applied.
    public var limits: CaseLimits

    /// Creates a decoder.
    ///
    /// - Parameter limits: Per-record limits.
    public init(limits: CaseLimits = .standard) {
        self.limits = limits
    }

    /// Decodes one case.
    ///
    /// - Parameters:
    ///   - line: The record's bytes (no trailing newline needed).
    ///   - packs: Supplies packs by name and index.
    ///   - defaultPack: Index of the pack used when the case names none.
    ///   - evaluation: Receives the answers (prepared for the chosen pack).
    /// - Returns: The record, or the failure.
    public mutating func decode(
        _ line: UnsafeBufferPointer<UInt8>, packs: PackProvider, defaultPack: Int?, into evaluation: inout Evaluation
    ) -> Result<Record, Failure> {
        var scanner = JSONScanner(line)
        var id: [UInt8]?
        do throws(CaseError) {
            var explicitPack: Int?
            var answersAt: Int?
            var parsedWith: Int?
            scanner.skipWhitespace()
            guard scanner.peek == 0x7B else {
                if scanner.atEnd { throw scanner.malformed("the record is empty", path: "") }
                // Valid JSON of another type is a wrong type; anything else is malformed.
                var probe = scanner
                if (try? probe.skipValue(path: "")) != nil {
                    probe.skipWhitespace()
                    if probe.atEnd {
                        throw scanner.fail("wrong-type", "a case must be a JSON object {\"id\": ..., \"answers\": {...}}", path: "")
                    }
                }
                throw scanner.malformed("a case must be a JSON object\(scanner.describeHere)", path: "")
            }
            scanner.position += 1
            scanner.skipWhitespace()
            if scanner.peek != 0x7D {
                while true {
                    scanner.skipWhitespace()
                    let key = try scanner.readString(path: "")
                    try scanner.expect(0x3A, "':'", path: "")
                    scanner.skipWhitespace()
                    let name = scanner.slice(key)
                    if Self.equals(name, "id") {
                        id = try readID(&scanner)
                    } else if Self.equals(name, "pack") {
                        guard scanner.peek == 0x22 else {
                            throw scanner.fail("wrong-type", "'pack' must be text naming a pack", path: "/pack")
                        }
                        let token = try scanner.readString(path: "/pack")
                        let packName = try scanner.decodeString(token, path: "/pack")
                        switch packs.index(named: packName) {
                        case .success(let index): explicitPack = index
                        case .failure(var error):
                            error.column = token.start
                            throw error
                        }
                    } else if Self.equals(name, "answers") {
                        answersAt = scanner.position
                        if let candidate = explicitPack ?? defaultPack {
                            try readAnswers(&scanner, runtime: packs.runtime(candidate), into: &evaluation)
                            parsedWith = candidate
                        } else {
                            try scanner.skipValue(path: "/answers")
                        }
                    } else {
                        throw CaseError(
                            "unknown-field",
                            "unknown field '\(Self.printable(String(decoding: name, as: UTF8.self)))'; a case has id, pack and answers",
                            path: "/" + JSONScanner.pointerSegment(name), column: key.start)
                    }
                    scanner.skipWhitespace()
                    if scanner.peek == 0x2C {
                        scanner.position += 1
                        continue
                    }
                    try scanner.expect(0x7D, "',' or '}'", path: "")
                    break
                }
            } else {
                scanner.position += 1
            }
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw scanner.malformed("unexpected data after the case object", path: "") }
            guard let pack = explicitPack ?? defaultPack else {
                throw CaseError("missing-field", "the case names no pack; add \"pack\" or run with --pack", path: "/pack")
            }
            guard let answersAt else {
                throw CaseError("missing-field", "the case has no \"answers\" object", path: "/answers")
            }
            if parsedWith != pack {
                scanner.position = answersAt
                try readAnswers(&scanner, runtime: packs.runtime(pack), into: &evaluation)
            }
            return .success(Record(id: id, pack: pack))
        } catch {
            return .failure(Failure(error: error, id: id))
        }
    }

    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
        return memcmpBytes(base, word.utf8Start, bytes.count)
    }

    /// Text safe to put in a message: control characters removed, at most 64 characters.
    static func printable(_ text: String) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        return cleaned.count > 64 ? String(cleaned.prefix(64)) + "…" : cleaned
    }

    private func readID(_ scanner: inout JSONScanner) throws(CaseError) -> [UInt8] {
        let start = scanner.position
        if scanner.peek == 0x22 {
            let token = try scanner.readString(path: "/id")
            guard token.end - token.start <= 256 else {
                throw CaseError("too-long", "the case id is longer than 256 bytes", path: "/id", column: start + 1)
            }
            var ascii = true
            for index in token.start..<token.end where scanner.bytes[index] >= 0x80 { ascii = false }
            if !ascii { _ = try scanner.decodeBytes(token, path: "/id") }
        } else if scanner.peek == 0x2D || (scanner.peek >= 0x30 && scanner.peek <= 0x39) {
            _ = try scanner.readNumber(path: "/id")
        } else {
            throw scanner.fail("wrong-type", "'id' must be text or a number", path: "/id")
        }
        return Array(UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.position]))
    }

    private mutating func readAnswers(_ scanner: inout JSONScanner, runtime: PackRuntime, into evaluation: inout Evaluation) throws(CaseError) {
        let pack = runtime.pack
        pack.prepare(&evaluation)
        let questions = pack.questionnaire.questions
        if seen.count < questions.count { seen = Array(repeating: 0, count: questions.count) }
        stamp &+= 1
        if stamp == 0 {
            for index in seen.indices { seen[index] = 0 }
            stamp = 1
        }
        scanner.skipWhitespace()
        guard scanner.peek == 0x7B else {
            throw scanner.fail("wrong-type", "'answers' must be an object mapping question ids to answers", path: "/answers")
        }
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.peek == 0x7D {
            scanner.position += 1
            return
        }
        var hint = 0
        var count = 0
        while true {
            scanner.skipWhitespace()
            let keyToken = try scanner.readString(path: "/answers")
            var keyBytes = scanner.slice(keyToken)
            var decodedKey: [UInt8] = []
            if keyToken.hasEscapes {
                decodedKey = try scanner.decodeBytes(keyToken, path: "/answers")
            }
            let index: Int? = keyToken.hasEscapes
                ? decodedKey.withUnsafeBufferPointer { runtime.keys.find($0, hint: hint) }
                : runtime.keys.find(keyBytes, hint: hint)
            if keyToken.hasEscapes { keyBytes = UnsafeBufferPointer(start: nil, count: 0) }
            let path = "/answers/" + (keyToken.hasEscapes
                ? decodedKey.withUnsafeBufferPointer { JSONScanner.pointerSegment($0) }
                : JSONScanner.pointerSegment(keyBytes))
            guard let index else {
                let shown = Self.printable(String(decoding: keyToken.hasEscapes ? decodedKey : Array(keyBytes), as: UTF8.self))
                let hintText = Spelling.hint(for: shown, among: questions.map(\.id))
                throw CaseError("unknown-question", "'\(shown)' is not a question of \(pack.questionnaire.id)\(hintText)", path: path, column: keyToken.start)
            }
            count += 1
            if count > limits.maxAnswers {
                throw CaseError("too-many-answers", "more than \(limits.maxAnswers) answers in one case", path: path, column: keyToken.start)
            }
            if seen[index] == stamp {
                throw CaseError("duplicate-answer", "question '\(questions[index].id)' is answered twice", path: path, column: keyToken.start)
            }
            seen[index] = stamp
            try scanner.expect(0x3A, "':'", path: path)
            scanner.skipWhitespace()
            evaluation.slots[index] = try readAnswer(&scanner, question: questions[index], index: index, runtime: runtime, path: path, texts: &evaluation.texts)
            hint = index + 1
            scanner.skipWhitespace()
            if scanner.peek == 0x2C {
                scanner.position += 1
                continue
            }
            try scanner.expect(0x7D, "',' or '}'", path: "/answers")
            return
        }
    }

    private func readAnswer(
        _ scanner: inout JSONScanner, question: Question, index: Int, runtime: PackRuntime, path: String, texts: inout [Int: String]
    ) throws(CaseError) -> Value {
        let column = scanner.position + 1
        func wrong(_ expected: String) -> CaseError {
            CaseError("wrong-type", "the answer to '\(question.id)' must be \(expected)", path: path, column: column)
        }
        let notKnownHint = question.allowsNotKnown ? " or \"not_known\"" : ""
        switch scanner.peek {
        case 0x6E:  // null: not answered
            if try scanner.readLiteral(path: path) == nil { return .missing(.unanswered) }
            throw wrong("an answer or null")
        case 0x22:
            let token = try scanner.readString(path: path)
            let raw = scanner.slice(token)
            if Self.equals(raw, "not_known") {
                guard question.allowsNotKnown else {
                    throw CaseError("not-known-not-allowed", "question '\(question.id)' does not accept \"not_known\"", path: path, column: column)
                }
                return .missing(.notKnown)
            }
            switch question.kind {
            case .yesNo:
                if Self.equals(raw, "yes") { return .bool(true) }
                if Self.equals(raw, "no") { return .bool(false) }
                throw CaseError("unknown-choice", "the answer to '\(question.id)' must be \"yes\", \"no\"\(notKnownHint) (or true/false)", path: path, column: column)
            case .singleChoice(let choices):
                let bytes = token.hasEscapes ? try scanner.decodeBytes(token, path: path) : Array(raw)
                for (choice, choiceBytes) in runtime.choiceBytes[index].enumerated() where choiceBytes == bytes {
                    return .symbol(runtime.pack.choiceSymbols[index][choice])
                }
                throw CaseError(
                    "unknown-choice",
                    "the answer to '\(question.id)' is not one of its choices (\(choices.map(\.id).joined(separator: ", "))\(notKnownHint))",
                    path: path, column: column)
            case .text(let maxLength):
                let text = try scanner.decodeString(token, path: path)
                guard text.count <= maxLength, token.end - token.start <= limits.maxStringBytes else {
                    throw CaseError("too-long", "the answer to '\(question.id)' is longer than \(maxLength) characters", path: path, column: column)
                }
                texts[index] = text
                return .text
            case .date:
                let text = try scanner.decodeString(token, path: path)
                guard let days = CalendarDate.days(fromISO: text) else {
                    throw CaseError("wrong-type", "the answer to '\(question.id)' must be a date written YYYY-MM-DD", path: path, column: column)
                }
                return .date(days)
            case .integer, .decimal:
                throw wrong("a number\(notKnownHint)")
            case .multipleChoice:
                throw wrong("a list of choice ids\(notKnownHint)")
            }
        case 0x74, 0x66:
            guard let flag = try scanner.readLiteral(path: path) else { throw wrong("an answer") }
            guard case .yesNo = question.kind else { throw wrong(expectation(question)) }
            return .bool(flag)
        case 0x2D, 0x30...0x39:
            let number = try scanner.readNumber(path: path)
            switch question.kind {
            case .integer(let min, let max, _), .decimal(let min, let max, _):
                guard let number else {
                    throw CaseError("out-of-range", "the answer to '\(question.id)' is too large", path: path, column: column)
                }
                if case .integer = question.kind, number.rounded() != number {
                    throw CaseError("wrong-type", "the answer to '\(question.id)' must be a whole number", path: path, column: column)
                }
                if let min, number < min {
                    throw CaseError("out-of-range", "the answer to '\(question.id)' is below its minimum of \(min.compactText)", path: path, column: column)
                }
                if let max, number > max {
                    throw CaseError("out-of-range", "the answer to '\(question.id)' is above its maximum of \(max.compactText)", path: path, column: column)
                }
                return .number(number)
            default:
                throw wrong(expectation(question))
            }
        case 0x5B:
            guard case .multipleChoice(let choices) = question.kind else {
                try scanner.skipValue(path: path)
                throw wrong(expectation(question))
            }
            scanner.position += 1
            var bits: UInt64 = 0
            scanner.skipWhitespace()
            if scanner.peek == 0x5D {
                scanner.position += 1
                return .choices(0)
            }
            while true {
                scanner.skipWhitespace()
                guard scanner.peek == 0x22 else { throw wrong("a list of choice ids") }
                let token = try scanner.readString(path: path)
                let bytes = token.hasEscapes ? try scanner.decodeBytes(token, path: path) : Array(scanner.slice(token))
                guard let choice = runtime.choiceBytes[index].firstIndex(of: bytes) else {
                    throw CaseError(
                        "unknown-choice",
                        "an answer to '\(question.id)' is not one of its choices (\(choices.map(\.id).joined(separator: ", ")))",
                        path: path, column: token.start)
                }
                bits |= UInt64(1) << UInt64(choice)
                scanner.skipWhitespace()
                if scanner.peek == 0x2C {
                    scanner.position += 1
                    continue
                }
                try scanner.expect(0x5D, "',' or ']'", path: path)
                return .choices(bits)
            }
        case 0x7B:
            try scanner.skipValue(path: path)
            throw wrong(expectation(question))
        default:
            _ = try scanner.readLiteral(path: path)
            throw wrong(expectation(question))
        }
    }

    private func expectation(_ question: Question) -> String {
        let notKnown = question.allowsNotKnown ? " or \"not_known\"" : ""
        switch question.kind {
        case .yesNo: return "\"yes\" or \"no\"\(notKnown)"
        case .singleChoice: return "one choice id as text\(notKnown)"
        case .multipleChoice: return "a list of choice ids\(notKnown)"
        case .integer: return "a whole number\(notKnown)"
        case .decimal: return "a number\(notKnown)"
        case .text: return "text\(notKnown)"
        case .date: return "a date written YYYY-MM-DD\(notKnown)"
        }
    }
}
