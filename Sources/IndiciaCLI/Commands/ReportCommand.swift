import IndiciaKit

/// `indicia report`: aggregates many results into the network view.
enum ReportCommand {
    static let command = Tool.Command(
        name: "report", summary: "aggregate many results into tables, JSON or HTML",
        help: """
            Usage: indicia report [FILE|DIR...] [--format markdown|json|html] [--suppress N] [--out FILE] [--packs DIR]

            Reads results written by indicia evaluate or the guided CLI (NDJSON files, folders of .json or
            .ndjson files, or standard input) and prints the network view:
              training-needs results: agencies × areas gap matrix, ranked priorities, staff needing
                training by level, readiness across agencies;
              screening results: anonymised counts by level of concern, exploitation type, indicator and
                the worker's organisation. Counts from 1 to N-1 are shown as "<N" (--suppress, default 5).
                No case ids or free text appear in the output.
            Results are read a line at a time; the report ends by saying what it left out (error
            results, other packs' results, JSON that is not a result).

            Exit codes: 0 printed, 64 usage error, 65 an input line is not JSON, 66 an input cannot be read,
            74 the output file could not be written.

            """,
        valued: ["--format", "--suppress", "--out", "--packs"], switches: [], run: run)

    static func run(_ arguments: Arguments, _ context: Context) -> ExitCode {
        let format = arguments.options["--format"] ?? "markdown"
        guard ["markdown", "json", "html"].contains(format) else {
            context.errors.write("indicia report: --format must be markdown, json or html\n")
            return .usage
        }
        var threshold = 5
        if let text = arguments.options["--suppress"] {
            guard let value = Int(text), value >= 1, value <= 1000 else {
                context.errors.write("indicia report: --suppress must be a whole number from 1 to 1000\n")
                return .usage
            }
            threshold = value
        }
        if let out = arguments.options["--out"], !Platform.canWriteFile(at: out) {
            context.errors.write("indicia report: --out \(out) cannot be written (is the folder there, and writable?)\n")
            return .ioError
        }
        // Results are read one line at a time and folded into the builder, so memory does not grow
        // with the number of results.
        var builder = NetworkReportBuilder()
        let inputs = arguments.positional.isEmpty ? ["-"] : arguments.positional
        for path in inputs {
            let files =
                path == "-" || !Platform.isDirectory(path)
                ? [path] : Platform.files(in: path).filter { $0.hasSuffix(".json") || $0.hasSuffix(".ndjson") }
            // One file open at a time, however many the folder holds.
            for file in files {
                let problem: Problem?
                if file == "-" {
                    problem = read(context.input, name: "<stdin>", into: &builder)
                } else if !Platform.isDirectory(file), let fd = Platform.openForReading(file) {
                    problem = read(FileInput(fd: fd, owned: true), name: file, into: &builder)
                } else {
                    problem = Problem(message: "cannot read \(file)", code: .noInput)
                }
                if let problem {
                    context.errors.write("indicia report: \(problem.message)\n")
                    return problem.code
                }
            }
        }
        let (areas, sectors) = labels(for: builder.packIDs, arguments: arguments, context: context)
        let report = builder.report(areaLabels: areas, sectorLabels: sectors, suppressBelow: threshold)
        let text: String
        switch format {
        case "json": text = JSONReport.render(report)
        case "html": text = HTMLReport.render(report)
        default: text = MarkdownReport.render(report)
        }
        if let out = arguments.options["--out"] {
            guard Platform.writeFileAtomically(out, Array(text.utf8)) else {
                context.errors.write("indicia report: cannot write \(out)\n")
                return .ioError
            }
        } else {
            context.output.write(text)
        }
        return .ok
    }

    /// The longest result line (or pretty-printed result document) read.
    static let maxRecordBytes = 16 << 20

    /// Why an input stopped the report, and the exit code that says so.
    struct Problem {
        var message: String
        var code: ExitCode
    }

    /// Feeds every record of one input to the builder: result lines, or pretty-printed result
    /// documents (as the guided CLI's `--out` writes), framed by ``CaseStream`` exactly as
    /// `indicia evaluate` frames cases. Returns the problem, if any, naming the input, line and
    /// column (the same position `indicia evaluate` gives for the same bad record); nothing from
    /// the record itself is shown.
    static func read(_ input: InputSource, name: String, into builder: inout NetworkReportBuilder) -> Problem? {
        var stream = CaseStream(limits: CaseLimits(maxLineBytes: maxRecordBytes))
        while true {
            while let record = stream.next() {
                if let failure = record.failure {
                    return Problem(message: "\(name):\(record.line): \(failure.message) [\(failure.code.rawValue)]", code: .dataError)
                }
                let parsed = stream.buffer.withUnsafeBufferPointer { bytes -> Result<JSONValue, CaseError> in
                    let slice = UnsafeBufferPointer(rebasing: bytes[record.range])
                    do throws(CaseError) {
                        return .success(try JSONValue.parse(Array(slice)))
                    } catch {
                        let (located, line) = CaseStream.locate(error, in: slice, line: record.line)
                        let column = located.column.map { ":\($0)" } ?? ""
                        return .failure(
                            CaseError(
                                located.code, "\(name):\(line)\(column): not a result (\(located.message)) [\(located.code.rawValue)]",
                                path: located.path))
                    }
                }
                switch parsed {
                case .success(let value): builder.add(value)
                case .failure(let error): return Problem(message: error.message, code: .dataError)
                }
            }
            if stream.isFinished { return nil }
            let n = stream.read(into: { input.read(into: $0) })
            if n < 0 { return Problem(message: "cannot read \(name)", code: .noInput) }
            if n == 0 { stream.finish() }
        }
    }

    /// Area labels (from a pack's `report_areas` table) and choice labels, for the packs the results name.
    static func labels(for packIDs: Set<String>, arguments: Arguments, context: Context) -> ([String: String], [String: String]) {
        guard !packIDs.isEmpty else { return ([:], [:]) }
        let locator = PackLocator(option: arguments.options["--packs"], context: context)
        let library = PackLibrary.load(paths: locator.defaultPaths)
        var areas: [String: String] = [:]
        var choices: [String: String] = [:]
        for id in packIDs.sorted() {
            guard let pack = library.compile(rulesID: id).0 else { continue }
            for table in pack.rules.tables where table.id == "report_areas" {
                for row in table.rows {
                    if case .text(let label)? = row.cells[""] { areas[row.key] = label }
                }
            }
            for question in pack.questionnaire.questions where question.id == "sector" || question.id == "worker_sector" {
                for choice in question.kind.choices { choices[choice.id] = choice.label }
            }
        }
        return (areas, choices)
    }
}
