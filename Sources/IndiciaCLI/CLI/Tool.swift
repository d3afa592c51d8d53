import IndiciaKit

/// The `indicia` command line: dispatches to a command and returns its exit code.
public enum Tool {
    /// Runs a command line.
    ///
    /// - Parameters:
    ///   - arguments: The arguments after the program name.
    ///   - context: Streams and environment.
    /// - Returns: The exit code.
    public static func run(_ arguments: [String], context: Context) -> ExitCode {
        guard let first = arguments.first else {
            context.errors.write(usage)
            return .usage
        }
        let rest = Array(arguments.dropFirst())
        switch first {
        case "--help", "-h", "help":
            if let topic = rest.first, let command = commands.first(where: { $0.name == topic }) {
                context.output.write(command.help)
            } else {
                context.output.write(usage)
            }
            return .ok
        case "--version", "-V", "version":
            context.output.write("indicia \(EngineVersion.current)\n")
            return .ok
        default:
            break
        }
        guard let command = commands.first(where: { $0.name == first }) else {
            let names = commands.map(\.name)
            context.errors.write("indicia: unknown command '\(first)'\(Arguments.hint(first, names))\n\(usage)")
            return .usage
        }
        if rest.contains("--help") || rest.contains("-h") {
            context.output.write(command.help)
            return .ok
        }
        do {
            let parsed = try Arguments.parse(rest, valued: command.valued, switches: command.switches)
            return command.run(parsed, context)
        } catch {
            context.errors.write("indicia \(command.name): \(error.message)\n\(command.help)")
            return .usage
        }
    }

    struct Command: Sendable {
        var name: String
        var summary: String
        var help: String
        var valued: Set<String>
        var switches: Set<String>
        var run: @Sendable (Arguments, Context) -> ExitCode
    }

    static let commands: [Command] = [
        ScreenCommand.screen, ScreenCommand.assess, EvaluateCommand.command, LintCommand.command, SchemaCommand.command,
        ReportCommand.command, TestCommand.command, DiffCommand.command, ExportCommand.command,
    ]

    static var usage: String {
        var text = """
            indicia \(EngineVersion.current): screening for signs of trafficking and modern slavery, and training-needs assessment.
            Results show indicators present, a level of concern and next steps. They never decide whether someone is a victim.

            Usage: indicia <command> [options]

            Commands:

            """
        for command in commands {
            text += "  " + command.name.padded(to: 9) + " " + command.summary + "\n"
        }
        text += """

            Options for every command: --help (or -h; also indicia help COMMAND). Also: indicia --version.
            Packs are read from --packs DIR (a folder holding rules/ and questionnaires/), else from
            the folder in the INDICIA_PACKS environment variable, else from the current folder (or,
            when it holds no packs, the checkout indicia was built in).
            Exit codes: 0 ok, 1 findings (lint errors, failed records or tests, changes found by diff),
            64 usage, 65 unusable pack or draft, 66 input not found or unreadable, 70 internal error,
            74 output error, 130 interrupted (draft kept). Each command's --help says what its codes mean.

            """
        return text
    }
}
