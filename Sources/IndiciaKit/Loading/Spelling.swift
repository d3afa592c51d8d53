/// Suggests the nearest known word for a misspelt key, id, command or option.
public enum Spelling {
    /// The candidate closest to `word`, if it is close enough to be a likely typo.
    ///
    /// - Parameters:
    ///   - word: What was written.
    ///   - candidates: The words it could have meant.
    /// - Returns: The suggestion, or nil.
    public static func suggestion(for word: String, among candidates: [String]) -> String? {
        let limit = word.count >= 4 ? max(2, word.count / 3) : 1
        var best: (String, Int)?
        // Sorted so that ties always resolve the same way (candidates often come from a Set).
        for candidate in candidates.sorted() {
            let distance = editDistance(word, candidate)
            if distance <= limit, distance < (best?.1 ?? Int.max) { best = (candidate, distance) }
        }
        return best?.0
    }

    /// "; did you mean 'x'?" or "".
    ///
    /// - Parameters:
    ///   - word: What was written.
    ///   - candidates: The words it could have meant.
    /// - Returns: The hint text.
    public static func hint(for word: String, among candidates: [String]) -> String {
        guard let suggestion = suggestion(for: word, among: candidates) else { return "" }
        return "; did you mean '\(suggestion)'?"
    }

    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        if a.count > 64 || b.count > 64 { return Int.max / 2 }
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
