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
        var required: [String: Int] = [:]
        var firstResponder: Bool
        var dutyToNotify: Bool? = nil
        var description: String { agency }
    }

    /// Written from each agency's answers and the required-level, refresher and duties tables.
    static let expectations: [Expectation] = [
        // 1,800 officers, level 3 everywhere but offenders (2, coverage 60%): one level short there.
        .init(
            agency: "West Yorkshire Police (fictional district)", overall: "amber", readiness: "mature",
            rag: ["offenders": "amber", "indicators": "green"], required: ["referral": 3, "leads": 4], firstResponder: true, dutyToNotify: true),
        // Clinical health staff serving children need intercollegiate level 3: level 2 now is one short.
        .init(
            agency: "Northgate Hospital emergency department", overall: "red", readiness: "early",
            rag: ["children": "amber", "offenders": "red", "leads": "red"], required: ["children": 3, "referral": 2], firstResponder: false,
            dutyToNotify: false),
        .init(
            agency: "Eastgate GP practice and community mental health team", overall: "red", readiness: "early", rag: ["children": "amber"],
            required: ["children": 3], firstResponder: false),
        // A charity named as a First Responder needs level 3 in referral routes; one that is not needs 2.
        .init(
            agency: "Hillside Salvation Army outreach (first responder)", overall: "green", readiness: "mature", rag: ["referral": "green"],
            required: ["referral": 3], firstResponder: true),
        .init(
            agency: "Harbour Lights refugee charity", overall: "amber", readiness: "mature", rag: ["referral": "green", "leads": "amber"],
            required: ["referral": 2], firstResponder: false),
        // No designated lead at all: the leads row is red, four levels short.
        .init(
            agency: "Riverside Jobcentre", overall: "red", readiness: "first_steps", rag: ["referral": "red", "leads": "red"],
            required: ["leads": 4], firstResponder: false),
        .init(agency: "Millbank Academy", overall: "green", readiness: "mature", rag: ["indicators": "green"], firstResponder: false),
        .init(
            agency: "CPS Yorkshire and Humberside (fictional unit)", overall: "amber", readiness: "mature", rag: ["offenders": "amber"],
            required: ["offenders": 4], firstResponder: false),
        .init(
            agency: "St Anne's community church", overall: "red", readiness: "first_steps", rag: ["offenders": "green", "leads": "red"],
            required: ["offenders": 0, "leads": 3], firstResponder: false),
        // The GLAA has the Duty to Notify and is a First Responder (s52(5); FRO list).
        .init(
            agency: "GLAA northern team (fictional)", overall: "green", readiness: "mature", rag: ["referral": "green"], required: ["referral": 3],
            firstResponder: true, dutyToNotify: true),
        // Home Office staff are First Responders and notify as Home Office policy (not under s52(5)).
        .init(
            agency: "Home Office immigration enforcement, Leeds (fictional)", overall: "amber", readiness: "substantial",
            rag: ["response": "amber"], required: ["referral": 3], firstResponder: true, dutyToNotify: true),
        .init(
            agency: "Westfield Probation Delivery Unit (fictional)", overall: "red", readiness: "early", rag: ["referral": "red"],
            required: ["offenders": 3, "referral": 2], firstResponder: false, dutyToNotify: false),
        .init(
            agency: "Valley housing association", overall: "red", readiness: "first_steps", rag: ["response": "red"], required: ["response": 2],
            firstResponder: false),
    ]

    @Test("the training pack lints with no errors; its only warnings are the honest list of unchecked sources")
    func lintClean() {
        let library = PackLibrary.load(paths: [
            ShippedPacks.repositoryRoot + "/rules/training.yaml", ShippedPacks.repositoryRoot + "/questionnaires/training.yaml",
            ShippedPacks.repositoryRoot + "/rules/organisations.yaml",
        ])
        let findings = Linter().lint(library)
        #expect(findings.allSatisfy { "\($0.code)" == "unverified" }, "\(findings.filter { "\($0.code)" != "unverified" })")
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
        if let duty = expected.dutyToNotify { #expect(result["values"]?["duty_to_notify_org"]?.bool == duty) }
        for (area, rag) in expected.rag { #expect(result["values"]?["rag_\(area)"]?.string == rag, "\(area)") }
        for (area, level) in expected.required { #expect(result["values"]?["required_\(area)"]?.number == Double(level), "\(area)") }
        // Every area that is not green has a recommendation naming the concrete training level.
        let recommendations = result["recommendations"]?.array?.compactMap { $0["id"]?.string } ?? []
        for area in ["indicators", "response", "referral", "children", "offenders", "sharing", "leads"]
        where result["values"]?["rag_\(area)"]?.string != "green" {
            #expect(
                recommendations.contains { $0.hasPrefix("train_\(area)_level_") } || (area == "leads" && recommendations.contains("appoint_lead")),
                "no training recommendation for \(area)")
        }
    }
}
