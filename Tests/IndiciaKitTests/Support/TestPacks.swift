import Foundation
import Testing

@testable import IndiciaKit

/// The test-owned packs the CLI tests and the e2e scripts also use
/// (`Tests/IndiciaCLITests/Fixtures/packs`: welfare, labour, skills, tiny). Engine tests that need a
/// realistic pack use these, so editing the shipped packs never breaks a code test.
enum TestPacks {
    static let directory = ShippedPacks.repositoryRoot + "/Tests/IndiciaCLITests/Fixtures/packs"

    static let library = PackLibrary.load(paths: [directory + "/rules", directory + "/questionnaires"])

    static func runtime(_ id: String) -> PackRuntime? {
        guard let pack = library.compile(rulesID: id).0 else { return nil }
        return PackRuntime(pack: pack)
    }

    static let welfare = runtime("welfare")

    /// The report conventions of every test pack that has a `report:` block.
    static let reportPacks: [ReportPack] = library.ruleSetIDs.compactMap { library.compile(rulesID: $0).0.flatMap(ReportPack.init) }

    /// `count` seeded random welfare cases (answers of every type, some not known or left out,
    /// dated 2025–2026), as results: the same every run.
    static func welfareResults(count: Int, seed: UInt64) -> [[UInt8]] {
        guard let runtime = welfare else { return [] }
        var random = FixturePack.Random(state: seed)
        return (1...count).map { n in
            let answers = FixturePack.randomAnswers(runtime.pack.questionnaire, &random)
            return runtime.evaluateJSON(Array(FixturePack.caseJSON(id: n, answers).utf8)).bytes
        }
    }
}
