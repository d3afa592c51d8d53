import IndiciaKit

/// `indicia schema`: prints JSON Schemas for cases and results.
enum SchemaCommand {
    static let command = Tool.Command(
        name: "schema", summary: "print the JSON Schema of cases or results",
        help: """
            Usage: indicia schema case --pack ID|PATH | indicia schema result [--pack ID|PATH]

            """,
        valued: ["--pack", "--packs"], switches: [], run: run)

    static func run(_ arguments: Arguments, _ context: Context) -> ExitCode {
        context.errors.write("indicia schema: not yet available\n")
        return .software
    }
}
