import Foundation
import Testing

@testable import IndiciaKit

/// The example agency assessments (examples/training/agencies.ndjson) through the shipped training
/// pack: golden results, plus independently written expectations for each profile.
@Suite("Training-needs assessment: agency profiles")
struct AgencyProfileTests {
    static let training = ShippedPacks.runtime("training")
    static let lines: [String] = {
        let path = ShippedPacks.repositoryRoot + "/examples/training/agencies.ndjson"
        return ((try? String(contentsOfFile: path, encoding: .utf8)) ?? "").split(separator: "\n").map(String.init)
    }()

    struct Expectation: Sendable, CustomStringConvertible {
        var agency: String
        var overall: String
        var readiness: String
        var rag: [String: String]
        var firstResponder: Bool
        var description: String { agency }
    }

    static let expectations: [Expectation] = [
        .init(
            agency: "West Yorkshire Police (fictional district)", overall: "red", readiness: "mature",
            rag: ["offenders": "red", "children": "amber"], firstResponder: true),
        .init(
            agency: "Calderbridge Council children's and adults' services", overall: "red", readiness: "substantial", rag: ["offenders": "red"],
            firstResponder: true),
        .init(
            agency: "Airedale Youth Offending Team", overall: "amber", readiness: "mature", rag: ["indicators": "green", "referral": "amber"],
            firstResponder: true),
        .init(
            agency: "Northgate Hospital emergency department", overall: "red", readiness: "first_steps",
            rag: ["response": "red", "indicators": "amber"], firstResponder: false),
        .init(
            agency: "Calderbridge health visiting team", overall: "amber", readiness: "mature", rag: ["indicators": "green", "offenders": "amber"],
            firstResponder: false),
        .init(
            agency: "Riverside Jobcentre", overall: "red", readiness: "first_steps", rag: ["referral": "red", "indicators": "amber"],
            firstResponder: false),
        .init(
            agency: "CPS Yorkshire and Humberside (fictional unit)", overall: "amber", readiness: "mature", rag: ["offenders": "amber"],
            firstResponder: false),
        .init(
            agency: "St Anne's community church", overall: "red", readiness: "first_steps", rag: ["offenders": "green", "referral": "red"],
            firstResponder: false),
        .init(
            agency: "Hillside Salvation Army outreach (first responder)", overall: "green", readiness: "mature", rag: ["referral": "green"],
            firstResponder: true),
        .init(agency: "Valley housing association", overall: "red", readiness: "first_steps", rag: ["response": "red"], firstResponder: false),
    ]

    @Test("the training pack lints clean: no errors and no warnings")
    func lintClean() {
        let library = PackLibrary.load(paths: [
            ShippedPacks.repositoryRoot + "/rules/training.yaml", ShippedPacks.repositoryRoot + "/questionnaires/training.yaml",
        ])
        #expect(Linter().lint(library).isEmpty)
    }

    @Test("the examples cover every sector, and at least 8 profiles have expectations")
    func coverage() throws {
        let runtime = try #require(Self.training)
        guard case .singleChoice(let sectors)? = runtime.pack.questionnaire.questions.first(where: { $0.id == "sector" })?.kind else {
            Issue.record("no sector question")
            return
        }
        let used = Set(
            Self.lines.compactMap { line in
                (try? JSONValue.parse(Array(line.utf8)))?["answers"]?["sector"]?.string
            })
        #expect(Set(sectors.map(\.id)) == used)
        #expect(Self.expectations.count >= 8)
    }

    @Test("every example agency matches its golden result")
    func goldens() throws {
        let runtime = try #require(Self.training)
        for (n, line) in Self.lines.enumerated() {
            let (ok, bytes) = runtime.evaluateJSON(Array(line.utf8))
            #expect(ok)
            Fixtures.assertGolden(String(decoding: bytes, as: UTF8.self) + "\n", "agencies/agency-\(n + 1).json")
        }
    }

    @Test("profile", arguments: expectations)
    func profile(_ expected: Expectation) throws {
        let runtime = try #require(Self.training)
        let line = try #require(Self.lines.first { $0.contains("\"\(expected.agency)\"") })
        let result = try JSONValue.parse(runtime.evaluateJSON(Array(line.utf8)).bytes)
        #expect(result["outcome"]?["id"]?.string == expected.overall)
        #expect(result["values"]?["readiness_band"]?.string == expected.readiness)
        #expect(result["values"]?["first_responder_org"]?.bool == expected.firstResponder)
        for (area, rag) in expected.rag { #expect(result["values"]?["rag_\(area)"]?.string == rag, "\(area)") }
        // Every area that is not green has a recommendation naming the concrete training level.
        let recommendations = result["recommendations"]?.array?.compactMap { $0["id"]?.string } ?? []
        for area in ["indicators", "response", "referral", "children", "offenders", "sharing"]
        where result["values"]?["rag_\(area)"]?.string != "green" {
            #expect(recommendations.contains { $0.hasPrefix("train_\(area)_level_") }, "no training recommendation for \(area)")
        }
    }
}
