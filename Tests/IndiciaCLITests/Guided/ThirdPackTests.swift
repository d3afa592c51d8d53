import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

/// A third kind of pack, neither the screening nor the training pack: the test-owned
/// labour-exploitation check (`Fixtures/packs/*/labour.yaml`). Its emergency line (112), its guided
/// command (assess) and its report conventions (its own value names; region labels from a
/// question's choices; no action dimension) are declared in the pack, and nothing in Swift names it.
@Suite("A third pack: guided session and report with no Swift change")
struct ThirdPackTests {
    /// One visit: 10 February 2026, on the coast, a farm, wages held back, workers do not sleep on site.
    static let answers = ["2026-02-10", "1", "1", "y", "n", ""]

    @Test("indicia assess runs it without --pack (the only pack declaring assess), with its own emergency line")
    func guided() throws {
        let directory = ToolRunner.temporaryDirectory()
        let out = directory + "/visit.json"
        let run = ToolRunner.run(["assess", "--out", out], input: GuidedSessionTests.script(Self.answers), directory: directory)
        #expect(run.code == .ok, "\(run.output)\(run.errors)")
        #expect(run.output.hasPrefix("Labour-exploitation check of one workplace (test fixture)\n\nIn an emergency, call 112 now.\n"))
        #expect(!run.output.contains("999"), "no emergency number but the pack's")
        #expect(run.output.contains("── The workplace ──"))
        #expect(run.output.contains("Question 5 of about 5\nDo the workers sleep where they work?"))
        #expect(run.output.contains("LEVEL OF CONCERN: SIGNS OF LABOUR EXPLOITATION"))
        #expect(run.output.contains("1. Report the workplace to your lead today."))
        #expect(run.output.contains("  • Wages held back [strong]"))
        #expect(!run.output.contains("Your professional judgement"), "level 2 is the pack's highest: no higher level to offer")
        let result = try JSONValue.parse(Array(try String(contentsOfFile: out, encoding: .utf8).utf8))
        #expect(result["pack"]?["id"]?.string == "labour")
        #expect(result["values"]?["visit_day"]?.string == "2026-02-10")
        #expect(result["values"]?["region_code"]?.string == "coast")
        #expect(result["values"]?["forced_labour_signs"]?.bool == true)
    }

    @Test("a session stopped early names the pack's guided command and its id in the resume hint")
    func resumeHint() {
        let directory = ToolRunner.temporaryDirectory()
        let run = ToolRunner.run(["assess"], input: "q\n", directory: directory)
        #expect(run.code == .ok)
        #expect(run.flat.contains("indicia assess --pack labour --resume \(directory)/indicia-labour-draft.json"))
    }

    /// Five visits: three on the coast in January–March 2026 (farms, wages held back), one inland in
    /// May (a factory where workers sleep), one inland with no date (other work, nothing seen).
    static let visits =
        [
            #"{"id":1,"pack":"labour","answers":{"visited_on":"2026-01-05","region":"coast","trade":"farm","wages_withheld":"yes"}}"#,
            #"{"id":2,"pack":"labour","answers":{"visited_on":"2026-02-05","region":"coast","trade":"farm","wages_withheld":"yes"}}"#,
            #"{"id":3,"pack":"labour","answers":{"visited_on":"2026-03-05","region":"coast","trade":"farm","wages_withheld":"yes","sleeps_on_site":"yes"}}"#,
            #"{"id":4,"pack":"labour","answers":{"visited_on":"2026-05-02","region":"inland","trade":"factory","wages_withheld":"no","sleeps_on_site":"yes"}}"#,
            #"{"id":5,"pack":"labour","answers":{"region":"inland","trade":"other","wages_withheld":"no","sleeps_on_site":"no"}}"#,
        ].joined(separator: "\n") + "\n"

    @Test("indicia report counts its results by the values and labels its report: block names")
    func report() throws {
        let results = ToolRunner.run(["evaluate"], input: Self.visits)
        #expect(results.code == .ok, "\(results.errors)")
        let json = ToolRunner.run(["report", "--format", "json", "--suppress", "1"], input: results.output)
        #expect(json.code == .ok, "\(json.errors)")
        let report = try JSONValue.parse(Array(json.output.utf8))
        let screening = try #require(report["screening"]?.array?.first)
        #expect(screening["title"]?.string == "Labour-exploitation check (test fixture)")
        #expect(screening["screenings"]?.number == 5)
        let tables = screening["tables"]?.array ?? []
        #expect(
            tables.compactMap { $0["id"]?.string } == ["quarter_level", "area_type", "organisation", "judgement", "indicator"], "no action table")
        let cells = tables.flatMap { $0["cells"]?.array ?? [] }
        func count(_ categories: [String: String]) -> Double? {
            cells.first { cell in
                let members = cell["categories"]?.members ?? []
                return members.count == categories.count && members.allSatisfy { categories[$0.0] == $0.1.string }
            }?["count"]?.number
        }
        #expect(count(["quarter": "2026-Q1", "level": "level_2"]) == 3)
        #expect(count(["quarter": "2026-Q2", "level": "level_1"]) == 1)
        #expect(count(["quarter": "not_known", "level": "level_0"]) == 1)
        #expect(count(["area": "coast"]) == 3)
        #expect(count(["area": "inland"]) == 2)
        #expect(count(["area": "coast", "forced_labour_signs": "yes"]) == 3)
        #expect(count(["area": "inland", "forced_labour_signs": "yes"]) == 0)
        #expect(count(["organisation": "farm"]) == 3)
        #expect(count(["organisation": "factory"]) == 1)
        #expect(count(["indicator_lives_at_work": "yes"]) == 2)
        // The Markdown report prints the pack's labels: the region question's choices, its outcomes, its type value.
        let markdown = ToolRunner.run(["report", "--suppress", "1"], input: results.output)
        #expect(markdown.output.contains("| Quarter | Signs of labour exploitation | Worth a follow-up visit | No signs recorded | All levels |"))
        #expect(markdown.output.contains("| On the coast | 3 | 3 |"))
        #expect(markdown.output.contains("| Inland | 2 | 0 |"))
        #expect(markdown.output.contains("| Factory work | 1 |"))
        // Its place is a region, so the report says so (the report: block's title), not "Council area".
        #expect(markdown.output.contains("## Screenings by region and type of exploitation indicated"))
        #expect(markdown.output.contains("| Region | Screenings |"))
        #expect(!markdown.output.contains("Council area"))
        // Nothing is hidden with --suppress 1, and the report says so instead of "from 1 to 0".
        #expect(markdown.output.contains("5 screenings."))
        #expect(markdown.output.contains("No count is hidden (--suppress 1)"))
        #expect(!markdown.output.contains("from 1 to 0"))
        #expect(!markdown.output.contains("wages_held_back") && !markdown.output.contains("| coast |"), "labels, never ids")
    }
}
