import IndiciaKit

/// `indicia lint [PATH...]`: checks packs and prints every finding with its position.
enum LintCommand {
    static let command = Tool.Command(
        name: "lint", summary: "check packs for errors and unverified content",
        help: """
            Usage: indicia lint [PATH...] [--format text|json] [--strict] [--packs DIR] [--today YYYY-MM-DD]

            Checks pack files (default: everything under rules/ and questionnaires/) and prints each
            finding as path:line:col: severity: message [code], with the source line and a caret.

              --format json   one JSON array of findings instead of text
              --strict        warnings count as findings (exit 1)
              --packs DIR     folder holding rules/ and questionnaires/ (default: INDICIA_PACKS,
                              else the current folder)
              --today DATE    the date to check services' review_by dates against (default: the
                              INDICIA_TODAY environment variable if set, else today's date, UTC)

            Exit codes: 0 no errors (warnings allowed), 1 errors found (or warnings with --strict),
            64 usage error, 66 a path does not exist or cannot be read.

            """,
        valued: ["--format", "--packs", "--today"], switches: ["--strict"], run: run)

    static func run(_ arguments: Arguments, _ context: Context) -> ExitCode {
        let format = arguments.options["--format"] ?? "text"
        guard format == "text" || format == "json" else {
            context.errors.write("indicia lint: --format must be text or json\n")
            return .usage
        }
        let todayText = arguments.options["--today"] ?? context.environment["INDICIA_TODAY"]
        var today = Platform.today()
        if let todayText {
            guard let day = CalendarDate.days(fromISO: todayText) else {
                let origin = arguments.options["--today"] != nil ? "--today" : "INDICIA_TODAY"
                context.errors.write("indicia lint: \(origin) must be a real date written YYYY-MM-DD, not '\(todayText)'\n")
                return .usage
            }
            today = day
        }
        var paths = arguments.positional
        if paths.isEmpty {
            paths = PackLocator(option: arguments.options["--packs"], context: context).defaultPaths
            if paths.isEmpty {
                context.errors.write("indicia lint: no rules/ or questionnaires/ folder here; name the files to check or use --packs DIR\n")
                return .usage
            }
        }
        let library = PackLibrary.load(paths: paths)
        let findings = Linter(today: today).lint(library)
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.filter { $0.severity == .warning }.count
        if format == "json" {
            var out: [UInt8] = [0x5B]
            for (n, finding) in findings.enumerated() {
                if n > 0 { out.append(0x2C) }
                out +=
                    Array("\n  {\"file\":".utf8) + json(finding.mark.file)
                    + Array(",\"line\":\(finding.mark.line),\"column\":\(finding.mark.column)".utf8)
                out += Array(",\"severity\":".utf8) + json(finding.severity.rawValue) + Array(",\"code\":".utf8) + json(finding.code.rawValue)
                out += Array(",\"message\":".utf8) + json(finding.message) + [0x7D]
            }
            out += Array("\n]\n".utf8)
            context.output.write(out)
        } else {
            let renderer = DiagnosticRenderer(sources: library.sources)
            let colour = Style(sink: context.output, environment: context.environment)
            for finding in findings {
                context.output.write(renderer.render(finding) { finding.severity == .error ? colour.red($0) : colour.yellow($0) })
            }
            let files = library.files.count
            context.output.write(
                "\(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s") in \(files) file\(files == 1 ? "" : "s")\n")
        }
        if !library.unreadable.isEmpty { return .noInput }
        if errors > 0 || (arguments.switches.contains("--strict") && warnings > 0) { return .findings }
        return .ok
    }

    static func json(_ text: String) -> [UInt8] { JSONOutput.string(text) }
}
