import Foundation
import Testing

@testable import IndiciaKit

/// Rounds of training-needs assessments: what closed, opened and stayed, agencies not re-assessed,
/// and bad input (duplicates, rounds out of order, a renamed agency, another pack) stated in the
/// report, never merged or dropped silently.
@Suite("Training network: rounds and progress")
struct TrainingNetworkTests {
    /// The test-owned skills pack: a school needs level 2 in spotting the signs and 3 in referrals;
    /// red is 2 or more levels short or under 50% trained, amber 1 level short or under 80%.
    static let runtime = TestPacks.runtime("skills")

    /// A school at the required level in both areas, 95% trained, with a named lead: all green.
    static let green: [String: String] = [
        "sector": "\"school\"", "headcount": "100", "level_spotting": "2", "trained_spotting": "95", "level_referral": "3",
        "trained_referral": "95", "has_lead": "\"yes\"", "referrals": "3",
    ]

    /// One evaluated result: the green school, changed by `changes`.
    static func result(_ name: String, number: Int?, date: String, _ changes: [String: String] = [:]) throws -> JSONValue {
        let runtime = try #require(Self.runtime)
        var answers = green.merging(changes) { $1 }
        answers["assessed"] = "\"\(date)\""
        if let number { answers["agency_number"] = "\(number)" }
        let body = answers.keys.sorted().map { "\"\($0)\":\(answers[$0] ?? "null")" }.joined(separator: ",")
        let line = "{\"id\":\"\(name)\",\"answers\":{\(body)}}"
        let (ok, bytes) = runtime.evaluateJSON(Array(line.utf8))
        #expect(ok, "\(String(decoding: bytes, as: UTF8.self))")
        return try JSONValue.parse(bytes)
    }

    static func network(_ rounds: [(String, [JSONValue])]) -> NetworkReport {
        var builder = NetworkReportBuilder(packs: TestPacks.reportPacks)
        for (name, results) in rounds {
            builder.beginRound(name)
            for result in results { builder.add(result) }
        }
        return builder.report()
    }

    @Test("a gap that turned green is closed, a green cell that turned red is opened, a red cell still red stayed")
    func closedOpenedStayed() throws {
        // Millbank: referrals at level 1 last year (2 levels short: red), level 3 at 95% this year (green).
        // Eastfield: green last year; this year only 10% trained in spotting the signs (red).
        // Ashby: referrals at level 1 both years (red both times).
        let report = Self.network([
            (
                "2025",
                [
                    try Self.result("Millbank", number: 1, date: "2025-10-01", ["level_referral": "1"]),
                    try Self.result("Eastfield", number: 2, date: "2025-10-02"),
                    try Self.result("Ashby", number: 3, date: "2025-10-03", ["level_referral": "1"]),
                ]
            ),
            (
                "2026",
                [
                    try Self.result("Millbank", number: 1, date: "2026-10-01"),
                    try Self.result("Eastfield", number: 2, date: "2026-10-02", ["trained_spotting": "10"]),
                    try Self.result("Ashby", number: 3, date: "2026-10-03", ["level_referral": "1"]),
                ]
            ),
        ])
        let training = report.training
        #expect(training.rounds.map(\.name) == ["2025", "2026"])
        #expect(training.change(of: "Millbank")?.cells["referral"]?.change == .closed)
        #expect(training.change(of: "Millbank")?.cells["referral"]?.before?.rag == "red")
        #expect(training.change(of: "Eastfield")?.cells["spotting"]?.change == .opened)
        #expect(training.change(of: "Ashby")?.cells["referral"]?.change == .stayed)
        #expect(training.change(of: "Ashby")?.cells["referral"]?.direction == nil)
        #expect(training.change(of: "Millbank")?.cells["spotting"]?.change == .noGap)
        // Network level: 2 red cells before (two agencies without referral training), 2 after (Ashby, Eastfield).
        #expect(training.rounds.map(\.red) == [2, 2])
        #expect(training.notReassessed.isEmpty)
        #expect(training.notes.isEmpty)
        let markdown = MarkdownReport.render(report)
        #expect(
            markdown.contains(
                "From round 2025 (2025-10-01 to 2025-10-03) to round 2026 (2026-10-01 to 2026-10-03): 1 gap closed, 1 opened, 1 stayed open."))
        #expect(markdown.contains("| Millbank | 1 | 0 | 0 | Making referrals: closed (Red · 2 → Green · 0) |"))
        let html = HTMLReport.render(report)
        #expect(html.contains("data-agency=\"Eastfield\" data-area=\"spotting\" data-rag=\"red\" data-change=\"opened\" data-before=\"green\""))
        let json = try JSONValue.parse(Array(JSONReport.render(report).utf8))
        let millbank = json["changes"]?.array?.first { $0["agency"]?.string == "Millbank" }
        #expect(millbank?["closed"]?.number == 1)
        #expect(millbank?["areas"]?["referral"]?["before"]?.string == "red")
        #expect(millbank?["areas"]?["referral"]?["after"]?.string == "green")
    }

    @Test("an agency missing from the latest round is listed as not re-assessed; a new one is marked new")
    func notReassessedAndNew() throws {
        let report = Self.network([
            ("2025", [try Self.result("Millbank", number: 1, date: "2025-10-01"), try Self.result("Kirkgate", number: 9, date: "2025-10-05")]),
            ("2026", [try Self.result("Millbank", number: 1, date: "2026-10-01"), try Self.result("Newton", number: 4, date: "2026-10-05")]),
        ])
        let training = report.training
        #expect(training.notReassessed.map(\.name) == ["Kirkgate"])
        #expect(training.change(of: "Newton")?.previousRound == nil)
        #expect(training.change(of: "Newton")?.cells.values.allSatisfy { $0.change == .new } == true)
        #expect(
            MarkdownReport.render(report).contains(
                "Not re-assessed in the latest round: Kirkgate (last assessed in 2025 (2025-10-01 to 2025-10-05))."))
    }

    @Test("a renamed agency is matched by its number, and the report says so")
    func renamed() throws {
        let report = Self.network([
            ("2025", [try Self.result("Calderbridge Council children's services", number: 2, date: "2025-10-01", ["level_referral": "1"])]),
            ("2026", [try Self.result("Calderbridge Council social care", number: 2, date: "2026-10-01")]),
        ])
        let training = report.training
        #expect(training.change(of: "Calderbridge Council social care")?.cells["referral"]?.change == .closed)
        #expect(
            training.notes == [
                "Agency number 2 was 'Calderbridge Council children's services' in round 2025 and is 'Calderbridge Council social care' now: matched by its number."
            ])
    }

    @Test("two results for one agency in one round: the later is used and both are named")
    func duplicate() throws {
        let report = Self.network([
            (
                "2026",
                [
                    try Self.result("Millbank", number: 1, date: "2026-10-20"),
                    try Self.result("Millbank Academy", number: 1, date: "2026-10-01", ["level_referral": "1"]),
                ]
            )
        ])
        let training = report.training
        #expect(training.agencies.count == 1)
        #expect(training.agencies.first?.date == "2026-10-20")
        #expect(training.agencies.first?.cells["referral"]?.rag == "green")
        #expect(
            training.notes == [
                "Agency number 1 has two results in round 2026 (dated 2026-10-01 and 2026-10-20): the later one is used; the other is not counted."
            ])
        #expect(MarkdownReport.render(report).contains("## Notes on the input"))
    }

    @Test("rounds given out of date order are compared in date order, and the report says so")
    func outOfOrder() throws {
        let report = Self.network([
            ("later.ndjson", [try Self.result("Millbank", number: 1, date: "2026-10-01")]),
            ("earlier.ndjson", [try Self.result("Millbank", number: 1, date: "2025-10-01", ["level_referral": "1"])]),
        ])
        let training = report.training
        #expect(training.rounds.map(\.name) == ["earlier.ndjson", "later.ndjson"])
        #expect(training.change(of: "Millbank")?.cells["referral"]?.change == .closed)
        #expect(
            training.notes == [
                "The rounds were not given in date order; they are compared in date order: earlier.ndjson (from 2025-10-01), later.ndjson (from 2026-10-01)."
            ])
    }

    @Test("rounds whose dates overlap are compared in the order given, with a warning")
    func overlapping() throws {
        let report = Self.network([
            ("a", [try Self.result("Millbank", number: 1, date: "2026-01-01"), try Self.result("Eastfield", number: 2, date: "2026-06-01")]),
            ("b", [try Self.result("Millbank", number: 1, date: "2026-03-01")]),
        ])
        #expect(
            report.training.notes.contains(
                "Round b has assessments dated 2026-03-01, before round a ended (2026-06-01): check that each input holds one round."))
    }

    @Test("results of another pack are named and not compared; different revisions are pointed out")
    func otherPack() throws {
        let ours = try Self.result("Millbank", number: 1, date: "2026-10-01")
        let old = try Self.result("Millbank", number: 1, date: "2025-10-01")
        func repack(_ value: JSONValue, id: String?, revision: String?) -> JSONValue {
            guard case .object(let members) = value else { return value }
            return .object(
                members.map { key, member in
                    guard key == "pack", case .object(let fields) = member else { return (key, member) }
                    return (
                        key,
                        .object(
                            fields.map { field, content in
                                if field == "id", let id { return (field, .string(id)) }
                                if field == "revision", let revision { return (field, .string(revision)) }
                                return (field, content)
                            })
                    )
                })
        }
        let report = Self.network([
            ("2025", [repack(old, id: nil, revision: "2025.1")]),
            ("2026", [ours, repack(ours, id: "skills-wales", revision: nil)]),
        ])
        let training = report.training
        #expect(training.agencies.count == 1)
        // A pack the report has no report: block for is left out and counted, never merged.
        #expect(report.otherRecords == 1)
        #expect(report.leftOut == "Left out: 1 result of packs with no report: block here.")
        #expect(training.notes.contains { $0.hasPrefix("The rounds were assessed with different revisions of pack 'skills' (2025.1, ") })
    }

    @Test("a single round has no comparison section")
    func singleRound() throws {
        let report = Self.network([("", [try Self.result("Millbank", number: 1, date: "2026-10-01")])])
        #expect(!report.training.comparesRounds)
        #expect(!MarkdownReport.render(report).contains("Change between rounds"))
        #expect(try JSONValue.parse(Array(JSONReport.render(report).utf8))["changes"] == nil)
        // One agency is counted in the singular (the goldens have three: "3 agencies.").
        #expect(MarkdownReport.render(report).contains("\n1 agency. "))
        #expect(HTMLReport.render(report).contains("<p class=\"note\">1 agency."))
    }

    @Test("two rounds of the skills pack's fictional agencies: golden reports in every format")
    func exampleGoldens() throws {
        let runtime = try #require(Self.runtime)
        func results(_ year: Int) throws -> [JSONValue] {
            let path = TestPacks.directory + "/../cases/skills-\(year).ndjson"
            return try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").map { line in
                try JSONValue.parse(runtime.evaluateJSON(Array(line.utf8)).bytes)
            }
        }
        let report = Self.network([("2025.ndjson", try results(2025)), ("2026.ndjson", try results(2026))])
        Fixtures.assertGolden(MarkdownReport.render(report), "reports/skills-rounds.md")
        Fixtures.assertGolden(JSONReport.render(report), "reports/skills-rounds.json")
        Fixtures.assertGolden(HTMLReport.render(report), "reports/skills-rounds.html")
        // The legend says what % trained counts, from the pack's report_notes table.
        let coverage = try #require(report.trainingLabels.notes["coverage"])
        #expect(coverage == "Fixture note: % trained counts every member of staff who needs the area.")
        #expect(MarkdownReport.render(report).contains("\n" + coverage + "\n"))
        #expect(HTMLReport.render(report).contains("<p class=\"note\" id=\"coverage-note\">\(coverage)</p>"))
        let csv = CSVReport.render(report)
        Fixtures.assertGolden(csv, "reports/skills-rounds.csv")
        let rows = csv.split(separator: "\r\n").map(String.init)
        #expect(rows.first == "pack,table,round,agency,agency_id,item,measure,value")
        // Riverbank (number 2, a clinic) reached level 3 in spotting the signs with 90% trained.
        #expect(rows.contains("skills,gaps,2026.ndjson,Riverbank Health Clinic,2,spotting,change,closed"))
        #expect(rows.contains("skills,not_reassessed,2026.ndjson,Old Mill Centre,3,,last_round,2025.ndjson"))
        #expect(rows.contains("skills,rounds,2025.ndjson,,,,agencies,3"))
        #expect(rows.contains("skills,rounds,2026.ndjson,,,,agencies,3"))
        // One note, the renaming, with its kind.
        #expect(rows.filter { $0.hasPrefix("skills,notes,") }.count == 1)
        #expect(rows.contains { $0.hasPrefix("skills,notes,,,,,renamed,") })
        // Referral counts from 1 to 4 never appear: Hilltop's 2 is "<5", Riverbank's 7 and Lakeside's 0 are shown.
        let referrals = rows.filter { $0.hasPrefix("skills,capacities,2026.ndjson,") && $0.contains(",referrals,value,") }
        #expect(
            referrals == [
                "skills,capacities,2026.ndjson,Hilltop School,1,referrals,value,<5",
                "skills,capacities,2026.ndjson,Riverbank Health Clinic,2,referrals,value,7",
                "skills,capacities,2026.ndjson,Lakeside School,4,referrals,value,0",
            ])
        let riverbank = try #require(report.training.change(of: "Riverbank Health Clinic"))
        #expect(riverbank.count(.closed) == 1)
        #expect(report.training.notReassessed.map(\.name) == ["Old Mill Centre"])
        #expect(report.training.notes.count == 1)
        #expect(report.training.notes.first?.contains("matched by its number") == true)
        // Lakeside School joined in 2026.
        #expect(report.training.changes.filter { $0.previousRound == nil }.map(\.name) == ["Lakeside School"])
    }

    @Test("a training pack that names its values and tables differently reports the same, because its report: block says the names")
    func renamedConventions() throws {
        let directory = TestPacks.directory
        let questionnaire = try String(contentsOfFile: directory + "/questionnaires/skills.yaml", encoding: .utf8)
        var rules = try String(contentsOfFile: directory + "/rules/skills.yaml", encoding: .utf8)
        for (old, new) in [
            ("agency_id", "member_no"), ("assessed_on", "assessment_day"), ("capacity_", "can_do_"), ("report_capacities", "capabilities"),
            ("report_bands", "band_labels"), ("report_notes", "sentences"), ("policy", "thresholds"),
        ] {
            #expect(rules.contains(old), "the fixture no longer uses '\(old)'")
            rules = rules.replacingOccurrences(of: old, with: new)
        }
        // The report block's own key stays `policy:`; only the table it names is renamed.
        rules = rules.replacingOccurrences(of: "  thresholds: thresholds\n", with: "  policy: thresholds\n")
        let renamed = try #require(Fixtures.pack(questionnaire: questionnaire, rules: rules))
        #expect(renamed.rules.report?.agency == "member_no")
        #expect(renamed.rules.report?.capacities?.prefix == "can_do_")
        let original = try #require(Self.runtime)
        func report(_ runtime: PackRuntime) throws -> NetworkReport {
            var builder = NetworkReportBuilder(packs: [try #require(ReportPack(runtime.pack))])
            for year in [2025, 2026] {
                builder.beginRound("\(year).ndjson")
                let path = directory + "/../cases/skills-\(year).ndjson"
                for line in try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n") {
                    builder.add(try JSONValue.parse(runtime.evaluateJSON(Array(line.utf8)).bytes))
                }
            }
            return builder.report()
        }
        let expected = try report(original)
        let actual = try report(PackRuntime(pack: renamed))
        // Not vacuous: the agency numbers, dates, capacities, bands, notes and thresholds are all read.
        let markdown = MarkdownReport.render(actual)
        #expect(markdown.contains("Referrals made last year") && markdown.contains("Not ready yet"))
        #expect(markdown.contains("Fixture note: % trained counts every member of staff who needs the area."))
        #expect(actual.trainingLabels.amberCoverage == 80)
        #expect(actual.training.notes.first?.contains("matched by its number") == true)
        #expect(markdown == MarkdownReport.render(expected))
        #expect(JSONReport.render(actual) == JSONReport.render(expected))
        #expect(HTMLReport.render(actual) == HTMLReport.render(expected))
        #expect(CSVReport.render(actual) == CSVReport.render(expected))
    }

    @Test("a name with a comma is quoted in the CSV, so the row keeps the header's eight fields")
    func csvQuoting() throws {
        let report = Self.network([("", [try Self.result("Hill, Top School", number: 5, date: "2026-10-01")])])
        let rows = CSVReport.render(report).split(separator: "\r\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("skills,agencies,") && $0.hasSuffix(",\"Hill, Top School\",5,,kind,school") }, "\(rows)")
    }
}
