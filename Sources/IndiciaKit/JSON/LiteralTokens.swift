/// The exact JSON spellings a pack expects, pre-encoded: each question's key (`"q01":`) and
/// every literal answer it accepts (`"yes"`, `"b"`, `"not_known"`, `true`, `null`) with its value.
///
/// The decoder tries these byte-for-byte first; anything else goes through the general parser,
/// so the fast path never changes what is accepted or how it is reported.
struct LiteralTokens: Sendable {
    /// A token compared as two masked little-endian words (its first 16 bytes); longer tokens also
    /// compare the rest of their bytes.
    struct Token: Sendable {
        var head: UInt64 = 0
        var headMask: UInt64 = 0
        var tail: UInt64 = 0
        var tailMask: UInt64 = 0
        var start: Int = 0
        var length: Int = 0

        init() {}

        init(_ token: [UInt8], start: Int) {
            for (k, byte) in token.prefix(16).enumerated() {
                if k < 8 {
                    head |= UInt64(byte) << (8 * UInt64(k))
                    headMask |= 0xFF << (8 * UInt64(k))
                } else {
                    tail |= UInt64(byte) << (8 * UInt64(k - 8))
                    tailMask |= 0xFF << (8 * UInt64(k - 8))
                }
            }
            self.start = start
            length = token.count
        }
    }

    /// One literal answer and its value.
    struct Entry: Sendable {
        var token: Token
        var value: Value
    }

    /// Everything the decoder needs about one question's spelling, in one plain record.
    struct QuestionFast: Sendable {
        var key: Token
        var entryStart: Int
        var entryEnd: Int
        /// Key, literal answer and the comma after it together (`"q01":"yes",`), for those that fit
        /// in 16 bytes: one comparison reads all three (an answer followed by `}`, the last one, is
        /// read with its key instead).
        var pairStart: Int
        var pairEnd: Int
        /// Whether a plain non-negative JSON integer is an acceptable answer, and its range.
        var takesNumber: Bool
        var min: Double
        var max: Double
    }

    /// All tokens, concatenated (for the bytes of tokens longer than 16).
    let bytes: [UInt8]
    /// Literal answers of every question, grouped by question.
    let entries: [Entry]
    /// Key-and-answer tokens of every question, grouped by question.
    let pairs: [Entry]
    /// One record per question, in questionnaire order.
    let fast: [QuestionFast]

    init(pack: CompiledPack) {
        var bytes: [UInt8] = []
        var entries: [Entry] = []
        var pairs: [Entry] = []
        var fast: [QuestionFast] = []
        func token(_ text: [UInt8]) -> Token {
            defer { bytes += text }
            return Token(text, start: bytes.count)
        }
        func add(_ text: [UInt8], _ value: Value) { entries.append(Entry(token: token(text), value: value)) }
        for (index, question) in pack.questionnaire.questions.enumerated() {
            let keyBytes = JSONOutput.string(question.id) + [0x3A]
            let key = token(keyBytes)
            let first = entries.count
            switch question.kind {
            case .yesNo:
                add(Array("\"yes\"".utf8), .bool(true))
                add(Array("\"no\"".utf8), .bool(false))
                add(Array("true".utf8), .bool(true))
                add(Array("false".utf8), .bool(false))
            case .singleChoice(let choices):
                for n in choices.indices { add(JSONOutput.string(choices[n].id), .symbol(pack.choiceSymbols[index][n])) }
            default:
                break
            }
            if question.allowsNotKnown { add(Array("\"not_known\"".utf8), .missing(.notKnown)) }
            add(Array("null".utf8), .missing(.unanswered))
            let spec = AnswerSpec(question)
            let firstPair = pairs.count
            for entry in entries[first...] where keyBytes.count + entry.token.length + 1 <= 16 {
                let literal = bytes[entry.token.start..<(entry.token.start + entry.token.length)]
                pairs.append(Entry(token: Token(keyBytes + literal + [0x2C], start: 0), value: entry.value))
            }
            fast.append(
                QuestionFast(
                    key: key, entryStart: first, entryEnd: entries.count, pairStart: firstPair, pairEnd: pairs.count,
                    takesNumber: spec.kind == .integer || spec.kind == .decimal, min: spec.min, max: spec.max))
        }
        self.bytes = bytes
        self.entries = entries
        self.pairs = pairs
        self.fast = fast
    }

    /// Up to 8 bytes at `position` as a little-endian word, zero-padded past `end`.
    @inline(__always)
    private static func word(_ base: UnsafePointer<UInt8>, _ position: Int, _ end: Int) -> UInt64 {
        if position &+ 8 <= end { return UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) }
        var value: UInt64 = 0
        var k = 0
        while position + k < end {
            value |= UInt64(base[position + k]) << (8 * UInt64(k))
            k += 1
        }
        return value
    }

    /// Whether the input at `position` (with `first` its first word) starts with `token`.
    @inline(__always)
    private func matches(_ token: Token, _ first: UInt64, _ base: UnsafePointer<UInt8>, _ position: Int, _ end: Int) -> Bool {
        guard first & token.headMask == token.head, position &+ token.length <= end else { return false }
        if token.length <= 8 { return true }
        guard Self.word(base, position &+ 8, end) & token.tailMask == token.tail else { return false }
        if token.length <= 16 { return true }
        return bytes.withUnsafeBufferPointer { tokens in
            tokens.baseAddress.map { ByteSearch.equal(base + position + 16, $0 + token.start + 16, count: token.length - 16) } ?? false
        }
    }

    /// The length of question `question`'s key token (`"id":`).
    @inline(__always)
    func keyLength(_ question: Int) -> Int { fast[question].key.length }

    /// Whether the input at `position` starts with question `question`'s key token.
    @inline(__always)
    func matchesKey(_ question: Int, _ input: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        guard let base = input.baseAddress else { return false }
        return matches(fast[question].key, Self.word(base, position, input.count), base, position, input.count)
    }

    /// The value of a literal answer at `position` followed by a delimiter, and its length.
    @inline(__always)
    func literal(_ question: Int, _ input: UnsafeBufferPointer<UInt8>, at position: Int) -> (Value, Int)? {
        guard let base = input.baseAddress else { return nil }
        let info = fast[question]
        let end = input.count
        let first = Self.word(base, position, end)
        for entry in entries[info.entryStart..<info.entryEnd] where matches(entry.token, first, base, position, end) {
            let after = position + entry.token.length
            if after < end {
                let next = base[after]
                guard next == 0x2C || next == 0x7D || next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 else { continue }
            }
            return (entry.value, entry.token.length)
        }
        return nil
    }

    /// Reads answers written exactly as the pack spells them, in questionnaire order starting with
    /// the first question, for as long as the input follows that form; stops, without consuming, at
    /// the first answer that needs the general parser (which then reports any problem exactly as it
    /// always would).
    ///
    /// - Returns: Whether the closing `}` of the answers object was consumed.
    @inline(__always)
    func fastRun(
        _ input: UnsafeBufferPointer<UInt8>, position: inout Int, question: inout Int, maxAnswers: Int, slots: UnsafeMutablePointer<Value>
    ) -> Bool {
        guard let base = input.baseAddress else { return false }
        let n = input.count
        return fast.withUnsafeBufferPointer { table -> Bool in
            pairs.withUnsafeBufferPointer { pairTable -> Bool in
                var p = position
                var q = question
                defer {
                    position = p
                    question = q
                }
                // Questions are visited once each, in order, so none can be a duplicate here. Positions
                // stay within the line (bounded by `n`), so wrapping arithmetic cannot wrap.
                let limit = Swift.min(table.count, maxAnswers)
                while q < limit {
                    let head: UInt64
                    let tail: UInt64
                    if p &+ 16 <= n {
                        head = UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self)
                        tail = UnsafeRawPointer(base + (p &+ 8)).loadUnaligned(as: UInt64.self)
                    } else {
                        head = Self.word(base, p, n)
                        tail = Self.word(base, p &+ 8, n)
                    }
                    var pair = table[q].pairStart
                    let pairEnd = table[q].pairEnd
                    var matched = false
                    while pair < pairEnd {
                        // The token ends with the comma, so a match is a whole answer and what follows.
                        if head & pairTable[pair].token.headMask == pairTable[pair].token.head,
                            tail & pairTable[pair].token.tailMask == pairTable[pair].token.tail
                        {
                            slots[q] = pairTable[pair].value
                            p &+= pairTable[pair].token.length
                            matched = true
                            break
                        }
                        pair &+= 1
                    }
                    if matched {
                        q &+= 1
                        continue
                    }
                    // A number question answered with a plain whole number (its pairs hold only
                    // `null` and the like), the one place numbers are read on this path; else a
                    // literal after its key.
                    var end = -1
                    if table[q].takesNumber, matches(table[q].key, head, base, p, n) {
                        end = Self.plainInteger(base, p &+ table[q].key.length, n, table[q].min, table[q].max, slots + q)
                    }
                    if end < 0 { end = keyedAnswer(table[q], head, base, p, n, slots + q) }
                    guard end >= 0 else { return false }
                    q &+= 1
                    p = end &+ 1
                    if base[end] == 0x7D { return true }
                }
                return false
            }
        }
    }

    /// A plain non-negative JSON integer at `v` (up to 15 digits, no leading zero) followed by ','
    /// or '}', within `min...max`: stored in `slot`, and where it ends (at the ',' or '}') returned;
    /// -1 for anything else (the general parser then reads it and reports any problem).
    @inline(__always)
    private static func plainInteger(
        _ base: UnsafePointer<UInt8>, _ v: Int, _ n: Int, _ min: Double, _ max: Double, _ slot: UnsafeMutablePointer<Value>
    ) -> Int {
        guard v < n else { return -1 }
        var digits = 0
        var number = 0
        var c = base[v]
        while c >= 0x30 && c <= 0x39 && digits < 15 && v &+ digits &+ 1 < n {
            number = number &* 10 &+ Int(c &- 0x30)
            digits &+= 1
            c = base[v &+ digits]
        }
        guard digits > 0, c == 0x2C || c == 0x7D, !(digits > 1 && base[v] == 0x30) else { return -1 }
        let x = Double(number)
        guard x >= min, x <= max else { return -1 }
        slot.pointee = .number(x)
        return v &+ digits
    }

    /// A literal answer not read as one key-and-answer token (the last answer, before '}', or one
    /// too long to share 16 bytes with its key and comma): the key, then the literal. Returns where
    /// the answer ends (at its ',' or '}'), or -1 if the general parser must read it. Kept out of
    /// line so the loop above stays small.
    @inline(never)
    private func keyedAnswer(
        _ info: QuestionFast, _ head: UInt64, _ base: UnsafePointer<UInt8>, _ p: Int, _ n: Int, _ slot: UnsafeMutablePointer<Value>
    ) -> Int {
        guard matches(info.key, head, base, p, n) else { return -1 }
        let v = p &+ info.key.length
        guard v < n else { return -1 }
        let first = Self.word(base, v, n)
        return entries.withUnsafeBufferPointer { entryTable -> Int in
            for e in info.entryStart..<info.entryEnd where matches(entryTable[e].token, first, base, v, n) {
                let after = v &+ entryTable[e].token.length
                if after < n, base[after] == 0x2C || base[after] == 0x7D {
                    slot.pointee = entryTable[e].value
                    return after
                }
            }
            return -1
        }
    }
}
