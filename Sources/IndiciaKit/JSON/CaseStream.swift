/// Turns the bytes of a JSON input into records: the one place that does this for `indicia evaluate`,
/// `indicia report`, `indicia test`/`diff` and ``PackRuntime/evaluateJSON(_:)``.
///
/// Input is an NDJSON stream (one record per line), one or several pretty-printed documents one after
/// another, or a mixture. The rules (also in `docs/json-mode.md`):
///
/// - Lines end with LF; a CR before it is dropped. A line holding only spaces, tabs and CRs (or a
///   UTF-8 byte order mark) is blank: it gets no result, but it is counted in line numbers.
/// - A record starts at the first non-blank line. If that line starts (after spaces and a byte
///   order mark) with `{` or `[`, does not end with `}` or `]`, and leaves the value open at its
///   end, the record goes on over the following lines until the value closes: a pretty-printed
///   document. Otherwise it is that line (so an NDJSON record, which ends with `}`, is found with one
///   search for its line end, and never scanned byte by byte here).
/// - **Recovery.** A document that is left unfinished (a later line begins with `{` in its first
///   column, a line ends inside a string, it nests deeper than 64 levels, or the input ends) is not
///   one record: its first line becomes a record of its own (which gets its error result) and
///   reading resumes at the next line. So no valid record is ever swallowed by a bad one before it.
/// - A record longer than ``CaseLimits/maxLineBytes`` is not kept: it is returned as a
///   `line-too-long` failure, skipped to its end (the end of its line, or of its document), and
///   reading resumes after it.
///
/// The stream is pure and synchronous: feed it bytes (``append(_:)`` or ``read(into:)``), take
/// records with ``next()`` until it returns nil, then feed it more; call ``finish()`` at the end of
/// the input. It gives the same records however the input is cut into pieces. Memory is bounded by
/// the record limit plus one read.
public struct CaseStream: Sendable {
    /// One record: where its bytes are, and the line it starts on.
    public struct Record: Sendable, Equatable {
        /// Where the record's bytes are in ``CaseStream/buffer`` (without the final line ending);
        /// valid until the stream is next fed. Empty for a failure.
        public var range: Range<Int>
        /// The 1-based input line the record starts on.
        public var line: Int
        /// Set when the stream itself refuses the record (it is too long); its bytes are not kept.
        public var failure: CaseError?
    }

    /// The bytes read and not yet consumed (plus spare room at the end).
    public private(set) var buffer: [UInt8]
    /// The limits (only ``CaseLimits/maxLineBytes`` is used here).
    public let limits: CaseLimits
    private var start = 0
    private var end = 0
    private var finished = false
    private var line = 1
    private var scan = Scan()
    /// How much is read at a time by ``read(into:)``, unless the stream is made with a larger
    /// `readSize`.
    public static let chunk = 1 << 18
    /// Deepest nesting a record can have (as ``JSONScanner``).
    static let maxDepth = 64

    /// Where the record in progress has got to; positions are absolute in `buffer`.
    private struct Scan: Sendable {
        enum Phase: Sendable {
            /// Looking for the first non-blank byte of the next record.
            case lineStart
            /// The record is one line: looking for its end.
            case line
            /// The record starts with `{` or `[`: looking for its line end, to see whether the line
            /// ends with `}` or `]` (one record) or the value may go on (scanned from `opener`).
            case candidate
            /// The record is a JSON value that may go on over several lines.
            case value
        }
        var phase = Phase.lineStart
        var position = 0
        /// Where the `{` or `[` that opens the record is.
        var opener = 0
        var depth = 0
        var inString = false
        var escaped = false
        var atLineStart = false
        /// Where the record's first line ends (its LF), once seen.
        var firstLineEnd = -1
        /// Line ends passed inside the record.
        var lines = 0
        /// The record is longer than the limit: it is being skipped, not kept.
        var skipping = false
    }

    /// How much ``read(into:)`` asks for at a time (at least ``chunk``).
    public let readSize: Int

    /// Creates an empty stream.
    ///
    /// - Parameters:
    ///   - limits: The limits; a record longer than `maxLineBytes` is refused.
    ///   - readSize: How much ``read(into:)`` asks for at a time: ``chunk``, or more for a reader
    ///     that hands each read's records to several threads (bigger batches).
    public init(limits: CaseLimits = .standard, readSize: Int = CaseStream.chunk) {
        self.limits = limits
        self.readSize = max(readSize, Self.chunk)
        buffer = []
    }

    /// Creates a stream over a complete input (already finished).
    ///
    /// - Parameters:
    ///   - bytes: The whole input.
    ///   - limits: The limits.
    public init(complete bytes: [UInt8], limits: CaseLimits = .standard) {
        self.limits = limits
        readSize = Self.chunk
        buffer = bytes
        end = bytes.count
        finished = true
    }

    /// Whether ``finish()`` has been called.
    public var isFinished: Bool { finished }

    /// Adds input bytes. Ranges of records returned before become invalid.
    ///
    /// - Parameter bytes: The next bytes of the input.
    public mutating func append(_ bytes: some Collection<UInt8>) {
        compact()
        buffer.replaceSubrange(end..<buffer.count, with: bytes)
        end = buffer.count
    }

    /// Reads input straight into the buffer. Ranges of records returned before become invalid.
    ///
    /// - Parameter body: Reads into the space given and returns the number of bytes read (0 at
    ///   the end of the input, negative on error); nothing is added unless it is positive.
    /// - Returns: What `body` returned.
    public mutating func read(into body: (UnsafeMutableRawBufferPointer) -> Int) -> Int {
        compact()
        if buffer.count - end < readSize { buffer.append(contentsOf: repeatElement(0, count: readSize + end - buffer.count + readSize / 2)) }
        let room = buffer.count - end
        let from = end
        let n = buffer.withUnsafeMutableBytes { raw in body(UnsafeMutableRawBufferPointer(rebasing: raw[from..<(from + room)])) }
        if n > 0 { end += min(n, room) }
        return n
    }

    /// Hands the buffer over and goes on in `spare`: the records returned so far stay valid in the
    /// buffer handed over (now in `spare`), and the bytes not yet consumed are copied to the front
    /// of the new buffer (what `spare` held, reused). For a reader that lets other threads count a
    /// batch of records while it reads the next one into the other buffer.
    ///
    /// - Parameter spare: A buffer to go on in (any contents); gets the buffer handed over.
    public mutating func handOver(into spare: inout [UInt8]) {
        let shift = start
        let kept = end - start
        let size = kept + readSize + readSize / 2
        if spare.count < size { spare.append(contentsOf: repeatElement(0, count: size - spare.count)) }
        if kept > 0 {
            spare.withUnsafeMutableBytes { target in
                buffer.withUnsafeBytes { source in
                    guard let to = target.baseAddress, let from = source.baseAddress else { return }
                    to.copyMemory(from: from + shift, byteCount: kept)
                }
            }
        }
        swap(&buffer, &spare)
        end -= shift
        start = 0
        scan.position -= shift
        scan.opener -= shift
        if scan.firstLineEnd >= 0 { scan.firstLineEnd -= shift }
    }

    /// Marks the end of the input: the last line counts even without a line ending.
    public mutating func finish() { finished = true }

    /// Moves the unconsumed bytes to the front of the buffer.
    private mutating func compact() {
        guard start > 0 else { return }
        let shift = start
        if end > start {
            buffer.withUnsafeMutableBytes { raw in
                guard let base = raw.baseAddress else { return }
                (base).copyMemory(from: base + shift, byteCount: end - shift)
            }
        }
        end -= shift
        start = 0
        scan.position -= shift
        scan.opener -= shift
        if scan.firstLineEnd >= 0 { scan.firstLineEnd -= shift }
        if buffer.count > end + 4 * readSize { buffer.removeSubrange((end + 2 * readSize)...) }
    }

    /// The next complete record, or nil when more input is needed (or, once finished, at the end).
    ///
    /// - Returns: The record; its bytes are `buffer[record.range]` until the stream is next fed.
    public mutating func next() -> Record? {
        while true {
            let step = buffer.withUnsafeBufferPointer { bytes in Self.advance(bytes, start: start, end: end, finished: finished, scan: &scan) }
            switch step {
            case .needMore:
                if !scan.skipping, end - start > limits.maxLineBytes + 1 {
                    // Too long to keep: refuse it now and skip the rest of it as it arrives.
                    let record = Record(range: start..<start, line: line, failure: tooLong)
                    scan.skipping = true
                    start = scan.position
                    line += scan.lines
                    scan.lines = 0
                    return record
                }
                if scan.skipping {
                    // Nothing skipped is kept.
                    line += scan.lines
                    scan.lines = 0
                    start = scan.position
                } else if scan.phase == .lineStart {
                    // Blank bytes at the end of the input are not a record; keep them otherwise.
                    if finished { start = end }
                }
                return nil
            case .blank(let next):
                start = next
                line += 1
                scan = Scan(position: next)
            case .record(let recordEnd, let next, let linesAfter):
                let recordLine = line
                let wasSkipping = scan.skipping
                line += linesAfter
                let from = start
                start = next
                scan = Scan(position: next)
                if wasSkipping { continue }
                var to = recordEnd
                if to > from, buffer[to - 1] == 0x0D { to -= 1 }
                if to - from > limits.maxLineBytes { return Record(range: from..<from, line: recordLine, failure: tooLong) }
                return Record(range: from..<to, line: recordLine, failure: nil)
            }
        }
    }

    private var tooLong: CaseError { CaseError(.lineTooLong, "the record is longer than \(limits.maxLineBytes) bytes", path: "") }

    private enum Step {
        case needMore
        /// A blank line ends just before `next`.
        case blank(next: Int)
        /// A record ends at `end` (exclusive, before its line ending); the next one starts at
        /// `next`, `lines` lines further on.
        case record(end: Int, next: Int, lines: Int)
    }

    /// Scans from where the record in progress has got to.
    private static func advance(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, finished: Bool, scan: inout Scan) -> Step {
        if scan.phase == .lineStart {
            var p = scan.position
            if p == start {
                // A byte order mark at the start of a line (RFC 8259 lets a reader ignore it).
                if end - p < 3, !finished, bytes[p..<end].elementsEqual([0xEF, 0xBB, 0xBF].prefix(end - p)) { return .needMore }
                if end - p >= 3, bytes[p] == 0xEF, bytes[p + 1] == 0xBB, bytes[p + 2] == 0xBF { p += 3 }
            }
            while p < end, bytes[p] == 0x20 || bytes[p] == 0x09 || bytes[p] == 0x0D { p += 1 }
            scan.position = p
            guard p < end else { return .needMore }
            if bytes[p] == 0x0A { return .blank(next: p + 1) }
            scan.phase = bytes[p] == 0x7B || bytes[p] == 0x5B ? .candidate : .line
            scan.opener = p
        }
        if scan.phase == .candidate {
            guard let newline = ByteSearch.first(0x0A, in: bytes, from: scan.position, to: end) else {
                scan.position = end
                if finished { return .record(end: end, next: end, lines: scan.lines) }
                return .needMore
            }
            // A record being skipped is not kept, so it cannot be followed from its start: its line ends it.
            if scan.skipping { return .record(end: newline, next: newline + 1, lines: scan.lines + 1) }
            var last = newline - 1
            while last > scan.opener, bytes[last] == 0x20 || bytes[last] == 0x09 || bytes[last] == 0x0D { last -= 1 }
            if bytes[last] == 0x7D || bytes[last] == 0x5D { return .record(end: newline, next: newline + 1, lines: 1) }
            // The line does not end its value: follow the value from its opening bracket.
            scan.phase = .value
            scan.position = scan.opener
        }
        if scan.phase == .value {
            if let step = scanValue(bytes, start: start, end: end, finished: finished, scan: &scan) { return step }
        }
        // One line (or the rest of the line a value closed on): up to the next LF.
        if let newline = ByteSearch.first(0x0A, in: bytes, from: scan.position, to: end) {
            return .record(end: newline, next: newline + 1, lines: scan.lines + 1)
        }
        scan.position = end
        if finished { return .record(end: end, next: end, lines: scan.lines) }
        return .needMore
    }

    /// Scans a value that may span lines. Returns nil when it closed (the rest of its line follows),
    /// or the step to take.
    private static func scanValue(_ bytes: UnsafeBufferPointer<UInt8>, start: Int, end: Int, finished: Bool, scan: inout Scan) -> Step? {
        var p = scan.position
        var depth = scan.depth
        var inString = scan.inString
        var escaped = scan.escaped
        defer {
            scan.position = p
            scan.depth = depth
            scan.inString = inString
            scan.escaped = escaped
        }
        // Unfinished: the record is its first line alone (or, for a record being skipped, everything
        // up to here), and reading goes on after it.
        func unfinished(atLineStart lineStart: Int) -> Step {
            if scan.skipping { return .record(end: lineStart, next: lineStart, lines: scan.lines) }
            return .record(end: scan.firstLineEnd, next: scan.firstLineEnd + 1, lines: 1)
        }
        while p < end {
            let byte = bytes[p]
            if scan.atLineStart {
                scan.atLineStart = false
                // A record in the first column: the document before it is unfinished.
                if byte == 0x7B { return unfinished(atLineStart: p) }
            }
            if inString {
                if escaped {
                    escaped = false
                } else if byte == 0x5C {
                    escaped = true
                } else if byte == 0x22 {
                    inString = false
                } else if byte == 0x0A {
                    // A line cannot end inside a string: the value cannot go on.
                    if scan.lines == 0 || scan.skipping { return .record(end: p, next: p + 1, lines: scan.lines + 1) }
                    return unfinished(atLineStart: p + 1)
                }
                p += 1
                continue
            }
            switch byte {
            case 0x22:
                inString = true
            case 0x7B, 0x5B:
                depth += 1
                if depth > maxDepth {
                    // Too deep to be a case: the rest of this line is the record (or, on a later
                    // line, the document is unfinished).
                    if scan.lines == 0 || scan.skipping {
                        scan.phase = .line
                        p += 1
                        return nil
                    }
                    return unfinished(atLineStart: p)
                }
            case 0x7D, 0x5D:
                depth -= 1
                if depth <= 0 {
                    scan.phase = .line
                    p += 1
                    return nil
                }
            case 0x0A:
                if scan.lines == 0 { scan.firstLineEnd = p }
                scan.lines += 1
                scan.atLineStart = true
            default:
                break
            }
            p += 1
        }
        if finished {
            if scan.lines == 0 || scan.skipping { return .record(end: end, next: end, lines: scan.lines) }
            return unfinished(atLineStart: end)
        }
        return .needMore
    }

    /// Where a problem is, as a line and a column, given its 1-based byte column in a record.
    ///
    /// - Parameters:
    ///   - column: The 1-based byte offset of the problem in the record (as in ``CaseError/column``).
    ///   - record: The record's bytes.
    ///   - line: The line the record starts on.
    /// - Returns: The problem's 1-based line, and its 1-based byte column in that line.
    public static func position(ofColumn column: Int, in record: UnsafeBufferPointer<UInt8>, line: Int) -> (line: Int, column: Int) {
        let offset = min(max(column - 1, 0), record.count)
        var lineNumber = line
        var lineStart = 0
        var p = 0
        while let newline = ByteSearch.first(0x0A, in: record, from: p, to: offset) {
            lineNumber += 1
            lineStart = newline + 1
            p = newline + 1
        }
        return (lineNumber, offset - lineStart + 1)
    }

    /// An error located in its record: `line` becomes the problem's own line and `column` its column
    /// in that line.
    ///
    /// - Parameters:
    ///   - error: The error, with its column in the record (if known).
    ///   - record: The record's bytes.
    ///   - line: The line the record starts on.
    /// - Returns: The error with its column in its own line, and that line.
    public static func locate(_ error: CaseError, in record: UnsafeBufferPointer<UInt8>, line: Int) -> (error: CaseError, line: Int) {
        guard let column = error.column else { return (error, line) }
        let (problemLine, problemColumn) = position(ofColumn: column, in: record, line: line)
        var located = error
        located.column = problemColumn
        return (located, problemLine)
    }
}
