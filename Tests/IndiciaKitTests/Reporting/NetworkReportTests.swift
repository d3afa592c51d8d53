import Foundation
import Testing

@testable import IndiciaKit

@Suite("Network report")
struct NetworkReportTests {
    static func trainingResults() throws -> [JSONValue] {
        let runtime = try #require(ShippedPacks.runtime("training"))
        let path = ShippedPacks.repositoryRoot + "/examples/training/agencies.ndjson"
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            try JSONValue.parse(runtime.evaluateJSON(Array(line.utf8)).bytes)
        }
    }

    static let areaLabels = [
        "indicators": "Spotting the signs", "response": "Responding safely", "referral": "Referral routes",
        "children": "Children and young people", "offenders": "Offenders who may be victims", "sharing": "Information sharing",
    ]

    @Test("the Markdown report over the example agencies matches its golden file")
    func markdown() throws {
        let report = NetworkReport(results: try Self.trainingResults(), areaLabels: Self.areaLabels)
        Fixtures.assertGolden(MarkdownReport.render(report), "reports/training.md")
        #expect(report.agencies.count == 13)
        #expect(
            report.areas.map(\.label) == [
                "Spotting the signs", "Responding safely", "Referral routes", "Children and young people", "Offenders who may be victims",
                "Information sharing",
            ])
        #expect(report.priorities.first?.agency == "Calderbridge Council children's and adults' services")
        #expect(report.priorities.first?.area == "Offenders who may be victims")
        #expect(zip(report.priorities, report.priorities.dropFirst()).allSatisfy { $0.score >= $1.score })
        #expect(
            report.readinessCounts.map(\.band)
                == ["mature", "substantial", "early", "first_steps"].filter { band in report.agencies.contains { $0.readinessBand == band } })
    }

    @Test("the JSON report holds the matrix, priorities, staff by level and readiness")
    func json() throws {
        let report = NetworkReport(results: try Self.trainingResults(), areaLabels: Self.areaLabels)
        let value = try JSONValue.parse(Array(JSONReport.render(report).utf8))
        #expect(value["agencies"]?.array?.count == 13)
        #expect(value["agencies"]?.array?.first?["areas"]?["offenders"]?["rag"]?.string == "red")
        #expect((value["staff_needing_training_by_level"]?.array?.count ?? 0) >= 3)
        let staff = value["staff_needing_training_by_level"]?.array?.compactMap { $0["staff"]?.number }.reduce(0, +) ?? 0
        let expected = report.agencies.flatMap { agency in
            agency.staffNeeding.indices.filter { agency.required[$0] > 0 }.map { agency.staffNeeding[$0] }
        }.reduce(0, +)
        #expect(staff == expected)
    }

    @Test("screening statistics suppress small counts and never show case ids or free text")
    func suppression() throws {
        let runtime = try #require(ShippedPacks.screening)
        var results: [JSONValue] = []
        let danger =
            #"{"id":"CASE-SECRET-ID","answers":{"immediate_danger":"yes","worker_sector":"police","age_group":"adult","concern_notes":"FREE-TEXT-SECRET"}}"#
        let none = #"{"id":"OTHER-ID","answers":{"immediate_danger":"no","worker_sector":"school","age_group":"adult","controlled_movement":"no"}}"#
        for _ in 0..<3 { results.append(try JSONValue.parse(runtime.evaluateJSON(Array(danger.utf8)).bytes)) }
        for _ in 0..<6 { results.append(try JSONValue.parse(runtime.evaluateJSON(Array(none.utf8)).bytes)) }
        let report = NetworkReport(results: results, suppressBelow: 5)
        #expect(report.screeningCases == 9)
        let dangerCount = report.byOutcome.first { $0.label.hasPrefix("Immediate danger") }
        #expect(dangerCount?.value == nil, "3 is below 5 and must be suppressed")
        #expect(report.show(try #require(dangerCount)) == "<5")
        // Four answers: most key questions unanswered, so "More information needed", never "no concern".
        #expect(report.byOutcome.first { $0.label == "More information needed" }?.value == 6)
        for text in [MarkdownReport.render(report), JSONReport.render(report), HTMLReport.render(report)] {
            #expect(!text.contains("CASE-SECRET-ID") && !text.contains("OTHER-ID") && !text.contains("FREE-TEXT-SECRET"))
            #expect(text.contains("<5") || text.contains("&lt;5"))
        }
        let lower = NetworkReport(results: results, suppressBelow: 2)
        #expect(lower.byOutcome.first { $0.label.hasPrefix("Immediate danger") }?.value == 3)
    }
}
