import IndiciaKit

/// Splits an NDJSON input into records a line at a time, holding at most one line in memory.
///
/// Blank lines are skipped; a CR before the newline is dropped; a line longer than the limit is
/// reported as too long and skipped, and reading goes on at the next line.
/// (Used by `indicia diff`; to be replaced by the engine's one case stream when it lands.)
struct RecordReader {
    /// One record, or a line that was too long to read.
    enum Item {
        case record([UInt8])
        case tooLong
    }

    let limit: Int
    private var line: [UInt8] = []
    private var overflow = false
    private var number = 0

    init(limit: Int) {
        self.limit = limit
    }

    /// Reads the whole input, calling `body` with each record and its 1-based line number.
    mutating func read(_ input: InputSource, _ body: (Item, Int) -> Void) {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { input.read(into: $0) }
            if count <= 0 { break }
            for byte in chunk[0..<count] {
                if byte == 0x0A {
                    finish(body)
                } else if !overflow {
                    if line.count >= limit {
                        overflow = true
                        line.removeAll(keepingCapacity: true)
                    } else {
                        line.append(byte)
                    }
                }
            }
        }
        if !line.isEmpty || overflow { finish(body) }
    }

    private mutating func finish(_ body: (Item, Int) -> Void) {
        number += 1
        defer {
            line.removeAll(keepingCapacity: true)
            overflow = false
        }
        if overflow {
            body(.tooLong, number)
            return
        }
        if line.last == 0x0D { line.removeLast() }
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 && $0 != 0x0D }) else { return }
        body(.record(line), number)
    }
}
