import Dispatch
import IndiciaKit

/// `indicia evaluate`: JSON cases in (one document or an NDJSON stream), one JSON result per case out.
enum EvaluateCommand {
    static let command = Tool.Command(
        name: "evaluate", summary: "evaluate JSON cases from stdin or files (NDJSON streams too)",
        help: """
            Usage: indicia evaluate [--pack ID|PATH] [FILE...] [--packs DIR] [--result full|summary]
                                    [--threads N] [--line-buffered]

            Reads one JSON case, or an NDJSON stream of cases (one per line), from the files given or
            from standard input, and writes one JSON result line per case to standard output, in input
            order. A case is {"id": ..., "pack": "ID", "answers": {"question_id": answer, ...}}; --pack
            sets the pack for cases that name none. A bad record gets an error result for its line
            ({"ok": false, "line": N, "error": {...}}) and the stream goes on. Output is flushed
            whenever reading more input would have to wait, so it works as a coprocess;
            --line-buffered flushes after every result.

            --result full (the default) writes the explained result: evidence, sources, services and
            every missing-data list. --result summary writes ids, counts and flags only: pack identity,
            outcome, scores, values, category counts, indicator ids, next-step ids, missing-data flags.
            --threads N evaluates with at most N threads (default: one per core); --threads 1 also
            writes on the same thread.

            Print the JSON Schema of cases and results with: indicia schema case|result --pack ID

            Exit codes: 0 every record evaluated, 1 some records failed, 64 usage error,
            65 the --pack given does not load, 66 an input file cannot be read, 74 output failed.

            """,
        valued: ["--pack", "--packs", "--result", "--threads"], switches: ["--line-buffered"], run: run)

    static func run(_ arguments: Arguments, _ context: Context) -> ExitCode {
        var profile = ResultProfile.full
        if let option = arguments.options["--result"] {
            guard let chosen = ResultProfile(rawValue: option) else {
                context.errors.write(
                    "indicia evaluate: --result must be \(ResultProfile.identifiers.joined(separator: " or ")), not '\(option)'\(Arguments.hint(option, ResultProfile.identifiers))\n"
                )
                return .usage
            }
            profile = chosen
        }
        var threads = Platform.processorCount
        if let option = arguments.options["--threads"] {
            guard let count = Int(option), count >= 1, count <= 256 else {
                context.errors.write("indicia evaluate: --threads must be a whole number from 1 to 256, not '\(option)'\n")
                return .usage
            }
            threads = count
        }
        let locator = PackLocator(option: arguments.options["--packs"], context: context)
        let cache = PackCache(locator: locator)
        var defaultPack: Int?
        if let option = arguments.options["--pack"] {
            switch cache.load(packOption: option) {
            case .success(let index): defaultPack = index
            case .failure(let failure):
                reportLoadFailure(failure, context: context, command: "evaluate")
                return failure.noInput ? .noInput : .dataError
            }
        }
        let processor = StreamProcessor(
            packs: cache, defaultPack: defaultPack, output: context.output, lineBuffered: arguments.switches.contains("--line-buffered"),
            profile: profile, threads: threads)
        let inputs = arguments.positional.isEmpty ? ["-"] : arguments.positional
        for path in inputs {
            if path == "-" {
                processor.process(context.input)
                continue
            }
            guard !Platform.isDirectory(path), let fd = Platform.openForReading(path) else {
                context.errors.write("indicia evaluate: cannot read \(path)\n")
                context.output.flush()
                return .noInput
            }
            processor.process(FileInput(fd: fd, owned: true))
        }
        guard context.output.flush(), !processor.outputFailed else {
            context.errors.write("indicia evaluate: could not write the results\n")
            return .ioError
        }
        if processor.failed > 0 {
            context.errors.write("indicia evaluate: \(processor.records) records, \(processor.failed) failed (see the error results)\n")
            return .findings
        }
        return .ok
    }

    static func reportLoadFailure(_ failure: PackLoadFailure, context: Context, command: String) {
        let renderer = DiagnosticRenderer(sources: failure.sources)
        for diagnostic in failure.diagnostics where diagnostic.severity == .error {
            context.errors.write(renderer.render(diagnostic))
        }
        context.errors.write("indicia \(command): \(failure.message)\n")
    }
}

/// Splits input into records, evaluates each, and writes one result line per record, in order.
///
/// Complete lines are evaluated in batches; a large batch is cut into pieces (each with its own
/// decoder, evaluation and output buffer) that the cores take in turn, and written back in input order.
/// A batch's results are written by a writer thread while the next batch is evaluated; everything
/// else that writes waits for it first (``drain()``), so output order never changes.
final class StreamProcessor {
    /// One piece's reusable state: whichever thread takes the piece uses it, one thread at a time.
    final class Worker {
        var state = WorkerState()
        /// The results of the previous batch, being written while `state.out` fills.
        var written = ByteBuffer(capacity: 1 << 17)
        let packs: WorkerPacks

        init(packs: PackCache) { self.packs = WorkerPacks(packs) }
    }

    /// What a worker reuses from case to case. Passed `inout` for a whole batch, so the per-case
    /// work touches no class properties (no run-time exclusivity checks, no copies).
    struct WorkerState: ~Copyable {
        var decoder = CaseDecoder()
        var evaluation = Evaluation()
        var out = ByteBuffer(capacity: 1 << 17)
        var failed = 0
        /// Records in the last batch.
        var lines = 0
    }

    let packs: PackCache
    let defaultPack: Int?
    let output: OutputSink
    let lineBuffered: Bool
    let profile: ResultProfile
    /// At most this many threads evaluate a batch; with 1, results are also written on this thread.
    let threads: Int
    let limits = CaseLimits.standard
    private let workers: [Worker]
    private(set) var records = 0
    private(set) var failed = 0
    private(set) var outputFailed = false
    /// Batches smaller than this (in bytes: a few dozen cases) are not worth splitting between threads.
    static let parallelThreshold = 16 << 10
    /// How many pieces a large batch is cut into, and so how many workers' states there are.
    static let pieces = 8
    /// The writer thread, and the write it has in hand (at most one).
    private let writer = DispatchQueue(label: "indicia.evaluate.writer")
    private let writing = DispatchGroup()
    /// Set by the writer thread; read only after ``drain()``.
    private var writerFailed = false

    init(
        packs: PackCache, defaultPack: Int?, output: OutputSink, lineBuffered: Bool, profile: ResultProfile = .full,
        threads: Int = Platform.processorCount
    ) {
        self.packs = packs
        self.defaultPack = defaultPack
        self.output = output
        self.lineBuffered = lineBuffered
        self.profile = profile
        self.threads = max(1, threads)
        let count = lineBuffered || Platform.processorCount < 2 || threads < 2 ? 1 : Self.pieces
        workers = (0..<count).map { _ in Worker(packs: packs) }
    }

    func process(_ input: InputSource) {
        // Every result is written before this returns.
        defer { drain() }
        let chunk = 1 << 18
        var buffer = [UInt8](repeating: 0, count: chunk * 2)
        var start = 0
        var end = 0
        var skipping = false
        // Undecided (nil) until the first non-blank line is complete.
        var documentMode: Bool?
        while true {
            if skipping, let newline = Self.find(0x0A, in: buffer, from: start, to: end) {
                skipping = false
                start = newline + 1
            }
            // Every complete line buffered so far (a whole document is handled at the end).
            if documentMode == false, !skipping, let last = Self.findLast(0x0A, in: buffer, from: start, to: end) {
                evaluateLines(buffer, start, last + 1)
                start = last + 1
            }
            if !skipping, end - start > limits.maxLineBytes {
                records += 1
                failed += 1
                let what = documentMode == true ? "document" : "record"
                emit(error: CaseError(.lineTooLong, "the \(what) is longer than \(limits.maxLineBytes) bytes", path: ""))
                skipping = true
            }
            if skipping { start = end }
            // Keep the unfinished line at the front and make room to read more.
            if start > 0 {
                if start < end {
                    buffer.withUnsafeMutableBytes { raw in
                        guard let base = raw.baseAddress else { return }
                        base.copyMemory(from: base + start, byteCount: end - start)
                    }
                }
                end -= start
                start = 0
            }
            if buffer.count - end < chunk { buffer.append(contentsOf: [UInt8](repeating: 0, count: chunk)) }
            // About to read: if that could wait (a coprocess between requests), everything so far goes out first.
            if !input.hasDataWaiting {
                drain()
                if !output.flush() { outputFailed = true }
            }
            let n = buffer.withUnsafeMutableBytes { raw in
                input.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end..<(end + chunk)]))
            }
            if n <= 0 {
                if end > start && !skipping {
                    if documentMode == true {
                        evaluateDocument(buffer, start, end)
                    } else {
                        evaluateLines(buffer, start, end, final: true)
                    }
                }
                return
            }
            end += n
            if documentMode == nil { documentMode = Self.looksLikeDocument(buffer, start, end) }
        }
    }

    /// Whether the input is one pretty-printed document: its first non-blank line opens an object
    /// without closing it. Nil while that line is still incomplete (a pipe may deliver it in parts).
    static func looksLikeDocument(_ buffer: [UInt8], _ from: Int, _ to: Int) -> Bool? {
        var index = from
        while index < to, buffer[index] == 0x20 || buffer[index] == 0x09 || buffer[index] == 0x0D || buffer[index] == 0x0A { index += 1 }
        // Only blank lines so far: in a stream, each is a record of its own.
        guard index < to else { return buffer[from..<to].contains(0x0A) ? false : nil }
        guard buffer[index] == 0x7B else { return false }
        var lineEnd = index
        while lineEnd < to, buffer[lineEnd] != 0x0A { lineEnd += 1 }
        guard lineEnd < to else { return nil }
        var last = lineEnd - 1
        while last > index, buffer[last] == 0x20 || buffer[last] == 0x09 || buffer[last] == 0x0D { last -= 1 }
        return buffer[last] != 0x7D
    }

    static func find(_ byte: UInt8, in buffer: [UInt8], from: Int, to: Int) -> Int? {
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, from < to else { return nil }
            return Platform.find(byte, in: base + from, count: to - from).map { $0 + from }
        }
    }

    static func findLast(_ byte: UInt8, in buffer: [UInt8], from: Int, to: Int) -> Int? {
        buffer.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, from < to else { return nil }
            return Platform.findLast(byte, in: base + from, count: to - from).map { $0 + from }
        }
    }

    /// Evaluates the lines in `buffer[from..<to]` (each ending in a newline unless `final`), in
    /// parallel when there are enough of them, and writes their results in order.
    private func evaluateLines(_ buffer: [UInt8], _ from: Int, _ to: Int, final: Bool = false) {
        buffer.withUnsafeBufferPointer { pointer in
            // Cut at line boundaries into as many pieces as there are workers' states; the threads
            // take pieces as they become free, so a core slowed by other work (the writer thread, say)
            // holds up one small piece rather than half the batch. The workers count the lines they
            // read; this thread counts only those before each piece, to number the pieces' lines.
            let parts = to - from >= Self.parallelThreshold && !final ? workers.count : 1
            var ranges: [Range<Int>] = []
            var firstLine: [Int] = []
            var cut = from
            var line = records
            for piece in 0..<parts where cut < to {
                var next = to
                if piece < parts - 1, let newline = Self.find(0x0A, in: buffer, from: max(cut, from + (to - from) * (piece + 1) / parts), to: to) {
                    next = newline + 1
                }
                ranges.append(cut..<next)
                firstLine.append(line)
                if next < to { line += Self.countLines(UnsafeBufferPointer(rebasing: pointer[cut..<next])) }
                cut = next
            }
            let work = { (part: Int) in
                let worker = self.workers[part]
                Self.evaluateBatch(
                    UnsafeBufferPointer(rebasing: pointer[ranges[part]]), firstLine: firstLine[part], state: &worker.state,
                    packs: worker.packs, defaultPack: self.defaultPack, limits: self.limits, profile: self.profile
                ) { out in
                    guard self.lineBuffered else { return }
                    _ = self.output.write(raw: out.bytes)
                    if !self.output.flush() { self.outputFailed = true }
                    out.removeAll()
                }
            }
            if ranges.count > 1 {
                // Each piece has its own state, used by one thread at a time; the input, ranges and
                // line numbers are read-only here, and the pack cache takes a lock. TSan runs the
                // tests over this path. At most `threads` threads take pieces, each the next one free.
                nonisolated(unsafe) let body = work
                let pieces = PieceCounter(count: ranges.count)
                DispatchQueue.concurrentPerform(iterations: min(self.threads, ranges.count)) { _ in
                    while let piece = pieces.take() { body(piece) }
                }
            } else {
                work(0)
            }
            for part in ranges.indices {
                records += workers[part].state.lines
                failed += workers[part].state.failed
            }
            if lineBuffered {
                return
            }
            if threads == 1 {
                // One thread: this one writes too.
                for part in ranges.indices where !output.write(raw: workers[part].state.out.bytes) { outputFailed = true }
                return
            }
            // Hand this batch to the writer once it has finished the previous one; the workers fill
            // the buffers it has just written while it writes this batch.
            drain()
            for part in ranges.indices { swap(&workers[part].state.out, &workers[part].written) }
            let written = ranges.count
            nonisolated(unsafe) let unsafeSelf = self
            writing.enter()
            writer.async {
                for part in 0..<written where !unsafeSelf.output.write(raw: unsafeSelf.workers[part].written.bytes) {
                    unsafeSelf.writerFailed = true
                }
                unsafeSelf.writing.leave()
            }
        }
    }

    static func countLines(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        forEachLine(bytes) { _ in count += 1 }
        return count
    }

    /// Calls `body` with each line (without its newline); a last line without a newline counts too.
    static func forEachLine(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        guard let base = bytes.baseAddress else { return }
        var start = 0
        while start < bytes.count {
            let end = Platform.find(0x0A, in: base + start, count: bytes.count - start).map { $0 + start } ?? bytes.count
            body(UnsafeBufferPointer(start: base + start, count: end - start))
            start = end + 1
        }
    }

    /// Evaluates the lines of one batch into the worker's buffer (emptied first); `afterEach` sees
    /// the buffer after every result.
    static func evaluateBatch(
        _ lines: UnsafeBufferPointer<UInt8>, firstLine: Int, state: inout WorkerState, packs: WorkerPacks, defaultPack: Int?,
        limits: CaseLimits, profile: ResultProfile = .full, afterEach: (inout ByteBuffer) -> Void
    ) {
        state.out.removeAll()
        state.failed = 0
        state.lines = 0
        var number = firstLine
        forEachLine(lines) { line in
            number += 1
            state.lines += 1
            if !evaluate(line, number: number, state: &state, packs: packs, defaultPack: defaultPack, limits: limits, profile: profile) {
                state.failed += 1
            }
            afterEach(&state.out)
        }
    }

    /// Evaluates one record into the worker's buffer. Returns false if it got an error result.
    static func evaluate(
        _ raw: UnsafeBufferPointer<UInt8>, number: Int, state: inout WorkerState, packs: WorkerPacks, defaultPack: Int?, limits: CaseLimits,
        profile: ResultProfile = .full
    ) -> Bool {
        var line = raw
        if let last = line.last, last == 0x0D { line = UnsafeBufferPointer(rebasing: line.dropLast()) }
        guard line.count <= limits.maxLineBytes else {
            ResultWriter.writeError(
                CaseError(.lineTooLong, "the record is longer than \(limits.maxLineBytes) bytes", path: ""), line: number, idBytes: nil,
                to: &state.out)
            state.out.append(0x0A)
            return false
        }
        switch state.decoder.decode(line, packs: packs, defaultPack: defaultPack, into: &state.evaluation) {
        case .success(let record):
            record.runtime.pack.evaluate(&state.evaluation)
            ResultWriter.write(
                state.evaluation, runtime: record.runtime, idBytes: record.idRange.map { UnsafeBufferPointer(rebasing: line[$0]) }, profile: profile,
                to: &state.out)
            state.out.append(0x0A)
            return true
        case .failure(var failure):
            // A pretty-printed document is one record over many lines: point at the problem's own line.
            var number = number
            if let column = failure.error.column, column > 1, let base = line.baseAddress,
                let lastNewline = Platform.findLast(0x0A, in: base, count: min(column - 1, line.count))
            {
                number += countLines(UnsafeBufferPointer(rebasing: line[...lastNewline]))
                failure.error.column = column - (lastNewline + 1)
            }
            ResultWriter.writeError(
                failure.error, line: number, idBytes: failure.idRange.map { UnsafeBufferPointer(rebasing: line[$0]) }, to: &state.out)
            state.out.append(0x0A)
            return false
        }
    }

    /// Waits until the writer thread has written everything handed to it.
    func drain() {
        writing.wait()
        if writerFailed { outputFailed = true }
    }

    /// A whole (pretty-printed) document is one record.
    private func evaluateDocument(_ buffer: [UInt8], _ from: Int, _ to: Int) {
        drain()
        let worker = workers[0]
        worker.state.out.removeAll()
        records += 1
        // One record, newlines and all: not split into lines.
        let ok = buffer.withUnsafeBufferPointer { pointer in
            Self.evaluate(
                UnsafeBufferPointer(rebasing: pointer[from..<to]), number: records, state: &worker.state, packs: worker.packs,
                defaultPack: defaultPack, limits: limits, profile: profile)
        }
        if !ok { failed += 1 }
        if !output.write(raw: worker.state.out.bytes) { outputFailed = true }
    }

    private func emit(error: CaseError) {
        drain()
        let worker = workers[0]
        worker.state.out.removeAll()
        ResultWriter.writeError(error, line: records, idBytes: nil, to: &worker.state.out)
        worker.state.out.append(0x0A)
        if !output.write(raw: worker.state.out.bytes) { outputFailed = true }
    }
}
