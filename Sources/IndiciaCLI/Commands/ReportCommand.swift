import IndiciaKit

/// `indicia report`: aggregates many results into the network view.
enum ReportCommand {
    static let command = Tool.Command(
        name: "report", summary: "aggregate many results into tables (Markdown or CSV), JSON or HTML",
        help: """
            Usage: indicia report [FILE|DIR...] [--rounds] [--agency NAME] [--format markdown|json|csv|html]
                                  [--suppress N] [--from DATE] [--to DATE] [--out FILE] [--packs DIR]
                                  [--threads N]

            Reads results written by indicia evaluate or the guided CLI (NDJSON files, folders of .json or
            .ndjson files, or standard input) and prints the network view:
              training-needs results: agencies × areas gap matrix, ranked priorities, staff needing
                training by level, what each agency can do for a potential victim, readiness;
              --rounds: each input (file or folder) is one round of assessments, oldest first; the report
                shows per agency and area what closed, opened and stayed since the previous round, the
                network-level change, and agencies not re-assessed. Agencies are matched by their
                number on the network's member list (by name when they gave none);
              --agency NAME: only that agency's action plan (NAME or its agency number), Markdown or JSON;
              screening results: anonymised counts by quarter and level of concern, council area and
                type of exploitation, the worker's organisation, the action taken (with everyone not
                referred into the NRM) and each indicator. Counts from 1 to N-1 are hidden as [c]
                (--suppress N, default 5), and so is any count that would let them be worked out from
                the totals (docs/evidence-base.md). No ids, free text or dates (only quarters) appear.
                --from and --to (YYYY-MM-DD, inclusive) count only screenings dated in that period.
            What a result is, and which of its values are counted, comes from its pack's report: block.
            Results are read a line at a time; the report ends by saying what it left out (error
            results, results of packs without a report: block, JSON that is not a result, lines that
            are not JSON, screenings outside the period), with counts.
            --format csv writes one tidy CSV table: the screening counts (one row per count), or the
            training-needs figures (one row per figure: agencies, gaps, capacities, rounds, agencies not
            re-assessed, notes); a mix of both kinds of result is a usage error.
            --threads N reads with at most N threads (default: one per core); the report is the same.

            Exit codes: 0 printed, 1 printed, but some records were not JSON (each is named on standard
            error by its position, never its text, and counted as left out), or --agency names no agency
            in the latest round, 64 usage error (also --format csv over both kinds of result), 66 an
            input cannot be read, 74 the output file could not be written.

            """,
        valued: ["--format", "--suppress", "--out", "--packs", "--from", "--to", "--agency", "--threads"], switches: ["--rounds"], run: run)

    static func run(_ arguments: Arguments, _ context: Context) -> ExitCode {
        let format = arguments.options["--format"] ?? "markdown"
        guard ["markdown", "json", "csv", "html"].contains(format) else {
            context.errors.write("indicia report: --format must be markdown, json, csv or html\n")
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
        if arguments.options["--agency"] != nil && format != "markdown" && format != "json" {
            context.errors.write("indicia report: --agency writes Markdown or JSON (--format markdown or json)\n")
            return .usage
        }
        if let out = arguments.options["--out"], !FileSystem.canWriteFile(at: out) {
            context.errors.write("indicia report: --out \(out) cannot be written (is the folder there, and writable?)\n")
            return .ioError
        }
        var period: [Int?] = []
        for option in ["--from", "--to"] {
            guard let text = arguments.options[option] else {
                period.append(nil)
                continue
            }
            guard let day = CalendarDate.days(fromISO: text) else {
                context.errors.write("indicia report: \(option) must be a date written YYYY-MM-DD\n")
                return .usage
            }
            period.append(Int(day))
        }
        var threads = Platform.processorCount
        if let option = arguments.options["--threads"] {
            guard let count = Int(option), (1...256).contains(count) else {
                context.errors.write("indicia report: --threads must be a whole number from 1 to 256, not '\(option)'\n")
                return .usage
            }
            threads = count
        }
        if let from = period[0], let to = period[1], from > to {
            context.errors.write("indicia report: --from must not be after --to\n")
            return .usage
        }
        // Results are read one line at a time and folded into the builder, so memory does not grow
        // with the number of results.
        var builder = NetworkReportBuilder(packs: reportPacks(arguments: arguments, context: context), from: period[0], to: period[1])
        let inputs = arguments.positional.isEmpty ? ["-"] : arguments.positional
        var badRecords = 0
        let rounds = arguments.switches.contains("--rounds")
        for path in inputs {
            if rounds { builder.beginRound(path == "-" ? "standard input" : Self.lastComponent(path)) }
            let files =
                path == "-" || !FileSystem.isDirectory(path)
                ? [path] : FileSystem.files(in: path).filter { $0.hasSuffix(".json") || $0.hasSuffix(".ndjson") }
            // One file open at a time, however many the folder holds.
            for file in files {
                let outcome: (problem: Problem?, bad: Int)
                if file == "-" {
                    outcome = ReportReader.read(context.input, name: "<stdin>", into: &builder, errors: context.errors, threads: threads)
                } else if !FileSystem.isDirectory(file), let fd = FileSystem.openForReading(file) {
                    outcome = ReportReader.read(FileInput(fd: fd, owned: true), name: file, into: &builder, errors: context.errors, threads: threads)
                } else {
                    outcome = (Problem(message: "cannot read \(file)", code: .noInput), 0)
                }
                if let problem = outcome.problem {
                    context.errors.write("indicia report: \(problem.message)\n")
                    return problem.code
                }
                badRecords += outcome.bad
            }
        }
        let report = builder.report(suppressBelow: threshold, from: arguments.options["--from"], to: arguments.options["--to"])
        if format == "csv" && arguments.options["--agency"] == nil && !report.screening.isEmpty && !report.training.isEmpty {
            context.errors.write(
                "indicia report: --format csv writes one table, and the input holds both screening and training-needs results: report them separately\n"
            )
            return .usage
        }
        let text: String
        if let name = arguments.options["--agency"] {
            guard let plan = actionPlan(name, report) else {
                let names = report.training.agencies.map { agency in (agency.agencyID.map { "\($0) " } ?? "") + agency.name }
                context.errors.write(
                    "indicia report: no agency '\(name)' in the latest round of results"
                        + (names.isEmpty ? "" : "; agencies: " + names.joined(separator: ", ")) + "\n")
                return .findings
            }
            text =
                format == "json"
                ? JSONValue.object([("action_plan", plan.json)]).pretty : plan.render(labels: report.trainingLabels, markdown: true)
        } else {
            switch format {
            case "json": text = JSONReport.render(report)
            case "csv": text = CSVReport.render(report)
            case "html": text = HTMLReport.render(report)
            default: text = MarkdownReport.render(report)
            }
        }
        if let out = arguments.options["--out"] {
            guard FileSystem.writeFileAtomically(out, Array(text.utf8)) else {
                context.errors.write("indicia report: cannot write \(out)\n")
                return .ioError
            }
        } else {
            context.output.write(text)
        }
        return badRecords > 0 ? .findings : .ok
    }

    /// The longest result line (or pretty-printed result document) read.
    static let maxRecordBytes = 16 << 20

    /// Why an input stopped the report, and the exit code that says so.
    struct Problem {
        var message: String
        var code: ExitCode
    }

    /// The last part of a path, for naming a round.
    static func lastComponent(_ path: String) -> String {
        let trimmed = path.hasSuffix("/") ? String(path.dropLast()) : path
        return trimmed.split(separator: "/").last.map(String.init) ?? path
    }

    /// The action plan of the agency named (or numbered) in the latest round.
    static func actionPlan(_ name: String, _ report: NetworkReport) -> TrainingActionPlan? {
        let network = report.training
        let wanted = name.lowercased()
        guard
            let record = network.agencies.first(where: { $0.name.lowercased() == wanted })
                ?? network.agencies.first(where: { $0.agencyID.map(String.init) == name })
        else { return nil }
        let change = network.change(of: record.name)
        let previous = change?.previousRound.map { network.rounds[$0].title }
        return TrainingActionPlan(record, labels: report.trainingLabels, change: change, previousRound: previous)
    }

    /// The report conventions of every rule set found (in `--packs`, `INDICIA_PACKS` or the
    /// default places) that loads and has a `report:` block.
    static func reportPacks(arguments: Arguments, context: Context) -> [ReportPack] {
        let locator = PackLocator(option: arguments.options["--packs"], context: context)
        let library = PackLibrary.load(paths: locator.defaultPaths)
        return library.ruleSetIDs.sorted().compactMap { id in library.compile(rulesID: id).0.flatMap(ReportPack.init) }
    }
}
