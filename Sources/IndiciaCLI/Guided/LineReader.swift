/// Reads lines from an input, for the prompt loop (line-based, so pipes and scripts work).
final class LineReader {
    private let input: InputSource
    private var buffer: [UInt8] = []
    private var finished = false

    init(_ input: InputSource) { self.input = input }

    /// The next line without its line ending, or nil at end of input or on Ctrl-C.
    func readLine() -> String? {
        while true {
            if let newline = buffer.firstIndex(of: 0x0A) {
                var line = Array(buffer[..<newline])
                buffer.removeSubrange(...newline)
                if line.last == 0x0D { line.removeLast() }
                return String(decoding: line, as: UTF8.self)
            }
            if finished || Platform.interrupted {
                guard !buffer.isEmpty, !Platform.interrupted else { return nil }
                defer { buffer.removeAll() }
                return String(decoding: buffer, as: UTF8.self)
            }
            var chunk = [UInt8](repeating: 0, count: 4096)
            let n = chunk.withUnsafeMutableBytes { input.read(into: $0) }
            if n <= 0 {
                finished = true
            } else {
                buffer += chunk[0..<n]
                // Refuse absurdly long lines rather than grow without limit.
                if buffer.count > 1 << 20 { buffer.removeAll() }
            }
        }
    }
}
