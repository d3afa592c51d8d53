extension PackLibrary {
    /// The test files read, checked against the packs they test.
    ///
    /// A test file naming a rule set that was not read, or one that does not load, is an error at
    /// its `rules:` key; every id and answer a test gives is checked (see ``PackTestSuite``).
    ///
    /// - Parameters:
    ///   - paths: If given, only test files at or under these paths.
    ///   - compiled: Packs already compiled from this library, by rule set id (compiled again if absent).
    /// - Returns: The suites that could be prepared and every problem found.
    public func testSuites(only paths: [String]? = nil, compiled: [String: CompiledPack] = [:]) -> (
        suites: [PackTestSuite], diagnostics: [Diagnostic]
    ) {
        let wanted = paths.map { $0.map(PackFiles.canonical) }
        var suites: [PackTestSuite] = []
        var diagnostics: [Diagnostic] = []
        var runtimes: [String: PackRuntime?] = compiled.mapValues { PackRuntime(pack: $0) }
        for file in testFiles {
            if let wanted {
                let path = PackFiles.canonical(file.path)
                guard wanted.contains(where: { path == $0 || path.hasPrefix($0 + "/") }) else { continue }
            }
            guard ruleSets[file.rulesID] != nil else {
                diagnostics.append(
                    Diagnostic(
                        .error, .unknownRules,
                        "test file '\(file.id)' tests rule set '\(file.rulesID)', which was not found\(Spelling.hint(for: file.rulesID, among: ruleSetIDs))",
                        at: file.rulesMark))
                continue
            }
            let runtime: PackRuntime?
            if let cached = runtimes[file.rulesID] {
                runtime = cached
            } else {
                let (pack, _) = compile(rulesID: file.rulesID)
                runtime = pack.map(PackRuntime.init)
                runtimes[file.rulesID] = runtime
            }
            guard let runtime else {
                diagnostics.append(
                    Diagnostic(
                        .error, .testsNotRun, "the tests were not run because rule set '\(file.rulesID)' does not load (run indicia lint)",
                        at: file.rulesMark))
                continue
            }
            let (suite, problems) = PackTestSuite.prepare(file, runtime: runtime)
            suites.append(suite)
            diagnostics += problems
        }
        return (suites, diagnostics)
    }

    /// Runs the test files read (or those under some paths) and reports what they found.
    ///
    /// The report's diagnostics are every error reading the files (a test file that is not YAML
    /// included), every problem in the tests, and why a pack they test does not load.
    ///
    /// - Parameter paths: If given, only test files at or under these paths.
    /// - Returns: The report.
    public func testReport(only paths: [String]? = nil) -> PackTestReport {
        let (suites, problems) = testSuites(only: paths)
        var diagnostics = unreadable + self.diagnostics.filter { $0.severity == .error } + problems
        for id in Set(testFiles.map(\.rulesID)).sorted() where ruleSets[id] != nil {
            let (pack, compileProblems) = compile(rulesID: id)
            if pack == nil { diagnostics += compileProblems }
        }
        var unique: [Diagnostic] = []
        var seen: Set<Diagnostic> = []
        for diagnostic in diagnostics where seen.insert(diagnostic).inserted { unique.append(diagnostic) }
        unique.sort { ($0.mark, $0.code) < ($1.mark, $1.code) }
        return PackTestReport(results: suites.flatMap(PackTestRunner.run), diagnostics: unique, sources: sources)
    }
}
