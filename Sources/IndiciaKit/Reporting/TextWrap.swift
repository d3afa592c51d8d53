/// Wraps text to a width at word boundaries, for terminals and plain-text summaries.
public enum TextWrap {
    /// Wrapped lines, each prefixed with `indent` (the first with `firstIndent` if given).
    ///
    /// - Parameters:
    ///   - text: The text (existing line breaks are kept).
    ///   - width: The maximum line width in characters.
    ///   - indent: Prefix for each line.
    ///   - firstIndent: Prefix for the first line.
    /// - Returns: The wrapped text, ending with a newline.
    public static func wrap(_ text: String, width: Int, indent: String = "", firstIndent: String? = nil) -> String {
        var out = ""
        var prefix = firstIndent ?? indent
        // Paragraphs are separated by blank lines; single line breaks inside one are spaces
        // (YAML block text keeps the author's line breaks, which would make ragged lines).
        let paragraphs = text.split(separator: "\n\n", omittingEmptySubsequences: false).map { $0.split(separator: "\n").joined(separator: " ") }
        for (number, paragraph) in paragraphs.enumerated() {
            if number > 0 { out += "\n" }
            var line = prefix
            var lineHasWord = false
            for word in paragraph.split(separator: " ") {
                if lineHasWord && line.count + 1 + word.count > width {
                    out += line + "\n"
                    line = indent
                    lineHasWord = false
                }
                line += (lineHasWord ? " " : "") + word
                lineHasWord = true
            }
            out += line + "\n"
            prefix = indent
        }
        return out
    }
}
