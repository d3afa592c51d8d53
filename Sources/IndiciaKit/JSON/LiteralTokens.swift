/// The exact JSON spellings a pack expects, pre-encoded: each question's key (`"q01":`) and
/// every literal answer it accepts (`"yes"`, `"b"`, `"not_known"`, `true`, `null`) with its value.
///
/// The decoder tries these byte-for-byte first; anything else goes through the general parser,
/// so the fast path never changes what is accepted or how it is reported.
struct LiteralTokens: Sendable {
    /// One literal answer: its token (the first up-to-8 bytes as a masked word) and its value.
    struct Entry: Sendable {
        var word: UInt64
        var mask: UInt64
        var start: Int
        var length: Int
        var value: Value
    }

    /// Everything the decoder needs about one question's spelling, in one plain record.
    struct QuestionFast: Sendable {
        var keyWord: UInt64
        var keyMask: UInt64
        var keyStart: Int
        var keyLength: Int
        var entryStart: Int
        var entryCount: Int
        /// Whether a plain non-negative JSON integer is an acceptable answer, and its range.
        var takesNumber: Bool
        var min: Double
        var max: Double
    }

    /// All tokens, concatenated.
    let bytes: [UInt8]
    /// Literal answers of every question, grouped by question.
    let entries: [Entry]
    /// One record per question, in questionnaire order.
    let fast: [QuestionFast]

    init(pack: CompiledPack) {
        var bytes: [UInt8] = []
        var entries: [Entry] = []
        var fast: [QuestionFast] = []
        // The first (up to) 8 bytes as a little-endian word and mask; longer tokens compare the rest separately.
        func word(_ token: [UInt8]) -> (UInt64, UInt64) {
            let prefix = min(token.count, 8)
            var value: UInt64 = 0
            for k in 0..<prefix { value |= UInt64(token[k]) << (8 * UInt64(k)) }
            return (value, prefix == 8 ? ~0 : (UInt64(1) << (8 * UInt64(prefix))) - 1)
        }
        func add(_ token: [UInt8], _ value: Value) {
            let (w, m) = word(token)
            entries.append(Entry(word: w, mask: m, start: bytes.count, length: token.count, value: value))
            bytes += token
        }
        for (index, question) in pack.questionnaire.questions.enumerated() {
            let key = JSONOutput.string(question.id) + [0x3A]
            let keyStart = bytes.count
            bytes += key
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
            let (keyWord, keyMask) = word(key)
            fast.append(
                QuestionFast(
                    keyWord: keyWord, keyMask: keyMask, keyStart: keyStart, keyLength: key.count, entryStart: first,
                    entryCount: entries.count - first, takesNumber: spec.kind == .integer || spec.kind == .decimal,
                    min: spec.min, max: spec.max))
        }
        self.bytes = bytes
        self.entries = entries
        self.fast = fast
    }

    /// Whether `length` bytes at `position` equal the token bytes at `start`.
    @inline(__always)
    private func equal(_ base: UnsafePointer<UInt8>, _ position: Int, _ start: Int, _ length: Int) -> Bool {
        bytes.withUnsafeBufferPointer { tokens in
            tokens.baseAddress.map { memcmpBytes(base + position, $0 + start, length) } ?? false
        }
    }

    /// The length of question `question`'s key token (`"id":`).
    @inline(__always)
    func keyLength(_ question: Int) -> Int { fast[question].keyLength }

    /// Whether the input at `position` starts with question `question`'s key token.
    @inline(__always)
    func matchesKey(_ question: Int, _ input: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let info = fast[question]
        guard position + info.keyLength <= input.count, let base = input.baseAddress else { return false }
        if info.keyLength <= 8, position + 8 <= input.count {
            return UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) & info.keyMask == info.keyWord
        }
        return equal(base, position, info.keyStart, info.keyLength)
    }

    /// The value of a literal answer at `position` followed by a delimiter, and its length.
    @inline(__always)
    func literal(_ question: Int, _ input: UnsafeBufferPointer<UInt8>, at position: Int) -> (Value, Int)? {
        guard let base = input.baseAddress else { return nil }
        let info = fast[question]
        let available = input.count - position
        let loaded = available >= 8 ? UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) : nil
        for entry in entries[info.entryStart..<(info.entryStart + info.entryCount)] {
            guard entry.length <= available else { continue }
            if entry.length <= 8, let loaded {
                guard loaded & entry.mask == entry.word else { continue }
            } else {
                guard equal(base, position, entry.start, entry.length) else { continue }
            }
            if entry.length < available {
                let next = base[position + entry.length]
                guard next == 0x2C || next == 0x7D || next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 else { continue }
            }
            return (entry.value, entry.length)
        }
        return nil
    }

    /// Reads answers written exactly as the pack spells them, in questionnaire order, for as long
    /// as the input follows that form; stops, without consuming, at the first answer that needs the
    /// general parser (which then reports any problem exactly as it always would).
    ///
    /// - Returns: Whether the closing `}` of the answers object was consumed.
    @inline(__always)
    func fastRun(
        _ input: UnsafeBufferPointer<UInt8>, position: inout Int, question: inout Int, count: inout Int, maxAnswers: Int,
        slots: UnsafeMutablePointer<Value>, seen: UnsafeMutablePointer<UInt32>, stamp: UInt32
    ) -> Bool {
        guard let base = input.baseAddress else { return false }
        let n = input.count
        return fast.withUnsafeBufferPointer { table -> Bool in
            entries.withUnsafeBufferPointer { entryTable -> Bool in
                var p = position
                var q = question
                defer {
                    position = p
                    question = q
                }
                while q < table.count, count < maxAnswers {
                    let info = table[q]
                    guard info.keyLength <= 8, p + 8 <= n, seen[q] != stamp else { return false }
                    guard UnsafeRawPointer(base + p).loadUnaligned(as: UInt64.self) & info.keyMask == info.keyWord else { return false }
                    let v = p + info.keyLength
                    guard v + 8 <= n else { return false }
                    let word = UnsafeRawPointer(base + v).loadUnaligned(as: UInt64.self)
                    var value = Value.missing(.unanswered)
                    var end = -1
                    for e in info.entryStart..<(info.entryStart + info.entryCount) {
                        let entry = entryTable[e]
                        guard word & entry.mask == entry.word, v + entry.length < n else { continue }
                        if entry.length > 8, !equal(base, v + 8, entry.start + 8, entry.length - 8) { continue }
                        let next = base[v + entry.length]
                        if next == 0x2C || next == 0x7D {
                            value = entry.value
                            end = v + entry.length
                            break
                        }
                    }
                    if end < 0 && info.takesNumber {
                        // A plain non-negative integer of up to 15 digits, followed by ',' or '}'.
                        var digits = 0
                        var number = 0
                        var c = base[v]
                        while c >= 0x30 && c <= 0x39 && digits < 15 {
                            number = number * 10 + Int(c - 0x30)
                            digits += 1
                            c = base[v + digits]
                        }
                        guard digits > 0, c == 0x2C || c == 0x7D, !(digits > 1 && base[v] == 0x30) else { return false }
                        let x = Double(number)
                        guard x >= info.min, x <= info.max else { return false }
                        value = .number(x)
                        end = v + digits
                    }
                    guard end >= 0 else { return false }
                    slots[q] = value
                    seen[q] = stamp
                    count += 1
                    q += 1
                    p = end + 1
                    if base[end] == 0x7D { return true }
                }
                return false
            }
        }
    }
}
