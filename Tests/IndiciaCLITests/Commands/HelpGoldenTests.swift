import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

/// Every `--help` of the command line, whole, against a golden transcript in
/// `Fixtures/goldens/help/`: the command line, standard output, standard error (when not empty)
/// and the exit code. The commands come from the CLI's own command table, so a new command without
/// a golden fails here. `RECORD_GOLDENS=1 swift test --filter HelpGoldenTests` re-records them.
@Suite("--help goldens")
struct HelpGoldenTests {
    /// The goldens' names: `indicia` for the top-level help, then one per command.
    static let names = ["indicia"] + Tool.commands.map(\.name)

    /// The transcript of one run, as stored in a golden file.
    static func transcript(_ arguments: [String]) -> String {
        let run = ToolRunner.run(arguments)
        var text = "$ indicia " + arguments.joined(separator: " ") + "\n" + run.output
        if !run.errors.isEmpty { text += "--- standard error\n" + run.errors }
        return text + "--- exit \(run.code.rawValue)\n"
    }

    @Test("indicia --help matches its golden; help and -h print the same bytes")
    func topLevel() {
        Golden.assert(Self.transcript(["--help"]), "help/indicia.txt")
        let help = ToolRunner.run(["--help"])
        for spelling in ["help", "-h"] {
            let run = ToolRunner.run([spelling])
            #expect(run.code == .ok && run.errors.isEmpty, "\(spelling)")
            #expect(run.output == help.output, "indicia \(spelling)")
        }
        // With no command at all the same text is the usage error, on standard error.
        let bare = ToolRunner.run([])
        #expect(bare.code == .usage)
        #expect(bare.output.isEmpty)
        #expect(bare.errors == help.output)
    }

    @Test("each command's --help matches its golden; -h and indicia help COMMAND print the same bytes", arguments: Tool.commands.map(\.name))
    func command(_ name: String) {
        Golden.assert(Self.transcript([name, "--help"]), "help/\(name).txt")
        let help = ToolRunner.run([name, "--help"])
        for arguments in [[name, "-h"], ["help", name], ["--help", name]] {
            let run = ToolRunner.run(arguments)
            #expect(run.code == .ok && run.errors.isEmpty, "\(arguments)")
            #expect(run.output == help.output, "indicia \(arguments.joined(separator: " "))")
        }
    }

    @Test("there is a golden for each help and no golden for a command that is gone")
    func noStrayGoldens() {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: Golden.root + "/help")) ?? []
        #expect(Set(files) == Set(Self.names.map { $0 + ".txt" }))
    }

    @Test("each command's help names every option the command accepts, and accepts every option it names", arguments: Tool.commands.map(\.name))
    func optionsAgree(_ name: String) throws {
        let command = try #require(Tool.commands.first { $0.name == name })
        let accepted = command.valued.union(command.switches)
        for option in accepted {
            #expect(command.help.contains(option), "indicia \(name) accepts \(option) but its help does not name it")
        }
        let named = Self.options(in: command.help)
        for option in named.subtracting(["--help"]) {
            #expect(accepted.contains(option), "indicia \(name) --help names \(option), which the command refuses")
        }
    }

    @Test("the top-level help lists every command once, with its summary")
    func commandList() {
        let help = ToolRunner.run(["--help"]).output
        for command in Tool.commands {
            let lines = help.split(separator: "\n").filter { $0.hasPrefix("  \(command.name) ") }
            #expect(lines.count == 1, "\(command.name)")
            #expect(lines.first?.hasSuffix(command.summary) == true, "\(command.name)")
        }
    }

    /// The `--option` words in a help text.
    static func options(in text: String) -> Set<String> {
        let words = text.split { !($0.isLetter || $0 == "-") }
        return Set(words.filter { $0.hasPrefix("--") && $0.dropFirst(2).first?.isLetter == true }.map(String.init))
    }
}
