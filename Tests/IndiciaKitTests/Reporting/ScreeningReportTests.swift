import Foundation
import Testing

@testable import IndiciaKit

/// The screening evidence base over 200 seeded random results of the test-owned welfare pack
/// (`TestPacks`): every answer type, some not known or left out, dated 2025–2026.
@Suite("Screening evidence base")
struct ScreeningReportTests {
    static let results = TestPacks.welfareResults(count: Self.count, seed: 2026)
    /// Few enough that some counts are small (to be hidden), enough for every quarter.
    static let count = 200

    static func report(threshold: Int = 5, from: String? = nil, to: String? = nil, extra: [String] = []) -> NetworkReport {
        var builder = NetworkReportBuilder(
            packs: TestPacks.reportPacks, from: from.flatMap { CalendarDate.days(fromISO: $0) }.map(Int.init),
            to: to.flatMap { CalendarDate.days(fromISO: $0) }.map(Int.init))
        for result in results { builder.add(line: result) }
        for line in extra { builder.add(line: Array(line.utf8)) }
        return builder.report(suppressBelow: threshold, from: from, to: to)
    }

    @Test("the report over the random welfare results matches its golden files in every format")
    func goldens() throws {
        #expect(Self.results.count == Self.count)
        let report = Self.report()
        Fixtures.assertGolden(MarkdownReport.render(report), "reports/welfare.md")
        Fixtures.assertGolden(JSONReport.render(report), "reports/welfare.json")
        Fixtures.assertGolden(CSVReport.render(report), "reports/welfare.csv")
        Fixtures.assertGolden(HTMLReport.render(report), "reports/welfare.html")
    }

    @Test("every count from 1 to 4 is hidden, and every shown count is the true count")
    func primary() throws {
        let truth = try #require(Self.report(threshold: 1).screening.first)
        let shown = try #require(Self.report().screening.first)
        #expect(truth.hiddenCount == 0)
        var small = 0
        for (t, table) in truth.tables.enumerated() {
            for (r, row) in table.counts.enumerated() {
                for (c, count) in row.enumerated() {
                    let published = shown.tables[t].counts[r][c]
                    if let count, count >= 1 && count <= 4 {
                        small += 1
                        #expect(published == nil, "\(table.id) \(table.rows[r].label) / \(table.columns[c].label) is \(count) and shown")
                    }
                    if let published { #expect(published == count) }
                }
            }
        }
        #expect(small > 0, "the data has small counts to hide")
        #expect(shown.hiddenCount > small, "secondary suppression hides more than the small counts")
    }

    @Test("shown rows and columns add up to their shown totals")
    func additive() throws {
        let statistics = try #require(Self.report(threshold: 1).screening.first)
        let trend = try #require(statistics.tables.first { $0.id == "quarter_level" })
        for row in trend.counts {
            let values = row.compactMap { $0 }
            #expect(values.dropLast().reduce(0, +) == values.last)
        }
        #expect(statistics.screenings == Self.count)
        let action = try #require(statistics.tables.first { $0.id == "action" })
        let byAction = action.counts.map { $0[0] ?? -1 }
        // In the welfare pack's report: block only 'referral' is an NRM referral.
        let nrm = try #require(action.rows.firstIndex { $0.coordinates.first?.category == "referral" })
        let notKnown = try #require(action.rows.firstIndex { $0.coordinates.first?.category == "not_known" })
        let notReferred = try #require(action.rows.firstIndex { $0.coordinates.first?.category == "not_referred" })
        #expect(byAction[nrm] + byAction[notKnown] + byAction[notReferred] == Self.count)
    }

    @Test("a screening whose worker raised the level of concern is counted under professional judgement")
    func judgement() throws {
        let runtime = try #require(TestPacks.welfare)
        // An adult who owes money they cannot repay: level 3 by the rules, raised to 4.
        let raised = runtime.evaluateJSON(
            Array(
                #"{"id":"j","answers":{"in_danger":"no","age_band":"adult","owes_money":"yes"},"judgement":{"level":4,"reason":"SECRET-REASON"}}"#
                    .utf8))
        #expect(raised.ok)
        let report = Self.report(threshold: 1, extra: [String(decoding: raised.bytes, as: UTF8.self)])
        let table = try #require(report.screening.first?.tables.first { $0.id == "judgement" })
        let counts = Dictionary(
            uniqueKeysWithValues: table.rows.enumerated().map { ($1.coordinates.first?.category ?? "total", table.counts[$0][0]) })
        #expect(counts["raised"] == 1)
        #expect(counts["none"] == Self.count)
        #expect(counts["total"] == Self.count + 1)
        for text in [MarkdownReport.render(report), JSONReport.render(report), CSVReport.render(report)] { #expect(!text.contains("SECRET-REASON")) }
    }

    @Test("--from and --to count only screenings in the period and say how many were left out")
    func period() throws {
        let statistics = try #require(Self.report(threshold: 1, from: "2025-01-01", to: "2025-12-31").screening.first)
        let trend = try #require(statistics.tables.first { $0.id == "quarter_level" })
        #expect(trend.rows.map { $0.coordinates.first?.category } == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", nil])
        let all = try #require(Self.report(threshold: 1).screening.first)
        let allTrend = try #require(all.tables.first { $0.id == "quarter_level" })
        let in2025 = allTrend.rows.indices.filter { allTrend.rows[$0].coordinates.first?.category.hasPrefix("2025") == true }
            .map { allTrend.counts[$0].last.flatMap { $0 } ?? 0 }.reduce(0, +)
        let undated = allTrend.rows.indices.filter { allTrend.rows[$0].coordinates.first?.category == "not_known" }
            .map { allTrend.counts[$0].last.flatMap { $0 } ?? 0 }.reduce(0, +)
        #expect(statistics.screenings == in2025)
        #expect(statistics.undatedLeftOut == undated)
        #expect(statistics.outsidePeriod == Self.count - in2025 - undated)
        #expect(MarkdownReport.render(Self.report(from: "2025-01-01", to: "2025-12-31")).contains("dated from 2025-01-01 to 2025-12-31"))
    }

    @Test("older results without the context values count as not known; other packs, errors and junk are left out with counts")
    func leftOut() throws {
        let old =
            #"{"id":"o1","ok":true,"pack":{"id":"welfare","revision":"6"},"outcome":{"id":"some_signs"},"values":{"role_reported":"nurse"}}"#
        let report = Self.report(
            threshold: 1,
            extra: [
                old, #"{"id":"e","ok":false,"error":{"code":"malformed-json"}}"#, #"{"id":"b","ok":true,"pack":{"id":"bench"}}"#,
                "not json at all", #"{"id":"t","ok":tru"#, "[1,2]",
            ])
        let statistics = try #require(report.screening.first)
        #expect(statistics.screenings == Self.count + 1)
        let area = try #require(statistics.tables.first { $0.id == "area_type" })
        let notKnown = try #require(area.rows.firstIndex { $0.coordinates.first?.category == "not_known" })
        let base = try #require(Self.report(threshold: 1).screening.first?.tables.first { $0.id == "area_type" })
        #expect(area.counts[notKnown][0] == (base.counts[notKnown][0] ?? 0) + 1)
        #expect(report.errorRecords == 1)
        #expect(report.otherRecords == 1)
        #expect(report.notJSON == 2)
        #expect(report.notResults == 1)
        #expect(
            report.leftOut
                == "Left out: 1 error result (records that could not be evaluated); 1 result of packs with no report: block here; 2 lines that are not JSON; 1 JSON document that is not a result."
        )
    }
    @Test("counting an input in parts and merging them in order gives the same report, whatever the cuts")
    func mergedParts() throws {
        let training = try #require(TestPacks.runtime("skills"))
        let agencies = try String(contentsOfFile: TestPacks.directory + "/../cases/skills-2026.ndjson", encoding: .utf8)
        // Training results, two without a name (called by their place in the input), among screenings and junk.
        var lines: [[UInt8]] = agencies.split(separator: "\n").prefix(6).enumerated().map { index, line in
            var result = training.evaluateJSON(Array(line.utf8)).bytes
            if index % 3 == 1, let text = String(bytes: result, encoding: .utf8) {
                result = Array(text.replacingOccurrences(of: #"^\{"id":"[^"]*""#, with: #"{"id":"""#, options: .regularExpression).utf8)
            }
            return result
        }
        lines.insert(contentsOf: Self.results.prefix(400), at: 3)
        lines += [Array("not json".utf8), Array(#"{"id":"e","ok":false}"#.utf8), Array("[1]".utf8)] + Self.results.suffix(300)
        func report(_ parts: [Range<Int>]) -> String {
            var builder = NetworkReportBuilder(packs: TestPacks.reportPacks, from: CalendarDate.days(fromISO: "2025-04-01").map(Int.init))
            for part in parts {
                var piece = builder.fresh
                for line in lines[part] { piece.add(line: line) }
                builder.merge(piece)
            }
            let report = builder.report(suppressBelow: 3, from: "2025-04-01")
            return JSONReport.render(report) + MarkdownReport.render(report)
        }
        let whole = report([0..<lines.count])
        #expect(whole.contains("agency 2"), "the second training result has no name")
        #expect(whole.contains("Hilltop School") && whole.contains("Welfare check rules (test fixture)"))
        #expect(whole.contains("Left out: 1 error result"))
        var random = FixturePack.Random(state: 7)
        for _ in 0..<6 {
            let cuts = ([0, lines.count] + (0..<random.below(5)).map { _ in random.below(lines.count + 1) }).sorted()
            let parts = zip(cuts, cuts.dropFirst()).map { $0..<$1 }
            #expect(report(parts) == whole, "cuts \(cuts)")
        }
        #expect(report((0..<lines.count).map { $0..<($0 + 1) }) == whole)
    }
    @Test("summary results (--result summary) give the same report as full results, but for professional judgement")
    func summaryResults() throws {
        let runtime = try #require(ShippedPacks.screening)
        let text = try String(contentsOfFile: ShippedPacks.repositoryRoot + "/examples/screening/cases.ndjson", encoding: .utf8)
        func statistics(_ profile: ResultProfile) -> ScreeningStatistics? {
            var builder = NetworkReportBuilder(packs: ShippedPacks.reportPacks)
            for line in text.split(separator: "\n") { builder.add(line: runtime.evaluateJSON(Array(line.utf8), profile: profile).bytes) }
            return builder.report(suppressBelow: 1).screening.first
        }
        let summary = try #require(statistics(.summary))
        let full = try #require(statistics(.full))
        #expect(full.screenings == 1800)
        #expect(summary.screenings == full.screenings)
        for table in full.tables where table.id != "judgement" {
            let other = try #require(summary.tables.first { $0.id == table.id })
            #expect(other.counts == table.counts, "\(table.id)")
        }
        let indicators = try #require(summary.tables.first { $0.id == "indicator" })
        #expect(indicators.counts.contains { $0.contains { ($0 ?? 0) > 0 } })
    }
}
