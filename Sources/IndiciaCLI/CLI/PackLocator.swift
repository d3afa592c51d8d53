import IndiciaKit

/// Finds pack files: `--packs DIR`, else `$INDICIA_PACKS`, else the working directory, else the
/// checkout the executable was built in (so `swift run` and `.build/release/indicia` both work).
struct PackLocator: Sendable {
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
        FileSystem.isDirectory(directory + "/rules") && FileSystem.isDirectory(directory + "/questionnaires")
    }

    /// The default folders to read: `rules/` and `questionnaires/` under the root.
    var defaultPaths: [String] {
        guard let root else { return [] }
        return ["rules", "questionnaires"].map { root + "/" + $0 }.filter(FileSystem.isDirectory)
    }

    /// The folders to read for a `--pack` naming a file or folder: that folder (or the file's) and
    /// its siblings `../questionnaires` and `../rules` where they exist.
    func paths(forPackPath path: String) -> [String] {
        var paths: [String] = []
        let directory = FileSystem.isDirectory(path) ? path : (path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ".")
        paths.append(directory)
        let parent = directory.lastIndex(of: "/").map { String(directory[..<$0]) } ?? "."
        for sibling in ["questionnaires", "rules"] where FileSystem.isDirectory(parent + "/" + sibling) {
            paths.append(parent + "/" + sibling)
        }
        return paths
    }

    /// Whether `--pack` names a path rather than an id.
    static func isPath(_ value: String) -> Bool {
        value.contains("/") || value.hasSuffix(".yaml") || value.hasSuffix(".yml")
    }
}
