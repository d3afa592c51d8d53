import IndiciaKit

/// `indicia diff OLD NEW`: what a new revision of a pack changes, case by case.
enum DiffCommand {
    static let command = Tool.Command(
        name: "diff", summary: "show what a new revision of a pack changes, case by case",
        help: """
            Usage: indicia diff OLD NEW [--cases FILE] [--format text|json|html] [--pack ID]

            OLD and NEW are two revisions of the same pack: folders (holding rules/ and
            questionnaires/, or the pack files themselves) or rules files. The same cases are
            evaluated under both, with the same checks and engine as indicia evaluate, and for each
            case that changed you see the outcome and level before and after and the indicators and
            next steps added and removed. Cases that one revision refuses (a removed question, a
            renamed choice) are listed with the reason. Then the totals (moved up, moved down,
            changed next steps only) and which items of the pack changed their text or condition.

              --cases FILE    the cases, as NDJSON (one JSON case per line; - for standard
                              input); default: the pack's own tests (kind: tests files
                              beside both revisions)
              --format F      text (default), json or html
              --pack ID       the rule set to compare, when a folder holds several

            Cases are read one at a time, so a file of any size runs in bounded memory.

            Exit codes: 0 nothing changed, 1 something changed, 64 usage error (including two
            different packs, or a folder holding several rule sets without --pack), 65 a pack does
            not load, 66 a path does not exist or the cases cannot be read, 74 output failed.

            """,
        valued: ["--cases", "--format", "--pack"], switches: [], run: run)

    /// Why a revision could not be used: the exit code (the message is already written).
    struct Failure: Error {
        var code: ExitCode
    }

    /// A revision that loaded.
    struct Revision {
        var runtime: PackRuntime
        var library: PackLibrary
    }

    static func run(_ arguments: Arguments, _ context: Context) -> ExitCode {
        let format = arguments.options["--format"] ?? "text"
        guard let reporter = DiffReporters.named(format) else {
            context.errors.write("indicia diff: --format must be \(DiffReporters.identifiers.joined(separator: ", "))\n")
            return .usage
        }
        guard arguments.positional.count == 2 else {
            context.errors.write("indicia diff: give two revisions of a pack, OLD and NEW\n\(command.help)")
            return .usage
        }
        var revisions: [Revision] = []
        for path in arguments.positional {
            switch load(path, packID: arguments.options["--pack"], context: context) {
            case .success(let revision): revisions.append(revision)
            case .failure(let failure): return failure.code
            }
        }
        let (old, new) = (revisions[0], revisions[1])
        let (oldID, newID) = (old.runtime.pack.identity.id, new.runtime.pack.identity.id)
        guard oldID == newID else {
            context.errors.write(
                "indicia diff: \(arguments.positional[0]) holds pack '\(oldID)' and \(arguments.positional[1]) holds pack '\(newID)'; diff compares two revisions of the same pack\n"
            )
            return .usage
        }
        var diff = PackDiff(old: old.runtime, new: new.runtime)
        context.output.write(reporter.header(diff))
        var written = 0
        func emit(_ change: PackDiff.CaseChange?) {
            guard let change else { return }
            context.output.write(reporter.entry(change, index: written))
            written += 1
        }
        if let cases = arguments.options["--cases"] {
            let input: InputSource
            if cases == "-" {
                input = context.input
            } else {
                guard !FileSystem.isDirectory(cases), let fd = FileSystem.openForReading(cases) else {
                    context.errors.write("indicia diff: cannot read \(cases)\n")
                    return .noInput
                }
                input = FileInput(fd: fd, owned: true)
            }
            // The engine's one case stream: the same records, line numbers and refusals as evaluate.
            var stream = CaseStream()
            while true {
                while let record = stream.next() {
                    if let failure = record.failure {
                        emit(diff.refuse(failure, line: record.line))
                    } else {
                        emit(diff.compare(Array(stream.buffer[record.range]), line: record.line))
                    }
                }
                if stream.isFinished { break }
                let n = stream.read(into: { input.read(into: $0) })
                if n < 0 {
                    context.errors.write("indicia diff: cannot read \(cases)\n")
                    return .noInput
                }
                if n == 0 { stream.finish() }
            }
        } else {
            // The pack's own tests: those beside the new revision, then any only the old one has.
            var seen: Set<String> = []
            for library in [new.library, old.library] {
                for file in library.testFiles where file.rulesID == newID {
                    for test in file.tests where seen.insert(file.id + "/" + test.id).inserted {
                        for (json, line) in test.cases(id: file.id + "/" + test.id) { emit(diff.compare(json, line: line)) }
                    }
                }
            }
        }
        context.output.write(reporter.footer(diff))
        guard context.output.flush() else {
            context.errors.write("indicia diff: could not write the report\n")
            return .ioError
        }
        let totals = diff.totals
        return totals.differing == 0 && totals.refusedByBoth == 0 && diff.ruleChanges.isEmpty ? .ok : .findings
    }

    /// Loads the one rule set a path holds (or the one named by `--pack`), printing why not.
    static func load(_ path: String, packID: String?, context: Context) -> Result<Revision, Failure> {
        guard FileSystem.exists(path) else {
            context.errors.write("indicia diff: \(path): no such file or directory\n")
            return .failure(Failure(code: .noInput))
        }
        let isDirectory = FileSystem.isDirectory(path)
        let paths: [String]
        if isDirectory {
            paths = PackLocator.hasPacks(path) ? [path + "/rules", path + "/questionnaires"] : [path]
        } else {
            paths = PackLocator(option: path, context: context).paths(forPackPath: path)
        }
        let library = PackLibrary.load(paths: paths)
        let ids = isDirectory ? library.ruleSetIDs : library.ruleSetIDs(inFile: path)
        let id: String
        if let packID {
            id = packID
        } else if ids.count == 1, let only = ids.first {
            id = only
        } else {
            let renderer = DiagnosticRenderer(sources: library.sources)
            context.errors.write(renderer.render((library.unreadable + library.diagnostics).filter { $0.severity == .error }))
            if ids.isEmpty {
                context.errors.write("indicia diff: \(path) holds no rule set that loads (kind: rules)\n")
                return .failure(Failure(code: .dataError))
            }
            context.errors.write("indicia diff: \(path) holds several rule sets (\(ids.joined(separator: ", "))); name one with --pack ID\n")
            return .failure(Failure(code: .usage))
        }
        let (pack, problems) = library.compile(rulesID: id)
        guard let pack else {
            let renderer = DiagnosticRenderer(sources: library.sources)
            let errors = (library.unreadable + library.diagnostics).filter { $0.severity == .error } + problems
            context.errors.write(renderer.render(errors))
            context.errors.write("indicia diff: pack '\(id)' in \(path) does not load\n")
            return .failure(Failure(code: .dataError))
        }
        return .success(Revision(runtime: PackRuntime(pack: pack), library: library))
    }
}
