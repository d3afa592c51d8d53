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
        var lines: [(String, Int, [UInt8])] = []
        let inputs = arguments.positional.isEmpty ? ["-"] : arguments.positional
        for path in inputs {
            if path == "-" {
                var all: [UInt8] = []
                var chunk = [UInt8](repeating: 0, count: 65536)
                while true {
                    let n = chunk.withUnsafeMutableBytes { context.input.read(into: $0) }
                    if n <= 0 { break }
                    all += chunk[0..<n]
                }
                lines += split(all, name: "<stdin>")
                continue
            }
            let files = Platform.isDirectory(path) ? Platform.files(in: path).filter { $0.hasSuffix(".json") || $0.hasSuffix(".ndjson") } : [path]
            for file in files {
                guard let bytes = Platform.readFile(file, limit: 1 << 30) else {
                    context.errors.write("indicia report: cannot read \(file)\n")
                    return .noInput
                }
                lines += split(bytes, name: file)
            }
        }
        var results: [JSONValue] = []
        for (file, line, bytes) in lines {
            do throws(CaseError) {
                results.append(try JSONValue.parse(bytes))
            } catch {
                context.errors.write("indicia report: \(file):\(line): not a result (\(error.message))\n")
                return .dataError
            }
        }
        let (areas, sectors) = labels(for: results, arguments: arguments, context: context)
        let report = NetworkReport(results: results, areaLabels: areas, sectorLabels: sectors, suppressBelow: threshold)
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

    /// Non-blank lines, or the whole input when it is one (pretty-printed) document.
    static func split(_ bytes: [UInt8], name: String) -> [(String, Int, [UInt8])] {
        let trimmed = bytes.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
        var out: [(String, Int, [UInt8])] = []
        for (index, line) in bytes.split(separator: 0x0A, omittingEmptySubsequences: false).enumerated() {
            guard line.contains(where: { $0 != 0x20 && $0 != 0x0D && $0 != 0x09 }) else { continue }
            out.append((name, index + 1, Array(line)))
        }
        if out.count > 1, trimmed.first == 0x7B, let first = out.first?.2, !first.contains(0x7D) {
            return [(name, 1, Array(bytes))]
        }
        return out
    }

    /// Area labels (from a pack's `report_areas` table) and choice labels, for the packs the results name.
    static func labels(for results: [JSONValue], arguments: Arguments, context: Context) -> ([String: String], [String: String]) {
        let packIDs = Set(results.compactMap { $0["pack"]?["id"]?.string })
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
