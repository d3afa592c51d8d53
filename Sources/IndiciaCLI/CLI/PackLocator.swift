import IndiciaKit

/// Finds pack files: `--packs DIR`, else `$INDICIA_PACKS`, else the working directory, else the
/// checkout the executable was built in (so `swift run` and `.build/release/indicia` both work).
struct PackLocator {
    let root: String?

    init(option: String?, context: Context) {
        if let option {
            root = option
        } else if let env = context.environment["INDICIA_PACKS"], !env.isEmpty {
            root = env
        } else if Self.hasPacks(context.currentDirectory) {
            root = context.currentDirectory
        } else {
            var candidate = Platform.executablePath() ?? ""
            var found: String?
            while let slash = candidate.lastIndex(of: "/"), !candidate.isEmpty {
                candidate = String(candidate[..<slash])
                if Self.hasPacks(candidate) {
                    found = candidate
                    break
                }
            }
            root = found
        }
    }

    static func hasPacks(_ directory: String) -> Bool {
        Platform.isDirectory(directory + "/rules") && Platform.isDirectory(directory + "/questionnaires")
    }

    /// The default folders to read: `rules/` and `questionnaires/` under the root.
    var defaultPaths: [String] {
        guard let root else { return [] }
        return ["rules", "questionnaires"].map { root + "/" + $0 }.filter(Platform.isDirectory)
    }

    /// The folders to read for a `--pack` naming a file or folder: it, its folder's siblings
    /// (`../questionnaires`, `../rules`), and the root's folders.
    func paths(forPackPath path: String) -> [String] {
        var paths: [String] = []
        let directory = Platform.isDirectory(path) ? path : (path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ".")
        paths.append(directory)
        let parent = directory.lastIndex(of: "/").map { String(directory[..<$0]) } ?? "."
        for sibling in ["questionnaires", "rules"] where Platform.isDirectory(parent + "/" + sibling) {
            paths.append(parent + "/" + sibling)
        }
        return paths
    }

    /// Whether `--pack` names a path rather than an id.
    static func isPath(_ value: String) -> Bool {
        value.contains("/") || value.hasSuffix(".yaml") || value.hasSuffix(".yml")
    }
}

/// Loads and compiles packs on first use and hands them to the case decoder by index.
/// Safe to use from the evaluation worker threads: lookups take a lock.
final class PackCache: PackProvider {
    private let lock = Lock()
    private(set) var runtimes: [PackRuntime] = []
    private var byName: [String: Int] = [:]
    private var failures: [String: [Diagnostic]] = [:]
    private var library: PackLibrary?
    private let locator: PackLocator

    init(locator: PackLocator) {
        self.locator = locator
    }

    /// Loads the pack named by `--pack` (an id, or a path to its rules file or folder).
    func load(packOption: String) -> Result<Int, PackLoadFailure> {
        if PackLocator.isPath(packOption) {
            guard Platform.exists(packOption) else {
                return .failure(
                    PackLoadFailure(diagnostics: [], sources: SourceText(), message: "no such file or directory: \(packOption)", noInput: true))
            }
            let paths = locator.paths(forPackPath: packOption)
            let local = PackLibrary.load(paths: paths)
            let rulesIDs = Platform.isDirectory(packOption) ? local.ruleSetIDs : local.ruleSetIDs(inFile: packOption)
            guard rulesIDs.count == 1, let id = rulesIDs.first else {
                let message =
                    rulesIDs.isEmpty
                    ? "\(packOption) holds no usable rule set (kind: rules)"
                    : "\(packOption) holds several rule sets (\(rulesIDs.joined(separator: ", "))); name one with --pack ID"
                return .failure(
                    PackLoadFailure(diagnostics: local.unreadable + local.diagnostics, sources: local.sources, message: message, noInput: false))
            }
            return compile(id, in: local)
        }
        return compileFromRoot(packOption)
    }

    private func rootLibrary() -> PackLibrary {
        if let library { return library }
        let loaded = PackLibrary.load(paths: locator.defaultPaths)
        library = loaded
        return loaded
    }

    private func compileFromRoot(_ id: String) -> Result<Int, PackLoadFailure> {
        if let index = byName[id] { return .success(index) }
        return compile(id, in: rootLibrary())
    }

    private func compile(_ id: String, in library: PackLibrary) -> Result<Int, PackLoadFailure> {
        if let index = byName[id] { return .success(index) }
        let (pack, diagnostics) = library.compile(rulesID: id)
        guard let pack else {
            var all = diagnostics
            if library.ruleSets(containing: id) == false { all = library.unreadable + library.diagnostics + diagnostics }
            failures[id] = all
            return .failure(PackLoadFailure(diagnostics: all, sources: library.sources, message: "pack '\(id)' cannot be used", noInput: false))
        }
        runtimes.append(PackRuntime(pack: pack))
        byName[id] = runtimes.count - 1
        return .success(runtimes.count - 1)
    }

    func index(named name: String) -> Result<Int, CaseError> {
        lock.withLock { lockedIndex(named: name) }
    }

    private func lockedIndex(named name: String) -> Result<Int, CaseError> {
        var id = name
        var revision: String?
        if let at = name.firstIndex(of: "@") {
            id = String(name[..<at])
            revision = String(name[name.index(after: at)...])
        }
        let found: Int
        if let index = byName[id] {
            found = index
        } else if failures[id] != nil {
            return .failure(CaseError(.unusablePack, "pack '\(id)' does not load; run indicia lint", path: "/pack"))
        } else {
            switch compileFromRoot(id) {
            case .success(let index): found = index
            case .failure(let failure):
                if failure.diagnostics.contains(where: { $0.code == .unknownPack }) {
                    return .failure(CaseError(.unknownPack, "no pack named '\(CaseDecoder.printable(id))' is available", path: "/pack"))
                }
                return .failure(CaseError(.unusablePack, "pack '\(id)' does not load; run indicia lint", path: "/pack"))
            }
        }
        if let revision, runtimes[found].pack.identity.revision != revision {
            return .failure(
                CaseError(
                    .unknownPack, "pack '\(id)' is at revision \(runtimes[found].pack.identity.revision), not \(CaseDecoder.printable(revision))",
                    path: "/pack"))
        }
        return .success(found)
    }

    func runtime(_ index: Int) -> PackRuntime { lock.withLock { runtimes[index] } }
}

/// One piece's view of the pack cache (used by one thread at a time): runtimes it has seen are kept locally, so the
/// per-case lookup takes no lock.
final class WorkerPacks: PackProvider {
    private let shared: PackCache
    /// Indexed by pack index: an array read, not a hash, on every case. Its piece is used by one
    /// thread at a time, so the run-time exclusivity check is not needed.
    @exclusivity(unchecked) private var local: [PackRuntime?] = []

    init(_ shared: PackCache) { self.shared = shared }

    func index(named name: String) -> Result<Int, CaseError> { shared.index(named: name) }

    func runtime(_ index: Int) -> PackRuntime {
        if index < local.count, let runtime = local[index] { return runtime }
        let runtime = shared.runtime(index)
        if index >= local.count { local += Array(repeating: nil, count: index + 1 - local.count) }
        local[index] = runtime
        return runtime
    }
}

/// Why `--pack` could not be loaded, with what to show.
struct PackLoadFailure: Error {
    var diagnostics: [Diagnostic]
    var sources: SourceText
    var message: String
    var noInput: Bool
}
