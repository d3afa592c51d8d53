import Foundation
import Testing

@testable import IndiciaKit

/// The packs shipped in rules/ and questionnaires/, compiled once for the tests.
enum ShippedPacks {
    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().path
    }

    static let library = PackLibrary.load(paths: [repositoryRoot + "/rules", repositoryRoot + "/questionnaires"])

    static func runtime(_ id: String) -> PackRuntime? {
        guard let pack = library.compile(rulesID: id).0 else { return nil }
        return PackRuntime(pack: pack)
    }

    static let screening = runtime("screening")

    /// The report conventions of every shipped pack that has a `report:` block.
    static let reportPacks: [ReportPack] = library.ruleSetIDs.compactMap { library.compile(rulesID: $0).0.flatMap(ReportPack.init) }
}
