/// The lines of the files a pack was loaded from, so diagnostics can show the offending line.
public struct SourceText: Sendable, Equatable {
    private var linesByFile: [String: [Substring]] = [:]

    /// Creates an empty store.
    public init() {}

    /// Records a file's text.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes (invalid UTF-8 is shown with replacement characters).
    ///   - file: Its path as used in marks.
    public mutating func add(_ bytes: [UInt8], file: String) {
        let text = String(decoding: bytes, as: UTF8.self)
        linesByFile[file] = text.split(separator: "\n", omittingEmptySubsequences: false)
    }

    /// The text of a 1-based line, without its line ending, or nil if unknown.
    ///
    /// - Parameters:
    ///   - line: 1-based line number.
    ///   - file: The path.
    /// - Returns: The line's text.
    public func line(_ line: Int, in file: String) -> String? {
        guard let lines = linesByFile[file], line >= 1, line <= lines.count else { return nil }
        var text = lines[line - 1]
        if text.hasSuffix("\r") { text = text.dropLast() }
        return String(text)
    }
}
