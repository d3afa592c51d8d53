/// Small text helpers shared by the engine and the CLI, without Foundation: one definition each.
extension String {
    /// Whether the text is empty or only white space (checked scalar by scalar: pack loading asks
    /// this of every required text, and splitting into characters costs far more).
    package var isBlank: Bool {
        for scalar in unicodeScalars {
            if scalar.isASCII {
                guard scalar == " " || (0x09...0x0D).contains(scalar.value) else { return false }
            } else if !scalar.properties.isWhitespace {
                return false
            }
        }
        return true
    }

    /// The text without white space at either end.
    package var trimmed: String {
        var slice = self[...]
        while let first = slice.first, first.isWhitespace { slice = slice.dropFirst() }
        while let last = slice.last, last.isWhitespace { slice = slice.dropLast() }
        return String(slice)
    }

    /// The text with spaces added at the end to make it `width` characters (unchanged if longer).
    package func padded(to width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }

    /// Replaces every occurrence of a character.
    package func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self {
            if c == target { out += replacement } else { out.append(c) }
        }
        return out
    }

    /// `area_id` as `area id`.
    package var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }

    /// `2025-Q1` as `2025 Q1`.
    package var replacingDashes: String { String(map { $0 == "-" ? " " : $0 }) }

    /// The text with its first character upper-cased (`amber` as `Amber`).
    package var capitalizedWord: String { prefix(1).uppercased() + dropFirst() }
}
