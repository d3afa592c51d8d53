/// The text of the files a pack was loaded from, so diagnostics can show the offending line.
///
/// Files are kept as bytes with the offsets where lines start; a line becomes a String only when
/// a diagnostic asks for it, so loading a pack does no per-line string work.
public struct SourceText: Sendable, Equatable {
    private struct File: Sendable, Equatable {
        var bytes: [UInt8]
        var lineStarts: [Int]
    }

    private var files: [String: File] = [:]

    /// Creates an empty store.
    public init() {}

    /// Records a file's text.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes (invalid UTF-8 is shown with replacement characters).
    ///   - file: Its path as used in marks.
    public mutating func add(_ bytes: [UInt8], file: String) {
        var starts = [0]
        bytes.withUnsafeBufferPointer { buffer in
            for index in buffer.indices where buffer[index] == 0x0A { starts.append(index + 1) }
        }
        files[file] = File(bytes: bytes, lineStarts: starts)
    }

    /// The text of a 1-based line, without its line ending, or nil if unknown.
    ///
    /// - Parameters:
    ///   - line: 1-based line number.
    ///   - file: The path.
    /// - Returns: The line's text.
    public func line(_ line: Int, in file: String) -> String? {
        guard let source = files[file], line >= 1, line <= source.lineStarts.count else { return nil }
        let start = source.lineStarts[line - 1]
        var end = line < source.lineStarts.count ? source.lineStarts[line] - 1 : source.bytes.count
        if end > start, source.bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: source.bytes[start..<max(start, end)], as: UTF8.self)
    }
}
