import IndiciaKit

/// `indicia evaluate`: JSON cases in (one document or an NDJSON stream), one JSON result per case out.
enum EvaluateCommand {
    static let command = Tool.Command(
        name: "evaluate", summary: "evaluate JSON cases from stdin or files (NDJSON streams too)",
        help: """
            Usage: indicia evaluate [--pack ID|PATH] [FILE...] [--packs DIR] [--line-buffered]

            Reads one JSON case, or an NDJSON stream of cases (one per line), from the files given or
            from standard input, and writes one JSON result line per case to standard output, in input
            order. A case is {"id": ..., "pack": "ID", "answers": {"question_id": answer, ...}}; --pack
            sets the pack for cases that name none. A bad record gets an error result for its line
            ({"ok": false, "line": N, "error": {...}}) and the stream goes on. Output is flushed
            whenever the input has no more complete lines waiting, so it works as a coprocess;
            --line-buffered flushes after every result.

            Print the JSON Schema of cases and results with: indicia schema case|result --pack ID

            Exit codes: 0 every record evaluated, 1 some records failed, 64 usage error,
            65 the --pack given does not load, 66 an input file cannot be read, 74 output failed.

            """,
        valued: ["--pack", "--packs"], switches: ["--line-buffered"], run: run)

    static func run(_ arguments: Arguments, _ context: Context) -> ExitCode {
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
            packs: cache, defaultPack: defaultPack, output: context.output, lineBuffered: arguments.switches.contains("--line-buffered"))
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

/// Splits input into records, evaluates each, and writes one result line per record.
final class StreamProcessor {
    let packs: PackCache
    let defaultPack: Int?
    let output: OutputSink
    let lineBuffered: Bool
    let limits = CaseLimits.standard
    private var decoder = CaseDecoder()
    private var evaluation = Evaluation()
    private var result = ByteBuffer()
    private(set) var records = 0
    private(set) var failed = 0
    private(set) var outputFailed = false

    init(packs: PackCache, defaultPack: Int?, output: OutputSink, lineBuffered: Bool) {
        self.packs = packs
        self.defaultPack = defaultPack
        self.output = output
        self.lineBuffered = lineBuffered
    }

    func process(_ input: InputSource) {
        let chunk = 1 << 18
        var buffer = [UInt8](repeating: 0, count: chunk * 2)
        var start = 0
        var end = 0
        var skipping = false
        var firstData = true
        var documentMode = false
        while true {
            // Hand over every complete line already buffered (a whole document is handled at the end).
            while !documentMode, start < end {
                guard let newline = Self.find(0x0A, in: buffer, from: start, to: end) else { break }
                if skipping {
                    skipping = false
                } else {
                    handle(buffer, start, newline)
                }
                start = newline + 1
            }
            if !skipping, !documentMode, end - start > limits.maxLineBytes {
                records += 1
                failed += 1
                emitError(CaseError("line-too-long", "the record is longer than \(limits.maxLineBytes) bytes", path: ""), id: nil)
                skipping = true
            }
            if skipping || (documentMode && end - start > limits.maxLineBytes) {
                if documentMode && !skipping {
                    records += 1
                    failed += 1
                    emitError(CaseError("line-too-long", "the document is longer than \(limits.maxLineBytes) bytes", path: ""), id: nil)
                    skipping = true
                }
                start = end
            }
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
            if !output.flush() { outputFailed = true }
            let n = buffer.withUnsafeMutableBytes { raw in
                input.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[end..<(end + chunk)]))
            }
            if n <= 0 {
                if end > start && !skipping { handle(buffer, start, end) }
                return
            }
            if firstData {
                firstData = false
                documentMode = Self.looksLikeDocument(buffer, end, end + n)
            }
            end += n
        }
    }

    /// A pretty-printed document: the first non-blank line opens an object without closing it.
    static func looksLikeDocument(_ buffer: [UInt8], _ from: Int, _ to: Int) -> Bool {
        var index = from
        while index < to, buffer[index] == 0x20 || buffer[index] == 0x09 || buffer[index] == 0x0D || buffer[index] == 0x0A { index += 1 }
        guard index < to, buffer[index] == 0x7B else { return false }
        var lineEnd = index
        while lineEnd < to, buffer[lineEnd] != 0x0A { lineEnd += 1 }
        guard lineEnd < to else { return false }
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

    private func handle(_ buffer: [UInt8], _ start: Int, _ end: Int) {
        records += 1
        guard end - start <= limits.maxLineBytes else {
            failed += 1
            emitError(CaseError("line-too-long", "the record is longer than \(limits.maxLineBytes) bytes", path: ""), id: nil)
            return
        }
        var stop = end
        if stop > start, buffer[stop - 1] == 0x0D { stop -= 1 }
        buffer.withUnsafeBufferPointer { pointer in
            let line = UnsafeBufferPointer(rebasing: pointer[start..<stop])
            switch decoder.decode(line, packs: packs, defaultPack: defaultPack, into: &evaluation) {
            case .success(let record):
                let runtime = packs.runtime(record.pack)
                runtime.pack.evaluate(&evaluation)
                result.removeAll()
                ResultWriter.write(evaluation, runtime: runtime, idBytes: record.idRange.map { UnsafeBufferPointer(rebasing: line[$0]) }, to: &result)
                result.append(0x0A)
                if !output.write(raw: result.bytes) { outputFailed = true }
            case .failure(let failure):
                failed += 1
                result.removeAll()
                ResultWriter.writeError(failure.error, line: records, idBytes: failure.idRange.map { UnsafeBufferPointer(rebasing: line[$0]) }, to: &result)
                result.append(0x0A)
                if !output.write(raw: result.bytes) { outputFailed = true }
            }
        }
        if lineBuffered, !output.flush() { outputFailed = true }
    }

    private func emitError(_ error: CaseError, id: [UInt8]?) {
        result.removeAll()
        ResultWriter.writeError(error, line: records, id: id, to: &result)
        result.append(0x0A)
        if !output.write(raw: result.bytes) { outputFailed = true }
    }
}
