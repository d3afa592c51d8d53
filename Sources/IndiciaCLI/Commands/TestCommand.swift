import IndiciaKit

/// `indicia test [PATH...]`: runs the pack tests (`kind: tests` files) with the same engine as `evaluate`.
enum TestCommand {
    static let command = Tool.Command(
        name: "test", summary: "run the pack tests (kind: tests files under rules/)",
        help: """
            Usage: indicia test [PATH...] [--format text|json] [--packs DIR]

            Runs pack tests: files with kind: tests (normally under rules/tests/). Each test gives the
            answers for a situation and what the result must show; the answers go through the same
            checks and evaluation as indicia evaluate. With no PATH, every test file under rules/ runs.
            A PATH is a test file or a folder; the packs are read from the folder holding rules/ and
            questionnaires/ above it (or from the folder itself). A test of the training report's
            comparison of rounds gives rounds: of agencies' answers instead of answers:, read back
            as indicia report reads rounds of results (docs/authoring.md, "Testing a change").

            For each failure: the test and its situation, path:line:col of the expectation that failed
            with the source line and a caret, expected and actual, and the answers that made each
            relevant indicator present. Last line: N passed, N failed.

              --format json   one JSON document instead of text
              --packs DIR     folder holding rules/ and questionnaires/ (default: INDICIA_PACKS,
                              else the current folder)

            Exit codes: 0 every test passed, 1 a test failed (or no test was found), 64 usage error,
            65 a test file or the pack it tests does not load, 66 a path does not exist.

            """,
        valued: ["--format", "--packs"], switches: [], run: run)

    static func run(_ arguments: Arguments, _ context: Context) -> ExitCode {
        let format = arguments.options["--format"] ?? "text"
        guard format == "text" || format == "json" else {
            context.errors.write("indicia test: --format must be text or json\n")
            return .usage
        }
        let locator = PackLocator(option: arguments.options["--packs"], context: context)
        var paths: [String] = []
        let selected = arguments.positional.isEmpty ? nil : arguments.positional
        if let selected {
            for path in selected {
                guard FileSystem.exists(path) else {
                    context.errors.write("indicia test: \(path): no such file or directory\n")
                    return .noInput
                }
                // The packs the tests run against: --packs, else the pack folder above the path, else the default.
                if arguments.options["--packs"] != nil {
                    paths += locator.defaultPaths
                } else if let root = packRoot(above: path) {
                    paths += [root + "/rules", root + "/questionnaires"]
                } else if !FileSystem.isDirectory(path) {
                    paths.append(path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ".")
                }
            }
        } else {
            paths = locator.defaultPaths
            if paths.isEmpty {
                context.errors.write("indicia test: no rules/ or questionnaires/ folder here; name the test files or use --packs DIR\n")
                return .usage
            }
        }
        // The test files first, as named, so diagnostics show their paths as given.
        let library = PackLibrary.load(paths: (selected ?? []) + paths)
        let report = library.testReport(only: selected)
        if format == "json" {
            context.output.write(report.json())
        } else {
            let colour = Style(sink: context.output, environment: context.environment)
            context.output.write(report.text { $0 == "error" ? colour.red($0) : colour.yellow($0) })
        }
        if !library.unreadable.isEmpty { return .noInput }
        if report.diagnostics.contains(where: { $0.severity == .error }) { return .dataError }
        if report.results.isEmpty {
            context.errors.write("indicia test: no tests found (test files have kind: tests, normally under rules/tests/)\n")
            return .findings
        }
        return report.failed > 0 ? .findings : .ok
    }

    /// The nearest folder at or above a path that holds rules/ and questionnaires/, if any.
    static func packRoot(above path: String) -> String? {
        var candidate = FileSystem.isDirectory(path) ? path : (path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ".")
        for _ in 0..<16 {
            if PackLocator.hasPacks(candidate) { return candidate }
            guard let slash = candidate.lastIndex(of: "/"), slash != candidate.startIndex else {
                return candidate != "." && PackLocator.hasPacks(".") && !path.hasPrefix("/") ? "." : nil
            }
            candidate = String(candidate[..<slash])
        }
        return nil
    }
}
