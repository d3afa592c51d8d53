/// The text of an expression in a pack, with where each of its lines starts in the file.
public struct ExpressionSource: Sendable, Equatable, Hashable {
    /// The expression as written.
    public var text: String
    /// The file position of the first character of each line of `text`.
    public var lineMarks: [SourceMark]

    /// Creates an expression source.
    ///
    /// - Parameters:
    ///   - text: The expression.
    ///   - lineMarks: Where each line of it starts (at least one).
    public init(text: String, lineMarks: [SourceMark]) {
        self.text = text
        self.lineMarks = lineMarks
    }

    /// Where the expression starts.
    public var mark: SourceMark { lineMarks.first ?? SourceMark(file: "<expression>", line: 1, column: 1) }

    /// The file position of the character at a scalar offset into `text`.
    ///
    /// - Parameter offset: 0-based offset in Unicode scalars.
    /// - Returns: The position in the file.
    public func mark(atOffset offset: Int) -> SourceMark {
        var line = 0
        var column = 0
        for (index, scalar) in text.unicodeScalars.enumerated() {
            if index == offset { break }
            if scalar == "\n" {
                line += 1
                column = 0
            } else {
                column += 1
            }
        }
        guard line < lineMarks.count else { return mark.advanced(by: offset) }
        return lineMarks[line].advanced(by: column)
    }
}
