/// A position in a source file: 1-based line and column (columns count Unicode scalars).
public struct SourceMark: Sendable, Equatable, Hashable, Comparable, CustomStringConvertible {
    /// The file path as given to the loader.
    public var file: String
    /// 1-based line number.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int

    /// Creates a mark.
    ///
    /// - Parameters:
    ///   - file: The file path.
    ///   - line: 1-based line.
    ///   - column: 1-based column.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// `path:line:col`.
    public var description: String { "\(file):\(line):\(column)" }

    public static func < (lhs: SourceMark, rhs: SourceMark) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }

    /// This mark moved right by `offset` columns on the same line.
    func advanced(by offset: Int) -> SourceMark {
        SourceMark(file: file, line: line, column: column + offset)
    }
}
