import Dispatch
import IndiciaKit

/// `indicia evaluate`: JSON cases in (one document or an NDJSON stream), one JSON result per case out.
enum EvaluateCommand {
    static let command = Tool.Command(
        name: "evaluate", summary: "evaluate JSON cases from stdin or files (NDJSON streams too)",
        help: """
            Usage: indicia evaluate [--pack ID|PATH] [FILE...] [--packs DIR] [--result full|summary]
                                    [--threads N] [--line-buffered]

            Reads JSON cases from the files given or from standard input: an NDJSON stream (one case
            per line), or pretty-printed case documents one after another. Writes one JSON result line
            per case to standard output, in input order; blank lines are skipped. A case is
            {"id": ..., "pack": "ID", "answers": {"question_id": answer, ...}}; --pack sets the pack for
            cases that name none. A bad record gets an error result with its line (and file)
            ({"ok": false, "line": N, "error": {...}}), and reading resumes at the next line.
            Output is flushed whenever reading more input would have to wait, so it works as a
            coprocess; --line-buffered flushes after every result.

            --result full (the default) writes the explained result: evidence, sources, services and
            every missing-data list. --result summary writes ids, counts and flags only: pack identity,
            outcome, scores, values, category counts, indicator ids, next-step ids, missing-data flags.
            --threads N (1 to 256) evaluates with at most N threads (default: one per core);
            --threads 1 also writes on the same thread.

            The JSON Schemas: indicia schema case --pack ID (cases), indicia schema result (results).

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
                failure.report(to: context, command: "evaluate")
                return failure.noInput ? .noInput : .dataError
            }
        }
        let processor = ParallelEvaluator(
            packs: cache, defaultPack: defaultPack, output: context.output, lineBuffered: arguments.switches.contains("--line-buffered"),
            profile: profile, threads: threads)
        let inputs = arguments.positional.isEmpty ? ["-"] : arguments.positional
        for path in inputs {
            if path == "-" {
                processor.process(context.input, file: nil)
                continue
            }
            guard !FileSystem.isDirectory(path), let fd = FileSystem.openForReading(path) else {
                context.errors.write("indicia evaluate: cannot read \(path)\n")
                processor.flush()
                return .noInput
            }
            processor.process(FileInput(fd: fd, owned: true), file: path)
        }
        guard processor.flush() else {
            context.errors.write("indicia evaluate: could not write the results\n")
            return .ioError
        }
        if processor.failed > 0 {
            let records = processor.records == 1 ? "1 record" : "\(processor.records) records"
            context.errors.write("indicia evaluate: \(records), \(processor.failed) failed (see the error results)\n")
            return .findings
        }
        return .ok
    }

}
