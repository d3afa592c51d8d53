import Foundation
import Testing

@testable import IndiciaKit

/// The schemas published in schemas/ must be exactly what `indicia schema` generates now.
@Suite("Published schemas")
struct SchemaDriftTests {
    static let root = ShippedPacks.repositoryRoot

    @Test("schemas/result.schema.json matches the generator")
    func result() throws {
        let published = try String(contentsOfFile: Self.root + "/schemas/result.schema.json", encoding: .utf8)
        #expect(published == SchemaGenerator.resultSchema.pretty, "regenerate with: indicia schema result > schemas/result.schema.json")
    }

    @Test("schemas/result-summary.schema.json matches the generator")
    func summary() throws {
        let published = try String(contentsOfFile: Self.root + "/schemas/result-summary.schema.json", encoding: .utf8)
        #expect(
            published == SchemaGenerator.summaryResultSchema.pretty,
            "regenerate with: indicia schema result --result summary > schemas/result-summary.schema.json")
    }

    /// The packs whose case schema is published (the training pack's is not).
    static let publishedCases = ["bench", "screening"]

    @Test("schemas/ holds a case schema for exactly the packs checked below, so none goes unchecked")
    func publishedCaseSchemas() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.root + "/schemas").filter { $0.hasPrefix("case-") }
        #expect(names.sorted() == Self.publishedCases.map { "case-\($0).schema.json" })
    }

    @Test("each schemas/case-<pack>.schema.json matches the generator", arguments: publishedCases)
    func caseSchema(_ id: String) throws {
        let path = Self.root + "/schemas/case-\(id).schema.json"
        let library = PackLibrary.load(paths: [Self.root + "/rules", Self.root + "/questionnaires", Self.root + "/bench/pack"])
        let pack = try #require(library.compile(rulesID: id).0)
        let published = try String(contentsOfFile: path, encoding: .utf8)
        #expect(published == SchemaGenerator.caseSchema(pack).pretty, "regenerate with: indicia schema case --pack \(id) > \(path)")
    }
}
