import Foundation
import Testing

@testable import IndiciaKit

@Suite("Network report")
struct NetworkReportTests {
    /// The test-owned skills pack's 2026 round: Hilltop School, Riverbank Health Clinic, Lakeside School.
    static func trainingResults() throws -> [JSONValue] {
        let runtime = try #require(TestPacks.runtime("skills"))
        let path = TestPacks.directory + "/../cases/skills-2026.ndjson"
        return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
            try JSONValue.parse(runtime.evaluateJSON(Array(line.utf8)).bytes)
        }
    }

    @Test("the Markdown report over the skills pack's agencies matches its golden file")
    func markdown() throws {
        let report = NetworkReport(results: try Self.trainingResults(), packs: TestPacks.reportPacks)
        Fixtures.assertGolden(MarkdownReport.render(report), "reports/skills.md")
        let training = report.training
        #expect(training.agencies.count == 3)
        #expect(training.areas.map { report.trainingLabels.area($0) } == ["Spotting the signs", "Making referrals"])
        // Lakeside School: nobody trained in spotting the signs, 2 levels short: 2 + 100/50 = 4.
        // Hilltop School: referrals 2 levels short, 60% trained: 2 + 40/50 = 2.8.
        #expect(training.priorities.map(\.agency) == ["Lakeside School", "Hilltop School"])
        #expect(training.priorities.map(\.score) == [4, 2.8])
        #expect(training.priorities.first?.areaLabel == "Spotting the signs")
        // In the order of the pack's report_bands table: only Riverbank has a named lead.
        #expect(training.readinessCounts.map(\.band) == ["ready", "not_ready"])
        #expect(training.readinessCounts.map(\.agencies) == [1, 2])
        #expect(!training.comparesRounds)
        #expect(training.notes.isEmpty)
    }

    @Test("the JSON report holds the matrix, priorities, staff by level and readiness")
    func json() throws {
        let report = NetworkReport(results: try Self.trainingResults(), packs: TestPacks.reportPacks)
        let value = try JSONValue.parse(Array(JSONReport.render(report).utf8))
        #expect(value["agencies"]?.array?.count == 3)
        // Hilltop School: referrals at level 1 of the required 3, 60% trained.
        #expect(value["agencies"]?.array?.first?["areas"]?["referral"]?["rag"]?.string == "red")
        // Levels required: 2 and 3 (schools), 3 and 2 (the clinic).
        #expect(value["staff_needing_training_by_level"]?.array?.compactMap { $0["level"]?.number } == [2, 3])
        let staff = value["staff_needing_training_by_level"]?.array?.compactMap { $0["staff"]?.number }.reduce(0, +) ?? 0
        let expected = report.training.agencies.flatMap { agency in
            agency.cells.values.filter { $0.required > 0 }.map(\.staffNeeding)
        }.reduce(0, +)
        #expect(staff == expected)
    }

    @Test("screening statistics suppress small counts and never show case ids or free text")
    func suppression() throws {
        let runtime = try #require(TestPacks.welfare)
        var results: [JSONValue] = []
        let danger = #"{"id":"CASE-SECRET-ID","answers":{"in_danger":"yes","worker_role":"nurse","age_band":"adult","notes":"FREE-TEXT-SECRET"}}"#
        let none = #"{"id":"OTHER-ID","answers":{"in_danger":"no","worker_role":"teacher","age_band":"adult","papers_taken":"no"}}"#
        for _ in 0..<3 { results.append(try JSONValue.parse(runtime.evaluateJSON(Array(danger.utf8)).bytes)) }
        for _ in 0..<6 { results.append(try JSONValue.parse(runtime.evaluateJSON(Array(none.utf8)).bytes)) }
        let report = NetworkReport(results: results, packs: TestPacks.reportPacks, suppressBelow: 5)
        let statistics = try #require(report.screening.first)
        #expect(statistics.screenings == 9)
        let trend = try #require(statistics.tables.first { $0.id == "quarter_level" })
        // No dates were given: every screening is in the "not known" quarter.
        #expect(trend.rows.map(\.label) == ["Not known", "All quarters"])
        // Level 4 is the welfare pack's danger band alone: its column carries the band's label.
        let dangerColumn = try #require(trend.columns.firstIndex { $0.label == "Danger — call 999 now" })
        #expect(trend.counts[0][dangerColumn] == nil, "3 is below 5 and must be hidden")
        #expect(trend.counts[1][dangerColumn] == nil, "the level's total equals the hidden 3, so it is hidden too")
        let rendered = [
            (MarkdownReport.render(report), "| [c] |"), (HTMLReport.render(report), "data-hidden=\"true\""),
            (JSONReport.render(report), "\"hidden\": true"), (CSVReport.render(report), ",,yes\r\n"),
        ]
        for (text, hidden) in rendered {
            #expect(!text.contains("CASE-SECRET-ID") && !text.contains("OTHER-ID") && !text.contains("FREE-TEXT-SECRET"))
            #expect(text.contains(hidden))
        }
        let lower = NetworkReport(results: results, packs: TestPacks.reportPacks, suppressBelow: 2)
        let lowerTrend = try #require(lower.screening.first?.tables.first { $0.id == "quarter_level" })
        #expect(lowerTrend.counts[0][dangerColumn] == 3)
    }
}
