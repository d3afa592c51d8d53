import IndiciaKit

/// `indicia schema`: prints JSON Schemas for cases and results.
enum SchemaCommand {
    static let command = Tool.Command(
        name: "schema", summary: "print the JSON Schema of cases or results",
        help: """
            Usage: indicia schema case --pack ID|PATH [--packs DIR]
                   indicia schema result [--result full|summary]

            Prints a JSON Schema (draft 2020-12). `case` is generated from the pack's questionnaire
            (question ids, answer types, choices and ranges); `result` describes every line that
            indicia evaluate writes (with --result summary, every line that indicia evaluate
            --result summary writes). The same schemas are published in schemas/.

            Exit codes: 0 printed, 64 usage error, 65 the pack does not load, 66 the pack cannot be read.

            """,
        valued: ["--pack", "--packs", "--result"], switches: [], run: run)

    static func run(_ arguments: Arguments, _ context: Context) -> ExitCode {
        switch arguments.positional.first {
        case "result":
            // The result schema is the same for every pack: a --pack here would be silently ignored.
            if let option = ["--pack", "--packs"].first(where: { arguments.options[$0] != nil }) {
                context.errors.write("indicia schema: 'result' takes no \(option) (the result schema is the same for every pack)\n")
                return .usage
            }
            switch arguments.options["--result"] ?? "full" {
            case ResultProfile.full.identifier: context.output.write(SchemaGenerator.resultSchema.pretty)
            case ResultProfile.summary.identifier: context.output.write(SchemaGenerator.summaryResultSchema.pretty)
            case let other:
                context.errors.write("indicia schema: --result must be full or summary, not '\(other)'\n")
                return .usage
            }
            return .ok
        case "case":
            if arguments.options["--result"] != nil {
                context.errors.write("indicia schema: 'case' takes no --result (that chooses between the result schemas)\n")
                return .usage
            }
            guard let option = arguments.options["--pack"] else {
                context.errors.write("indicia schema: 'case' needs --pack ID\n\(command.help)")
                return .usage
            }
            let cache = PackCache(locator: PackLocator(option: arguments.options["--packs"], context: context))
            switch cache.load(packOption: option) {
            case .success(let index):
                context.output.write(SchemaGenerator.caseSchema(cache.runtime(index).pack).pretty)
                return .ok
            case .failure(let failure):
                failure.report(to: context, command: "schema")
                return failure.noInput ? .noInput : .dataError
            }
        default:
            context.errors.write("indicia schema: say which schema: case or result\n\(command.help)")
            return .usage
        }
    }
}
