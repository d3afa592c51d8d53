import IndiciaKit

/// `indicia report`: aggregates many results into a network view.
enum ReportCommand {
    static let command = Tool.Command(
        name: "report", summary: "aggregate many results into tables, JSON or HTML",
        help: "Usage: indicia report [FILE|DIR...] [--format markdown|json|html]\n",
        valued: ["--format"], switches: [], run: run)

    static func run(_ arguments: Arguments, _ context: Context) -> ExitCode {
        context.errors.write("indicia report: not yet available\n")
        return .software
    }
}
