/// Every pack file found under some paths, decoded and ready to compile into packs.
public struct PackLibrary: Sendable {
    /// One decoded file with its bytes (for hashing).
    struct File<Model: Sendable>: Sendable {
        var model: Model
        var path: String
        var bytes: [UInt8]
    }

    var questionnaires: [String: File<Questionnaire>] = [:]
    var ruleSets: [String: File<RuleSet>] = [:]
    var directories: [String: File<ServiceDirectory>] = [:]
    var tableFiles: [String: File<TableFile>] = [:]
    /// Test files (`kind: tests`), in the order read.
    public private(set) var testFiles: [PackTestFile] = []
    /// Problems found reading and decoding the files.
    public private(set) var diagnostics: [Diagnostic] = []
    /// Paths that could not be read at all (missing, unreadable, a directory where a file was expected).
    public private(set) var unreadable: [Diagnostic] = []
    /// The text of every file read, for rendering diagnostics.
    public private(set) var sources = SourceText()
    /// Every pack file path read, in order.
    public private(set) var files: [String] = []

    /// The ids of the rule sets found.
    public var ruleSetIDs: [String] { ruleSets.keys.sorted() }

    /// The ids of the rule sets read from one file.
    ///
    /// - Parameter path: The file path, as given.
    /// - Returns: Rule set ids (normally one).
    public func ruleSetIDs(inFile path: String) -> [String] {
        let wanted = PackFiles.canonical(path)
        return ruleSets.values.filter { PackFiles.canonical($0.path) == wanted }.map(\.model.id).sorted()
    }

    /// Whether a rule set with this id was read.
    ///
    /// - Parameter id: Rule set id.
    /// - Returns: True if present.
    public func ruleSets(containing id: String) -> Bool { ruleSets[id] != nil }

    /// The rule sets whose questionnaire declares this guided command (`guided_command:`): the
    /// packs `indicia screen` or `indicia assess` can run without `--pack`.
    ///
    /// - Parameter command: The guided command.
    /// - Returns: Rule set ids, sorted.
    public func ruleSetIDs(guidedBy command: Questionnaire.GuidedCommand) -> [String] {
        ruleSets.values.filter { questionnaires[$0.model.questionnaireID]?.model.guidedCommand == command }.map(\.model.id).sorted()
    }

    /// Ids of the questionnaires some rule set scores.
    public var scoredQuestionnaireIDs: Set<String> { Set(ruleSets.values.map(\.model.questionnaireID)) }

    /// Files (by canonical path) whose decoding found errors: packs built on them are not compiled.
    private(set) var filesWithErrors: Set<String> = []

    /// The questionnaires read, by id.
    public var questionnaireIDs: [String] { questionnaires.keys.sorted() }

    /// Reads every `.yaml`/`.yml` file under the given files or directories.
    ///
    /// - Parameters:
    ///   - paths: Files or directories (searched recursively, in sorted order).
    ///   - limits: YAML limits.
    /// - Returns: The decoded library (problems are in ``diagnostics`` and ``unreadable``).
    public static func load(paths: [String], limits: YAMLLimits = .standard) -> PackLibrary {
        var library = PackLibrary()
        var seen: Set<String> = []
        for path in paths {
            for file in PackFiles.expand(path, into: &library.unreadable) where seen.insert(PackFiles.canonical(file)).inserted {
                library.read(file, limits: limits)
            }
        }
        return library
    }

    /// Decodes pack files held in memory (for tests and fuzzing).
    ///
    /// - Parameters:
    ///   - sources: File names and their bytes.
    ///   - limits: YAML limits.
    /// - Returns: The decoded library.
    public static func load(sources: [(name: String, bytes: [UInt8])], limits: YAMLLimits = .standard) -> PackLibrary {
        var library = PackLibrary()
        for (name, bytes) in sources {
            guard bytes.count <= limits.maxFileBytes else {
                library.diagnostics.append(
                    Diagnostic(
                        .error, .fileTooLarge, "file is larger than the limit of \(limits.maxFileBytes) bytes",
                        at: SourceMark(file: name, line: 1, column: 1)))
                continue
            }
            library.decode(bytes, path: name, limits: limits)
        }
        return library
    }

    private mutating func read(_ path: String, limits: YAMLLimits) {
        let bytes: [UInt8]
        switch PackFiles.read(path, limit: limits.maxFileBytes) {
        case .success(let data): bytes = data
        case .failure(let diagnostic):
            if diagnostic.code == .fileTooLarge { diagnostics.append(diagnostic) } else { unreadable.append(diagnostic) }
            return
        }
        decode(bytes, path: path, limits: limits)
    }

    private mutating func decode(_ bytes: [UInt8], path: String, limits: YAMLLimits) {
        files.append(path)
        sources.add(bytes, file: path)
        let root: YAMLNode
        do {
            root = try YAMLParser(limits: limits).parse(bytes, file: path)
        } catch {
            diagnostics.append(Diagnostic(error))
            return
        }
        var bag = DiagnosticBag()
        let kind = Self.kind(of: root)
        switch kind {
        case "questionnaire":
            if let model = QuestionnaireDecoder(sources: sources).decode(root, &bag) {
                claim(&questionnaires, model.id, File(model: model, path: path, bytes: bytes), "questionnaire", model.mark, &bag)
            }
        case "rules":
            if let model = RuleSetDecoder(sources: sources).decode(root, &bag) {
                claim(&ruleSets, model.id, File(model: model, path: path, bytes: bytes), "rule set", model.mark, &bag)
            }
        case "services":
            if let model = ServiceDirectoryDecoder(sources: sources).decode(root, &bag) {
                claim(&directories, model.id, File(model: model, path: path, bytes: bytes), "services directory", model.mark, &bag)
            }
        case "tables":
            if let model = TableFileDecoder(sources: sources).decode(root, &bag) {
                claim(&tableFiles, model.id, File(model: model, path: path, bytes: bytes), "tables file", model.mark, &bag)
            }
        case "tests":
            if let model = PackTestDecoder(sources: sources).decode(root, path: path, &bag) {
                if let existing = testFiles.first(where: { $0.id == model.id }) {
                    bag.error(.duplicateID, "test file id '\(model.id)' is also used by \(existing.path)", at: model.mark)
                } else {
                    testFiles.append(model)
                }
            }
        default:
            // The header reader reports what is wrong with `kind` and `version`.
            if let reader = MappingReader(root, context: "pack file", keys: FileHeader.keys + Self.allKeys, sources: sources, bag: &bag) {
                _ = FileHeader.read(reader, &bag)
            }
        }
        diagnostics.append(contentsOf: bag.all)
        if bag.hasErrors { filesWithErrors.insert(PackFiles.canonical(path)) }
    }

    private static let allKeys = Array(Set(RuleSetDecoder.keys + TableFileDecoder.keys + PackTestDecoder.keys + ["intro", "sections", "services"]))

    private static func kind(of root: YAMLNode) -> String? {
        guard case .mapping(let pairs) = root.content else { return nil }
        return pairs.first { $0.key.scalarText == "kind" }?.value.scalarText
    }

    private func claim<M>(
        _ table: inout [String: File<M>], _ id: String, _ file: File<M>, _ what: String, _ mark: SourceMark, _ bag: inout DiagnosticBag
    ) {
        if let existing = table[id] {
            bag.error(.duplicateID, "\(what) id '\(id)' is also used by \(existing.path)", at: mark)
            return
        }
        table[id] = file
    }

    /// Compiles the pack of one rule set.
    ///
    /// - Parameter rulesID: The rule set id.
    /// - Returns: The pack, or nil with the diagnostics explaining why.
    public func compile(rulesID: String) -> (CompiledPack?, [Diagnostic]) {
        guard let rules = ruleSets[rulesID] else {
            var hint = Spelling.hint(for: rulesID, among: ruleSetIDs)
            if hint.isEmpty {
                hint =
                    ruleSetIDs.isEmpty ? "; no rule sets were found" : "; the rule sets are \(ruleSetIDs.map { "'\($0)'" }.joined(separator: ", "))"
            }
            return (
                nil,
                [Diagnostic(.error, .unknownPack, "no rule set with id '\(rulesID)'\(hint)", at: SourceMark(file: "<packs>", line: 1, column: 1))]
            )
        }
        let mark = rules.model.mark
        guard let questionnaire = questionnaires[rules.model.questionnaireID] else {
            let known = Array(questionnaires.keys)
            let unreadable = diagnostics.contains { $0.severity == .error && $0.mark.file != rules.path }
            let reason = unreadable ? ", or did not load (see the errors in the other files)" : ""
            return (
                nil,
                [
                    Diagnostic(
                        .error, .unknownQuestionnaire,
                        "rule set '\(rulesID)' scores questionnaire '\(rules.model.questionnaireID)', which was not found\(reason)\(Spelling.hint(for: rules.model.questionnaireID, among: known))",
                        at: mark)
                ]
            )
        }
        for path in [questionnaire.path, rules.path] where filesWithErrors.contains(PackFiles.canonical(path)) {
            // Checking rules against a half-read questionnaire would only add confusing follow-on errors.
            return (nil, [Diagnostic(.note, .notChecked, "rule set '\(rulesID)' was not checked further because \(path) has errors", at: mark)])
        }
        var found: [File<ServiceDirectory>] = []
        var problems: [Diagnostic] = []
        for id in rules.model.directoryIDs {
            if let directory = directories[id] {
                found.append(directory)
            } else {
                problems.append(
                    Diagnostic(
                        .error, .unknownDirectory, "rule set '\(rulesID)' uses services directory '\(id)', which was not found",
                        at: rules.model.mark))
            }
        }
        var shared: [File<TableFile>] = []
        for reference in rules.model.sharedTables {
            let id = reference.id
            if let file = tableFiles[id] {
                if filesWithErrors.contains(PackFiles.canonical(file.path)) {
                    return (
                        nil,
                        [Diagnostic(.note, .notChecked, "rule set '\(rulesID)' was not checked further because \(file.path) has errors", at: mark)]
                    )
                }
                shared.append(file)
            } else {
                problems.append(
                    Diagnostic(
                        .error, .unknownTables,
                        "rule set '\(rulesID)' uses shared tables file '\(id)', which was not found\(Spelling.hint(for: id, among: Array(tableFiles.keys)))",
                        at: reference.mark))
            }
        }
        guard problems.isEmpty else { return (nil, problems) }
        var hash = SHA256()
        let parts: [(String, [UInt8])] =
            [("questionnaire", questionnaire.bytes), ("rules", rules.bytes)]
            + found.sorted { $0.model.id < $1.model.id }.map { ("services", $0.bytes) }
            + shared.sorted { $0.model.id < $1.model.id }.map { ("tables", $0.bytes) }
        for (kind, bytes) in parts {
            hash.update(Array("indicia-pack-file\u{0}\(kind)\u{0}\(bytes.count)\u{0}".utf8))
            hash.update(bytes)
        }
        var compiler = PackCompiler(
            questionnaire: questionnaire.model, rules: rules.model, directories: found.map(\.model),
            sharedTables: shared.flatMap(\.model.tables), sha256: hash.hexDigest())
        return compiler.compile()
    }
}
