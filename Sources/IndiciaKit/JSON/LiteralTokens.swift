/// The exact JSON spellings a pack expects, pre-encoded: each question's key (`"q01":`) and
/// every literal answer it accepts (`"yes"`, `"b"`, `"not_known"`, `true`, `null`) with its value.
///
/// The decoder tries these byte-for-byte first; anything else goes through the general parser,
/// so the fast path never changes what is accepted or how it is reported.
struct LiteralTokens: Sendable {
    /// All tokens, concatenated.
    let bytes: [UInt8]
    /// Per question: where its key token starts in `bytes`, and its length.
    let keyStart: [Int]
    let keyLength: [Int]
    /// Per question: its range of entries.
    let entryStart: [Int]
    let entryCount: [Int]
    /// Per entry: where its token starts, its length, and the value it means.
    let tokenStart: [Int]
    let tokenLength: [Int]
    let values: [Value]
    /// One literal answer: its token (as a masked word when up to 8 bytes long) and its value.
    struct Entry: Sendable {
        var word: UInt64
        var mask: UInt64
        var start: Int
        var length: Int
        var value: Value
    }

    let entries: [Entry]
    /// Tokens of up to 8 bytes as little-endian words with a mask, so matching is one compare.
    let keyWord: [UInt64]
    let keyMask: [UInt64]
    let tokenWord: [UInt64]
    let tokenMask: [UInt64]

    init(pack: CompiledPack) {
        var bytes: [UInt8] = []
        var keyStart: [Int] = [], keyLength: [Int] = []
        var entryStart: [Int] = [], entryCount: [Int] = []
        var tokenStart: [Int] = [], tokenLength: [Int] = [], values: [Value] = []
        func add(_ token: [UInt8], _ value: Value) {
            tokenStart.append(bytes.count)
            tokenLength.append(token.count)
            values.append(value)
            bytes += token
        }
        for (index, question) in pack.questionnaire.questions.enumerated() {
            let key = JSONOutput.string(question.id) + [0x3A]
            keyStart.append(bytes.count)
            keyLength.append(key.count)
            bytes += key
            entryStart.append(values.count)
            switch question.kind {
            case .yesNo:
                add(Array("\"yes\"".utf8), .bool(true))
                add(Array("\"no\"".utf8), .bool(false))
                add(Array("true".utf8), .bool(true))
                add(Array("false".utf8), .bool(false))
            case .singleChoice(let choices):
                for (n, choice) in choices.enumerated() {
                    add(JSONOutput.string(choice.id), .symbol(pack.choiceSymbols[index][n]))
                }
            default:
                break
            }
            if question.allowsNotKnown { add(Array("\"not_known\"".utf8), .missing(.notKnown)) }
            add(Array("null".utf8), .missing(.unanswered))
            entryCount.append(values.count - entryStart[index])
        }
        func word(_ start: Int, _ length: Int) -> (UInt64, UInt64) {
            guard length <= 8 else { return (0, 0) }
            var value: UInt64 = 0
            for k in 0..<length { value |= UInt64(bytes[start + k]) << (8 * UInt64(k)) }
            return (value, length == 8 ? ~0 : (UInt64(1) << (8 * UInt64(length))) - 1)
        }
        let keys = zip(keyStart, keyLength).map { word($0, $1) }
        keyWord = keys.map(\.0)
        keyMask = keys.map(\.1)
        let tokens = zip(tokenStart, tokenLength).map { word($0, $1) }
        tokenWord = tokens.map(\.0)
        tokenMask = tokens.map(\.1)
        entries = values.indices.map { Entry(word: tokens[$0].0, mask: tokens[$0].1, start: tokenStart[$0], length: tokenLength[$0], value: values[$0]) }
        self.bytes = bytes
        self.keyStart = keyStart
        self.keyLength = keyLength
        self.entryStart = entryStart
        self.entryCount = entryCount
        self.tokenStart = tokenStart
        self.tokenLength = tokenLength
        self.values = values
    }

    /// Whether the input at `position` starts with question `question`'s key token.
    @inline(__always)
    func matchesKey(_ question: Int, _ input: UnsafeBufferPointer<UInt8>, at position: Int) -> Bool {
        let length = keyLength[question]
        guard position + length <= input.count, let base = input.baseAddress else { return false }
        if length <= 8, position + 8 <= input.count {
            let loaded = UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self)
            return loaded & keyMask[question] == keyWord[question]
        }
        return bytes.withUnsafeBufferPointer { tokens in
            guard let t = tokens.baseAddress else { return false }
            return memcmpBytes(base + position, t + keyStart[question], length)
        }
    }

    /// The value of a literal answer at `position` followed by a delimiter, and its length.
    @inline(__always)
    func literal(_ question: Int, _ input: UnsafeBufferPointer<UInt8>, at position: Int) -> (Value, Int)? {
        guard let base = input.baseAddress else { return nil }
        let first = entryStart[question]
        let last = first + entryCount[question]
        let available = input.count - position
        let loaded = available >= 8 ? UnsafeRawPointer(base + position).loadUnaligned(as: UInt64.self) : nil
        return entries.withUnsafeBufferPointer { table -> (Value, Int)? in
            for entry in table[first..<last] {
                guard entry.length <= available else { continue }
                if entry.length <= 8, let loaded {
                    guard loaded & entry.mask == entry.word else { continue }
                } else {
                    let matched = bytes.withUnsafeBufferPointer { tokens in
                        tokens.baseAddress.map { memcmpBytes(base + position, $0 + entry.start, entry.length) } ?? false
                    }
                    guard matched else { continue }
                }
                if entry.length < available {
                    let next = base[position + entry.length]
                    guard next == 0x2C || next == 0x7D || next == 0x20 || next == 0x0A || next == 0x0D || next == 0x09 else { continue }
                }
                return (entry.value, entry.length)
            }
            return nil
        }
    }
}
