/// Finds a question index from the raw bytes of a JSON key, without building a String.
struct QuestionKeyIndex: Sendable {
    private var keys: [[UInt8]]
    private var table: [Int32]
    private var mask: Int

    init(ids: [String]) {
        keys = ids.map { Array($0.utf8) }
        var size = 16
        while size < keys.count * 4 { size *= 2 }
        mask = size - 1
        table = Array(repeating: -1, count: size)
        for (index, key) in keys.enumerated() {
            var slot = Self.hash(key) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(index)
        }
    }

    @inline(__always)
    static func hash<C: Collection>(_ bytes: C) -> Int where C.Element == UInt8 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { h = (h ^ UInt64(byte)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h & 0x7fff_ffff_ffff)
    }

    /// Whether question `index` has exactly this key.
    @inline(__always)
    func matches(_ index: Int, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard index >= 0, index < keys.count else { return false }
        let key = keys[index]
        guard key.count == bytes.count else { return false }
        return key.withUnsafeBufferPointer { k in
            guard let a = k.baseAddress, let b = bytes.baseAddress else { return bytes.isEmpty }
            return ByteSearch.equal(a, b, count: bytes.count)
        }
    }

    /// The question with this key; `hint` is tried first (answers usually come in questionnaire order).
    @inline(__always)
    func find(_ bytes: UnsafeBufferPointer<UInt8>, hint: Int) -> Int? {
        if matches(hint, bytes) { return hint }
        var slot = Self.hash(bytes) & mask
        while true {
            let candidate = Int(table[slot])
            if candidate < 0 { return nil }
            if matches(candidate, bytes) { return candidate }
            slot = (slot + 1) & mask
        }
    }
}
