/// Reads one JSON case (`{"id": ..., "pack": ..., "answers": {...}}`) straight into evaluation slots,
/// checking every answer against its question.
public struct CaseDecoder: Sendable {
    /// What was read besides the answers.
    public struct Record: Sendable {
        /// Where the case id is in the record, exactly as written (a JSON string or number), if any.
        public var idRange: Range<Int>?
        /// Index of the pack used (into the runtimes passed to `decode`).
        public var pack: Int
        /// The pack used, ready to evaluate the answers read.
        public var runtime: PackRuntime
    }

    /// A record that could not be read, with the id if it was read before the problem.
    public struct Failure: Error, Sendable, Equatable {
        public var error: CaseError
        /// Where the case id is in the record, if it was read before the problem.
        public var idRange: Range<Int>?
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
        var id: Range<Int>?
        do throws(CaseError) {
            var explicitPack: Int?
            var answersAt: Int?
            // The pack the answers were read with, kept so it is not looked up again.
            var parsedWith: (index: Int, runtime: PackRuntime)?
            // A second "answers" (or "id", "pack") would silently replace the first: refuse it.
            var fieldsSeen: (id: Bool, pack: Bool, answers: Bool) = (false, false, false)
            var judgementSeen = false
            // Kept aside: reading the answers resets the evaluation.
            var judgement: (value: Judgement, levelColumn: Int)?
            // RFC 8259 lets a reader ignore a byte order mark; Windows tools often write one.
            if line.count >= 3, line[0] == 0xEF, line[1] == 0xBB, line[2] == 0xBF { scanner.position = 3 }
            scanner.skipWhitespace()
            guard scanner.peek == 0x7B else {
                if scanner.atEnd { throw scanner.malformed("the record is empty", path: "") }
                // Valid JSON of another type is a wrong type; anything else is malformed.
                var probe = scanner
                if (try? probe.skipValue(path: "")) != nil {
                    probe.skipWhitespace()
                    if probe.atEnd {
                        throw scanner.fail(.wrongType, "a case must be a JSON object {\"id\": ..., \"answers\": {...}}", path: "")
                    }
                }
                throw scanner.malformed("a case must be a JSON object\(scanner.describeHere)", path: "")
            }
            scanner.position += 1
            var more = true
            // The commonest shape, compact `{"id":"…","answers":{`, read without the general loop;
            // anything else (or an id with escapes or non-ASCII) goes the general way from the start.
            if let defaultPack, let (idRange, answersStart) = Self.compactPrefix(line) {
                id = idRange
                fieldsSeen = (true, false, true)
                scanner.position = answersStart
                answersAt = answersStart
                let runtime = packs.runtime(defaultPack)
                try readAnswers(&scanner, runtime: runtime, into: &evaluation)
                parsedWith = (defaultPack, runtime)
                more = try scanner.another(closing: 0x7D, path: "")
            } else {
                scanner.skipWhitespace()
                if scanner.peek == 0x7D {
                    scanner.position += 1
                    more = false
                }
            }
            if more {
                while true {
                    scanner.skipWhitespace()
                    let key = try scanner.readString(path: "")
                    try scanner.expect(0x3A, "':'", path: "")
                    scanner.skipWhitespace()
                    // A key written with escapes ("\u0069d") means the same as the plain one ("id").
                    let escapedName = key.hasEscapes ? try scanner.decodeBytes(key, path: "") : nil
                    let name = scanner.slice(key)
                    func isField(_ word: StaticString) -> Bool {
                        guard let escapedName else { return Self.equals(name, word) }
                        return escapedName.withUnsafeBufferPointer { Self.equals($0, word) }
                    }
                    func firstTime(_ seen: inout Bool, _ field: String) throws(CaseError) {
                        guard !seen else {
                            throw CaseError(
                                .duplicateField, "'\(field)' appears twice in the case; send it once", path: "/" + field,
                                column: key.start)
                        }
                        seen = true
                    }
                    if isField("resourceType") {
                        // A FHIR resource, not a case: the QuestionnaireResponse reader takes the whole record.
                        return FHIRResponseDecoder.decode(line, packs: packs, defaultPack: defaultPack, limits: limits, into: &evaluation)
                    }
                    if isField("id") {
                        try firstTime(&fieldsSeen.id, "id")
                        id = try readID(&scanner)
                    } else if isField("pack") {
                        try firstTime(&fieldsSeen.pack, "pack")
                        guard scanner.peek == 0x22 else {
                            throw scanner.fail(.wrongType, "'pack' must be text naming a pack", path: "/pack")
                        }
                        let token = try scanner.readString(path: "/pack")
                        let packName = try scanner.decodeString(token, path: "/pack")
                        switch packs.index(named: packName) {
                        case .success(let index): explicitPack = index
                        case .failure(var error):
                            error.column = token.start
                            throw error
                        }
                    } else if isField("answers") {
                        try firstTime(&fieldsSeen.answers, "answers")
                        answersAt = scanner.position
                        if let candidate = explicitPack ?? defaultPack {
                            let runtime = packs.runtime(candidate)
                            try readAnswers(&scanner, runtime: runtime, into: &evaluation)
                            parsedWith = (candidate, runtime)
                        } else {
                            try scanner.skipValue(path: "/answers")
                        }
                    } else if isField("judgement") {
                        try firstTime(&judgementSeen, "judgement")
                        judgement = try Self.readJudgement(&scanner)
                    } else {
                        throw CaseError(
                            .unknownField,
                            "unknown field '\(Self.printable(String(decoding: escapedName ?? Array(name), as: UTF8.self)))'; a case has id, pack, answers and judgement",
                            path: "/"
                                + (escapedName.map { $0.withUnsafeBufferPointer(JSONScanner.pointerSegment) } ?? JSONScanner.pointerSegment(name)),
                            column: key.start)
                    }
                    if try scanner.another(closing: 0x7D, path: "") { continue }
                    break
                }
            }
            scanner.skipWhitespace()
            guard scanner.atEnd else { throw scanner.malformed("unexpected data after the case object", path: "") }
            guard let pack = explicitPack ?? defaultPack else {
                throw CaseError(.missingField, "the case names no pack; add \"pack\" or run with --pack", path: "/pack")
            }
            guard let answersAt else {
                throw CaseError(.missingField, "the case has no \"answers\" object", path: "/answers")
            }
            if let parsedWith, parsedWith.index == pack {
                try Self.attach(judgement, to: &evaluation, runtime: parsedWith.runtime)
                return .success(Record(idRange: id, pack: pack, runtime: parsedWith.runtime))
            }
            // The answers came before a "pack" naming another pack: read them again with it.
            let runtime = packs.runtime(pack)
            scanner.position = answersAt
            try readAnswers(&scanner, runtime: runtime, into: &evaluation)
            try Self.attach(judgement, to: &evaluation, runtime: runtime)
            return .success(Record(idRange: id, pack: pack, runtime: runtime))
        } catch {
            return .failure(Failure(error: error, idRange: id))
        }
    }

    /// Reads `"judgement": {"level": 3, "reason": "…"}`: a whole-number level and a non-empty reason,
    /// nothing else. The reason is free text: no message ever quotes it.
    static func readJudgement(_ scanner: inout JSONScanner) throws(CaseError) -> (value: Judgement, levelColumn: Int) {
        guard scanner.peek == 0x7B else {
            throw scanner.fail(.wrongType, "'judgement' must be an object {\"level\": …, \"reason\": \"…\"}", path: "/judgement")
        }
        let open = scanner.position
        scanner.position += 1
        var level: (Int, column: Int)?
        var reason: String?
        scanner.skipWhitespace()
        var more = true
        if scanner.peek == 0x7D {
            scanner.position += 1
            more = false
        }
        while more {
            scanner.skipWhitespace()
            let key = try scanner.readString(path: "/judgement")
            try scanner.expect(0x3A, "':'", path: "/judgement")
            scanner.skipWhitespace()
            let name = scanner.slice(key)
            if equals(name, "level") {
                guard level == nil else {
                    throw CaseError(.duplicateField, "'level' appears twice in the judgement", path: "/judgement/level", column: key.start)
                }
                let column = scanner.position + 1
                guard scanner.peek == 0x2D || (scanner.peek >= 0x30 && scanner.peek <= 0x39) else {
                    throw scanner.fail(.wrongType, "the judgement's 'level' must be a whole number (a level of concern)", path: "/judgement/level")
                }
                guard let number = try scanner.readNumber(path: "/judgement/level"), number == number.rounded(), abs(number) < 1_000_000 else {
                    throw CaseError(
                        .wrongType, "the judgement's 'level' must be a whole number (a level of concern)", path: "/judgement/level", column: column)
                }
                level = (Int(number), column)
            } else if equals(name, "reason") {
                guard reason == nil else {
                    throw CaseError(.duplicateField, "'reason' appears twice in the judgement", path: "/judgement/reason", column: key.start)
                }
                guard scanner.peek == 0x22 else {
                    throw scanner.fail(.wrongType, "the judgement's 'reason' must be text", path: "/judgement/reason")
                }
                let column = scanner.position + 1
                let token = try scanner.readString(path: "/judgement/reason")
                let text = try scanner.decodeString(token, path: "/judgement/reason")
                if text.unicodeScalars.count > Judgement.maxReasonLength {
                    throw CaseError(
                        .tooLong, "the judgement's 'reason' is longer than \(Judgement.maxReasonLength) characters", path: "/judgement/reason",
                        column: column)
                }
                if text.allSatisfy({ $0.isWhitespace }) {
                    throw CaseError(
                        .missingField, "the judgement needs a 'reason': say why the level of concern is higher", path: "/judgement/reason",
                        column: column)
                }
                reason = text
            } else {
                throw CaseError(
                    .unknownField,
                    "unknown field '\(printable(String(decoding: name, as: UTF8.self)))' in the judgement; it has level and reason",
                    path: "/judgement/" + JSONScanner.pointerSegment(name), column: key.start)
            }
            more = try scanner.another(closing: 0x7D, path: "/judgement")
        }
        guard let level else {
            throw CaseError(
                .missingField, "the judgement needs a 'level' (the level of concern you judge right)", path: "/judgement", column: open + 1)
        }
        guard let reason else {
            throw CaseError(
                .missingField, "the judgement needs a 'reason': say why the level of concern is higher", path: "/judgement", column: open + 1)
        }
        return (Judgement(level: level.0, reason: reason), level.column)
    }

    /// Checks the judgement's level against the pack's levels and records it on the evaluation.
    /// Takes the runtime, not its pack, so a case without a judgement does not copy the pack.
    static func attach(
        _ judgement: (value: Judgement, levelColumn: Int)?, to evaluation: inout Evaluation, runtime: PackRuntime
    ) throws(CaseError) {
        guard let judgement else {
            evaluation.judgement = nil
            return
        }
        let highest = runtime.pack.highestLevel
        guard judgement.value.level >= 0, judgement.value.level <= highest else {
            throw CaseError(
                .outOfRange, "the judgement's 'level' must be a level of concern from 0 to \(highest)", path: "/judgement/level",
                column: judgement.levelColumn)
        }
        evaluation.judgement = judgement.value
    }

    /// Where the id (with its quotes) and the answers object start, if the record begins exactly
    /// `{"id":"…","answers":` with a plain printable-ASCII id of at most 256 bytes.
    @inline(__always)
    static func compactPrefix(_ line: UnsafeBufferPointer<UInt8>) -> (Range<Int>, Int)? {
        let head: StaticString = "{\"id\":\""
        let middle: StaticString = ",\"answers\":"
        guard let base = line.baseAddress, line.count > head.utf8CodeUnitCount, ByteSearch.equal(base, head.utf8Start, count: head.utf8CodeUnitCount)
        else {
            return nil
        }
        let idStart = head.utf8CodeUnitCount - 1
        var p = idStart + 1
        while p < line.count, p - idStart <= 257 {
            let b = base[p]
            if b == 0x22 { break }
            guard b >= 0x20, b < 0x7F, b != 0x5C else { return nil }
            p += 1
        }
        guard p < line.count, base[p] == 0x22, p - idStart - 1 <= 256 else { return nil }
        let idEnd = p + 1
        guard idEnd + middle.utf8CodeUnitCount <= line.count, ByteSearch.equal(base + idEnd, middle.utf8Start, count: middle.utf8CodeUnitCount) else {
            return nil
        }
        return (idStart..<idEnd, idEnd + middle.utf8CodeUnitCount)
    }

    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ word: StaticString) -> Bool {
        guard bytes.count == word.utf8CodeUnitCount, let base = bytes.baseAddress else { return false }
        return ByteSearch.equal(base, word.utf8Start, count: bytes.count)
    }

    /// Text safe to put in a message: control characters removed, at most 64 characters.
    ///
    /// - Parameter text: Any text.
    /// - Returns: The shortened, printable text.
    public static func printable(_ text: String) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }))
        return cleaned.count > 64 ? String(cleaned.prefix(64)) + "…" : cleaned
    }

    private func readID(_ scanner: inout JSONScanner) throws(CaseError) -> Range<Int> {
        let start = scanner.position
        if scanner.peek == 0x22 {
            let token = try scanner.readString(path: "/id")
            guard token.end - token.start <= 256 else {
                throw CaseError(.tooLong, "the case id is longer than 256 bytes", path: "/id", column: start + 1)
            }
            var ascii = true
            for index in token.start..<token.end where scanner.bytes[index] >= 0x80 { ascii = false }
            if !ascii { _ = try scanner.decodeBytes(token, path: "/id") }
        } else if scanner.peek == 0x2D || (scanner.peek >= 0x30 && scanner.peek <= 0x39) {
            _ = try scanner.readNumber(path: "/id")
            guard scanner.position - start <= 32 else {
                throw CaseError(.tooLong, "a numeric case id has more than 32 characters; send it as text", path: "/id", column: start + 1)
            }
        } else {
            throw scanner.fail(.wrongType, "'id' must be text or a number", path: "/id")
        }
        return start..<scanner.position
    }

    private mutating func readAnswers(_ scanner: inout JSONScanner, runtime: PackRuntime, into evaluation: inout Evaluation) throws(CaseError) {
        runtime.prepare(&evaluation)
        let questionCount = runtime.specs.count
        if seen.count < questionCount { seen = Array(repeating: 0, count: questionCount) }
        stamp &+= 1
        if stamp == 0 {
            for index in seen.indices { seen[index] = 0 }
            stamp = 1
        }
        scanner.skipWhitespace()
        guard scanner.peek == 0x7B else {
            throw scanner.fail(.wrongType, "'answers' must be an object mapping question ids to answers", path: "/answers")
        }
        scanner.position += 1
        scanner.skipWhitespace()
        if scanner.peek == 0x7D {
            scanner.position += 1
            return
        }
        var hint = 0
        var count = 0
        let literals = runtime.literals
        // Fast path: answers in the pack's own spelling and order (most integrations send exactly that).
        let closed = evaluation.slots.withUnsafeMutableBufferPointer { slots -> Bool in
            guard let slotBase = slots.baseAddress else { return false }
            return literals.fastRun(scanner.bytes, position: &scanner.position, question: &hint, maxAnswers: limits.maxAnswers, slots: slotBase)
        }
        if closed { return }
        // The general parser checks for duplicates: mark what the fast path read.
        count = hint
        for index in 0..<hint { seen[index] = stamp }
        while true {
            scanner.skipWhitespace()
            // Fast path: the next question's key exactly as the pack spells it, e.g. "q07":
            let index: Int
            let keyStartColumn = scanner.position
            var key: Key?
            if hint < questionCount, literals.matchesKey(hint, scanner.bytes, at: scanner.position) {
                index = hint
                scanner.position += literals.keyLength(hint)
            } else {
                let keyToken = try scanner.readString(path: "/answers")
                let slowKey = Key(token: keyToken, decoded: keyToken.hasEscapes ? try scanner.decodeBytes(keyToken, path: "/answers") : nil)
                let found: Int? = slowKey.withBytes(scanner) { runtime.keys.find($0, hint: hint) }
                guard let found else {
                    let shown = Self.printable(slowKey.text(scanner))
                    let ids = runtime.pack.questionnaire.questions.map(\.id)
                    throw CaseError(
                        .unknownQuestion, "'\(shown)' is not a question of \(runtime.pack.questionnaire.id)\(Spelling.hint(for: shown, among: ids))",
                        path: slowKey.path(scanner), column: keyToken.start)
                }
                index = found
                key = slowKey
                scanner.skipWhitespace()
                guard scanner.peek == 0x3A else { throw scanner.malformed("expected ':'\(scanner.describeHere)", path: slowKey.path(scanner)) }
                scanner.position += 1
            }
            func path() -> String { key?.path(scanner) ?? "/answers/" + runtime.pack.questionnaire.questions[index].id }
            count += 1
            if count > limits.maxAnswers {
                throw CaseError(.tooManyAnswers, "more than \(limits.maxAnswers) answers in one case", path: path(), column: keyStartColumn + 1)
            }
            if seen[index] == stamp {
                throw CaseError(
                    .duplicateAnswer, "question '\(runtime.pack.questionnaire.questions[index].id)' is answered twice", path: path(),
                    column: keyStartColumn + 1)
            }
            seen[index] = stamp
            scanner.skipWhitespace()
            let value: Value
            if let (literal, length) = literals.literal(index, scanner.bytes, at: scanner.position) {
                value = literal
                scanner.position += length
            } else {
                do throws(AnswerProblem) {
                    value = try readAnswer(&scanner, spec: runtime.specs[index], index: index, runtime: runtime, texts: &evaluation.texts)
                } catch {
                    throw error.caseError(question: runtime.pack.questionnaire.questions[index], path: path())
                }
            }
            evaluation.slots[index] = value
            hint = index + 1
            if try scanner.another(closing: 0x7D, path: "/answers") { continue }
            return
        }
    }

    /// An answer's key, decoded only when it holds escapes.
    private struct Key {
        var token: JSONScanner.StringToken
        var decoded: [UInt8]?

        func withBytes<T>(_ scanner: JSONScanner, _ body: (UnsafeBufferPointer<UInt8>) -> T) -> T {
            if let decoded { return decoded.withUnsafeBufferPointer(body) }
            return body(scanner.slice(token))
        }

        func text(_ scanner: JSONScanner) -> String {
            withBytes(scanner) { String(decoding: $0, as: UTF8.self) }
        }

        /// The JSON pointer of the answer, built only when an error needs it.
        func path(_ scanner: JSONScanner) -> String {
            "/answers/" + withBytes(scanner) { JSONScanner.pointerSegment($0) }
        }
    }

    /// A problem with one answer; turned into a ``CaseError`` with its path only when it happens.
    private enum AnswerProblem: Error {
        case malformed(CaseError)
        case wrongType(column: Int)
        case unknownChoice(column: Int)
        case notKnownNotAllowed(column: Int)
        case belowMinimum(column: Int)
        case aboveMaximum(column: Int)
        case notWhole(column: Int)
        case tooLong(column: Int)
        case badDate(column: Int)

        func caseError(question: Question, path: String) -> CaseError {
            let notKnown = question.allowsNotKnown ? " or \"not_known\"" : ""
            let id = question.id
            switch self {
            case .malformed(var error):
                error.path = path
                return error
            case .wrongType(let column):
                return CaseError(.wrongType, "the answer to '\(id)' must be \(CaseDecoder.expectation(question))", path: path, column: column)
            case .unknownChoice(let column):
                if case .yesNo = question.kind {
                    return CaseError(
                        .unknownChoice, "the answer to '\(id)' must be \"yes\", \"no\"\(notKnown) (or true/false)", path: path, column: column)
                }
                let choices = question.kind.choices.map(\.id).joined(separator: ", ")
                return CaseError(
                    .unknownChoice, "the answer to '\(id)' is not one of its choices (\(choices)\(notKnown))", path: path, column: column)
            case .notKnownNotAllowed(let column):
                return CaseError(.notKnownNotAllowed, "question '\(id)' does not accept \"not_known\"", path: path, column: column)
            case .belowMinimum(let column):
                var minimum = "the smallest number"
                if case .integer(let lo?, _, _) = question.kind { minimum = lo.compactText }
                if case .decimal(let lo?, _, _) = question.kind { minimum = lo.compactText }
                return CaseError(.outOfRange, "the answer to '\(id)' is below its minimum of \(minimum)", path: path, column: column)
            case .aboveMaximum(let column):
                var maximum = "the largest number"
                if case .integer(_, let hi?, _) = question.kind { maximum = hi.compactText }
                if case .decimal(_, let hi?, _) = question.kind { maximum = hi.compactText }
                return CaseError(.outOfRange, "the answer to '\(id)' is above its maximum of \(maximum)", path: path, column: column)
            case .notWhole(let column):
                return CaseError(.wrongType, "the answer to '\(id)' must be a whole number", path: path, column: column)
            case .tooLong(let column):
                return CaseError(.tooLong, "the answer to '\(id)' is too long", path: path, column: column)
            case .badDate(let column):
                return CaseError(.wrongType, "the answer to '\(id)' must be a date written YYYY-MM-DD", path: path, column: column)
            }
        }
    }

    private func readAnswer(
        _ scanner: inout JSONScanner, spec: AnswerSpec, index: Int, runtime: PackRuntime, texts: inout [Int: String]
    ) throws(AnswerProblem) -> Value {
        let column = scanner.position + 1
        do {
            switch scanner.peek {
            case 0x6E:  // null: not answered
                if try scanner.readLiteral(path: "") == nil { return .missing(.unanswered) }
                throw AnswerProblem.wrongType(column: column)
            case 0x22:
                let token = try scanner.readString(path: "")
                let raw = scanner.slice(token)
                if Self.equals(raw, "not_known") {
                    guard spec.allowsNotKnown else { throw AnswerProblem.notKnownNotAllowed(column: column) }
                    return .missing(.notKnown)
                }
                switch spec.kind {
                case .yesNo:
                    if Self.equals(raw, "yes") { return .bool(true) }
                    if Self.equals(raw, "no") { return .bool(false) }
                    throw AnswerProblem.unknownChoice(column: column)
                case .singleChoice:
                    let symbols = runtime.pack.choiceSymbols[index]
                    if token.hasEscapes {
                        let bytes = try scanner.decodeBytes(token, path: "")
                        if let choice = runtime.choiceBytes[index].firstIndex(of: bytes) { return .symbol(symbols[choice]) }
                    } else {
                        let choices = runtime.choiceBytes[index]
                        for choice in choices.indices where Self.equals(raw, choices[choice]) { return .symbol(symbols[choice]) }
                    }
                    throw AnswerProblem.unknownChoice(column: column)
                case .text:
                    let text = try scanner.decodeString(token, path: "")
                    guard text.count <= spec.maxLength, token.end - token.start <= limits.maxStringBytes else {
                        throw AnswerProblem.tooLong(column: column)
                    }
                    texts[index] = text
                    return .text
                case .date:
                    guard let days = CalendarDate.days(fromISO: try scanner.decodeString(token, path: "")) else {
                        throw AnswerProblem.badDate(column: column)
                    }
                    return .date(days)
                case .integer, .decimal, .multipleChoice:
                    throw AnswerProblem.wrongType(column: column)
                }
            case 0x74, 0x66:
                guard let flag = try scanner.readLiteral(path: ""), spec.kind == .yesNo else {
                    throw AnswerProblem.wrongType(column: column)
                }
                return .bool(flag)
            case 0x2D, 0x30...0x39:
                let start = scanner.position
                let number = try scanner.readNumber(path: "")
                guard spec.kind == .integer || spec.kind == .decimal else { throw AnswerProblem.wrongType(column: column) }
                // Too large to hold (1e400): above the maximum, or below the minimum when negative.
                guard let number else {
                    throw scanner.bytes[start] == 0x2D ? AnswerProblem.belowMinimum(column: column) : AnswerProblem.aboveMaximum(column: column)
                }
                // Whole as written, not only after rounding to a Double (1e-400, 0.99999999999999999999).
                if spec.kind == .integer,
                    number.rounded() != number || !Self.isWhole(UnsafeBufferPointer(rebasing: scanner.bytes[start..<scanner.position]))
                {
                    throw AnswerProblem.notWhole(column: column)
                }
                if number < spec.min { throw AnswerProblem.belowMinimum(column: column) }
                if number > spec.max { throw AnswerProblem.aboveMaximum(column: column) }
                return .number(number)
            case 0x5B:
                guard spec.kind == .multipleChoice else {
                    try scanner.skipValue(path: "")
                    throw AnswerProblem.wrongType(column: column)
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
                    guard scanner.peek == 0x22 else { throw AnswerProblem.wrongType(column: column) }
                    let itemColumn = scanner.position + 1
                    let token = try scanner.readString(path: "")
                    let bytes = token.hasEscapes ? try scanner.decodeBytes(token, path: "") : Array(scanner.slice(token))
                    guard let choice = runtime.choiceBytes[index].firstIndex(of: bytes) else {
                        throw AnswerProblem.unknownChoice(column: itemColumn)
                    }
                    bits |= UInt64(1) << UInt64(choice)
                    if try scanner.another(closing: 0x5D, path: "") { continue }
                    return .choices(bits)
                }
            case 0x7B:
                try scanner.skipValue(path: "")
                throw AnswerProblem.wrongType(column: column)
            default:
                _ = try scanner.readLiteral(path: "")
                throw AnswerProblem.wrongType(column: column)
            }
        } catch let problem as AnswerProblem {
            throw problem
        } catch let error as CaseError {
            throw .malformed(error)
        } catch {
            throw .wrongType(column: column)
        }
    }

    /// Whether a JSON number, as written, is a whole number: its digits after the decimal point,
    /// once the exponent is applied, are all zero.
    static func isWhole(_ literal: UnsafeBufferPointer<UInt8>) -> Bool {
        var fraction = 0
        var trailingZeros = 0
        var anyNonZero = false
        var exponent = 0
        var negativeExponent = false
        var inFraction = false
        var index = literal.startIndex
        if index < literal.endIndex, literal[index] == 0x2D { index += 1 }
        while index < literal.endIndex {
            let byte = literal[index]
            index += 1
            if byte == 0x2E {
                inFraction = true
            } else if byte == 0x65 || byte == 0x45 {
                if index < literal.endIndex, literal[index] == 0x2D || literal[index] == 0x2B {
                    negativeExponent = literal[index] == 0x2D
                    index += 1
                }
                while index < literal.endIndex {
                    // Capped: an exponent this large decides the question anyway.
                    exponent = min(exponent * 10 + Int(literal[index] &- 0x30), 100_000)
                    index += 1
                }
            } else {
                if inFraction { fraction += 1 }
                if byte == 0x30 {
                    trailingZeros += 1
                } else {
                    anyNonZero = true
                    trailingZeros = 0
                }
            }
        }
        // Zero is whole however it is written; otherwise the digits times ten to this power.
        guard anyNonZero else { return true }
        return (negativeExponent ? -exponent : exponent) - fraction + trailingZeros >= 0
    }

    @inline(__always)
    static func equals(_ bytes: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
        guard bytes.count == other.count else { return false }
        return other.withUnsafeBufferPointer { o in
            guard let a = bytes.baseAddress, let b = o.baseAddress else { return bytes.isEmpty }
            return ByteSearch.equal(a, b, count: bytes.count)
        }
    }

    static func expectation(_ question: Question) -> String {
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
