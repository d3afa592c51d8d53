import IndiciaKit

/// Loads and compiles packs on first use and hands them to the case decoder by index. Shared by
/// the evaluation worker threads: its state is ``Locked``.
///
/// What a case's `pack` gets does not depend on which record asks first, or on thread timing: a
/// name that is not a rule set on disk is always `unknown-pack`, one that is but does not compile
/// is always `unusable-pack`, and `id@revision` is checked by ``PackReference`` as everywhere
/// else. Memory is bounded: only packs that exist are remembered (loaded, or known not to load),
/// never the names cases ask for.
final class PackCache: PackProvider, Sendable {
    private struct State {
        var runtimes: [PackRuntime] = []
        var byName: [String: Int] = [:]
        /// Rule sets on disk that do not compile (at most one entry per rule set read).
        var unusable: Set<String> = []
        var library: PackLibrary?
    }

    private let state = Locked(State())
    private let locator: PackLocator

    init(locator: PackLocator) {
        self.locator = locator
    }

    /// Loads the pack named by `--pack` (an id, or a path to its rules file or folder).
    func load(packOption: String) -> Result<Int, PackLoadFailure> {
        let locator = locator
        if PackLocator.isPath(packOption) {
            guard FileSystem.exists(packOption) else {
                return .failure(
                    PackLoadFailure(diagnostics: [], sources: SourceText(), message: "no such file or directory: \(packOption)", noInput: true))
            }
            let paths = locator.paths(forPackPath: packOption)
            let local = PackLibrary.load(paths: paths)
            let rulesIDs = FileSystem.isDirectory(packOption) ? local.ruleSetIDs : local.ruleSetIDs(inFile: packOption)
            guard rulesIDs.count == 1, let id = rulesIDs.first else {
                let message =
                    rulesIDs.isEmpty
                    ? "\(packOption) holds no usable rule set (kind: rules)"
                    : "\(packOption) holds several rule sets (\(rulesIDs.joined(separator: ", "))); name one with --pack ID"
                return .failure(
                    PackLoadFailure(diagnostics: local.unreadable + local.diagnostics, sources: local.sources, message: message, noInput: false))
            }
            return state.withLock { Self.compile(id, in: local, &$0) }
        }
        return state.withLock { state in Self.compile(packOption, in: Self.rootLibrary(locator, &state), &state) }
    }

    private static func rootLibrary(_ locator: PackLocator, _ state: inout State) -> PackLibrary {
        if let library = state.library { return library }
        let loaded = PackLibrary.load(paths: locator.defaultPaths)
        state.library = loaded
        return loaded
    }

    private static func compile(_ id: String, in library: PackLibrary, _ state: inout State) -> Result<Int, PackLoadFailure> {
        if let index = state.byName[id] { return .success(index) }
        let (pack, diagnostics) = library.compile(rulesID: id)
        guard let pack else {
            var all = diagnostics
            if library.ruleSets(containing: id) {
                state.unusable.insert(id)
            } else {
                all = library.unreadable + library.diagnostics + diagnostics
            }
            return .failure(PackLoadFailure(diagnostics: all, sources: library.sources, message: "pack '\(id)' cannot be used", noInput: false))
        }
        state.runtimes.append(PackRuntime(pack: pack))
        state.byName[id] = state.runtimes.count - 1
        return .success(state.runtimes.count - 1)
    }

    func index(named name: String) -> Result<Int, CaseError> {
        let reference = PackReference(name)
        let locator = locator
        return state.withLock { state in
            let found: Int
            if let index = state.byName[reference.id] {
                found = index
            } else if state.unusable.contains(reference.id) {
                return .failure(reference.unusable)
            } else {
                let library = Self.rootLibrary(locator, &state)
                // Not a rule set on disk: nothing is compiled or remembered for it.
                guard library.ruleSets(containing: reference.id) else { return .failure(reference.unknown) }
                switch Self.compile(reference.id, in: library, &state) {
                case .success(let index): found = index
                case .failure: return .failure(reference.unusable)
                }
            }
            if let mismatch = reference.mismatch(state.runtimes[found].pack.identity) { return .failure(mismatch) }
            return .success(found)
        }
    }

    func runtime(_ index: Int) -> PackRuntime { state.withLock { $0.runtimes[index] } }

    /// How many pack names are remembered (loaded or known not to load): never more than the rule
    /// sets read from disk.
    var cachedNames: Int { state.withLock { $0.byName.count + $0.unusable.count } }
}
