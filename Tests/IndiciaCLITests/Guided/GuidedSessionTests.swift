import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

@Suite("Guided screening (scripted through stdin)")
struct GuidedSessionTests {
    /// A complete adult screening: answers in questionnaire order.
    static let adultAnswers = [
        "n", "y", "19", "1",  // safety, about you (a charity that is a First Responder)
        "2026-05-14", "4",  // about this screening: date, council area (Leeds)
        "2", "n", "y", "n",  // about the person: adult, not under 18 then, from abroad, no interpreter needed
        "y", "y", "y", "n", "y", "n", "y", "n", "n", "n", "n",  // signs: movement … injuries
        "n", "y", "y", "n", "y", "y", "n", "y", "n", "n", "n",  // signs: speaks for them … place of exploitation
        "1,6", "y",  // exploitation types, dangerous work follow-up
        "n", "n", "n", "y", "n",  // others at risk, dependent children, in contact, safe tonight, care and support needs
        "2",  // consent: declines
        "2",  // action taken: Duty to Notify
        "",  // notes: skipped with Enter
        "",  // professional judgement: keep the computed level
        "",  // no summary file
    ]

    func script(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

    @Test("a complete screening shows the result, and --out equals indicia evaluate for the same answers")
    func complete() throws {
        let directory = ToolRunner.temporaryDirectory()
        let out = directory + "/result.json"
        let run = ToolRunner.run(["screen", "--out", out], input: script(Self.adultAnswers), directory: directory)
        #expect(run.code == .ok, "\(run.output)")
        #expect(run.output.contains("If anyone is in immediate danger, call 999 now."))
        #expect(run.output.contains("Question 1 of about"))
        #expect(run.output.contains("LEVEL OF CONCERN: ADULT WITH INDICATORS OF MODERN SLAVERY"))
        #expect(run.output.contains("Duty to Notify"))
        #expect(run.output.contains("08000 121 700"))
        #expect(run.output.contains("Owes a debt that cannot be repaid [strong]"))
        #expect(ToolRunner.permissions(out) == 0o600)
        let draftPath = directory + "/indicia-screening-draft.json"
        #expect(ToolRunner.permissions(draftPath) == 0o600)

        // The same answers through JSON mode give byte-identical results.
        let draft = try Draft.parse(Array(try Data(contentsOf: URL(fileURLWithPath: draftPath))))
        let viaJSON = ToolRunner.run(["evaluate", "--pack", "screening"], input: String(decoding: draft.caseDocument, as: UTF8.self) + "\n")
        let guided = try String(contentsOfFile: out, encoding: .utf8)
        #expect(viaJSON.output == guided)
        #expect(guided.contains(#""outcome":{"id":"adult_indicators""#))
    }

    @Test("professional judgement raises the level with a reason; the result shows both levels; only higher levels are offered")
    func judgement() throws {
        let directory = ToolRunner.temporaryDirectory()
        let out = directory + "/result.json"
        // A Leeds school worker, a child with one weak sign (missing school): level 3 by the rules.
        // Safety, school, context, under 18, not from abroad, no interpreter.
        var lines = ["n", "y", "15", "2026-05-14", "4", "1", "n", "n"]
        lines += Array(repeating: "n", count: 22) + ["9"]  // no signs; exploitation: none of these
        lines += ["n", "n", "n", "y", "n", "n", "n", "n", "n"]  // child signs: only missing school
        lines += ["n", "n", "y"]  // others at risk, in contact, safe tonight
        lines += ["8", ""]  // action: nothing yet; notes
        // Judgement: a bad choice, then level 4, the reason; then no summary file.
        lines += ["y", "0", "1", "Her older brother was recently found in a cannabis grow.", ""]
        let run = ToolRunner.run(["screen", "--out", out], input: script(lines), directory: directory)
        #expect(run.code == .ok, "\(run.output)")
        #expect(run.output.contains("The rules give level 3 of 4"))
        #expect(run.output.contains("1: level 4"))
        #expect(!run.output.contains("2: level"), "only levels above the computed one are offered")
        #expect(run.output.contains("Type a number from 1 to 1"))
        let result = try String(contentsOfFile: out, encoding: .utf8)
        #expect(result.contains(#""outcome":{"id":"child_indicators","level":3"#))
        #expect(
            result.contains(
                #""judgement":{"level":4,"computed_level":3,"raised":true,"reason":"Her older brother was recently found in a cannabis grow."}"#))
        #expect(!run.errors.contains("cannabis grow"), "the reason never goes to stderr")
    }

    @Test("--plain prints the result with ASCII bullets only")
    func plainResult() {
        let fancy = ToolRunner.run(["screen"], input: script(Self.adultAnswers), directory: ToolRunner.temporaryDirectory())
        let plain = ToolRunner.run(["screen", "--plain"], input: script(Self.adultAnswers), directory: ToolRunner.temporaryDirectory())
        #expect(plain.code == .ok, "\(plain.output)")
        #expect(fancy.output.contains("  • Owes a debt that cannot be repaid [strong]"))
        #expect(plain.output.contains("  - Owes a debt that cannot be repaid [strong]"))
        #expect(!plain.output.contains("•") && !plain.output.contains("→"))
    }

    @Test("a bad answer gets the reason and the same question again")
    func badInput() {
        let run = ToolRunner.run(["screen"], input: script(["maybe", "7"]))
        #expect(run.output.contains("Please answer y (yes) or n (no)."))
        #expect(run.output.components(separatedBy: "Is anyone in immediate danger right now").count == 2)
        #expect(run.code == .interrupted)
    }

    @Test("back returns to the previous question with its answer; Enter keeps it")
    func back() {
        let run = ToolRunner.run(["screen"], input: script(["n", "b", "", "y"]))
        #expect(run.output.contains("Current answer: No — press Enter to keep it"))
        #expect(run.output.contains("Question 2 of about"))
    }

    @Test("changing an earlier answer re-applies skip logic and says which answers were dropped")
    func reviewAndChange() {
        // Adult path up to the consent question, then review, change age to under 18.
        var lines = Array(Self.adultAnswers.prefix(39))  // up to and including the safety-and-risks questions
        lines += ["2"]  // consent: declines
        lines += ["r", "7", "1"]  // review, choose "How old is the person?", answer under 18
        let run = ToolRunner.run(["screen"], input: script(lines))
        #expect(run.flat.contains("These earlier answers no longer apply and have been removed"))
        #expect(run.flat.contains("\"Were they under 18 at any time during what happened to them?\""))
        #expect(run.output.contains("If the person may be a child"))
    }

    @Test("when the person cannot be spoken to alone, the advice is shown at once, before the next question")
    func cannotSpeakAlone() throws {
        let run = ToolRunner.run(["screen", "--plain"], input: script(["n", "n", "q"]))
        let advice = try #require(run.output.range(of: "You cannot speak to the person on their own"))
        let next = try #require(run.output.range(of: "Question 3 of about"))
        #expect(advice.lowerBound < next.lowerBound)
        #expect(run.output.contains("== Do this now =="))
        #expect(run.output.contains("08000 121 700"))
    }

    @Test("an immediate-danger answer interrupts at once with the 999 instruction")
    func urgent() {
        let run = ToolRunner.run(["screen"], input: script(["y", "q"]))
        #expect(run.output.contains("IMMEDIATE DANGER — CALL 999 NOW"))
        #expect(run.output.contains("Someone may be in immediate danger. Call 999 now"))
        #expect(run.code == .interrupted)
    }

    @Test("end of input keeps the draft; --resume restores every answer and carries on")
    func resume() throws {
        let directory = ToolRunner.temporaryDirectory()
        let first = ToolRunner.run(["screen"], input: script(Array(Self.adultAnswers.prefix(10))), directory: directory)
        #expect(first.code == .interrupted)
        #expect(first.flat.contains("Your answers are saved in \(directory)/indicia-screening-draft.json"))
        let draftPath = directory + "/indicia-screening-draft.json"
        let saved = try Draft.parse(Array(try Data(contentsOf: URL(fileURLWithPath: draftPath))))
        #expect(saved.asked.count == 10)
        let rest = Array(Self.adultAnswers.dropFirst(10))
        let second = ToolRunner.run(["screen", "--resume", draftPath], input: script(rest), directory: directory)
        #expect(second.code == .ok)
        #expect(second.output.contains("Question 11 of about"))
        #expect(!second.output.contains("Question 10 of about"))
        #expect(second.output.contains("LEVEL OF CONCERN: ADULT WITH INDICATORS OF MODERN SLAVERY"))
    }

    @Test("an --out or --summary that cannot be written is refused before the first question")
    func unwritableOutput() {
        let directory = ToolRunner.temporaryDirectory()
        for arguments in [["--out", directory + "/no-such-folder/result.json"], ["--summary", directory]] {
            let run = ToolRunner.run(["screen"] + arguments, input: script(["n", "y"]), directory: directory)
            #expect(run.code == .ioError)
            #expect(run.errors.contains("cannot be written"))
            #expect(!run.output.contains("Question 1"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/indicia-screening-draft.json"))
        }
    }

    @Test("a draft made with a different version of the pack is refused unless --force")
    func changedPack() throws {
        let directory = ToolRunner.temporaryDirectory()
        _ = ToolRunner.run(["screen"], input: script(["n", "y"]), directory: directory)
        let draftPath = directory + "/indicia-screening-draft.json"
        var draft = try Draft.parse(Array(try Data(contentsOf: URL(fileURLWithPath: draftPath))))
        draft.sha256 = String(repeating: "0", count: 64)
        draft.revision = "2025.1"
        try Data(draft.serialized).write(to: URL(fileURLWithPath: draftPath))
        let refused = ToolRunner.run(["screen", "--resume", draftPath], directory: directory)
        #expect(refused.code == .dataError)
        #expect(refused.errors.contains("the pack has changed since the draft was saved (draft: revision 2025.1; pack now: revision 2026.11)"))
        let forced = ToolRunner.run(["screen", "--resume", draftPath, "--force"], input: "q\n", directory: directory)
        #expect(forced.code == .ok)
        #expect(forced.output.contains("Question 3 of about"))
    }

    @Test("an existing draft is offered for resuming, and kept as .old when declined")
    func existingDraft() {
        let directory = ToolRunner.temporaryDirectory()
        _ = ToolRunner.run(["screen"], input: script(["n"]), directory: directory)
        let again = ToolRunner.run(["screen"], input: script(["n", "q"]), directory: directory)
        #expect(again.output.contains("An unfinished session was saved"))
        #expect(FileManager.default.fileExists(atPath: directory + "/indicia-screening-draft.json.old"))
    }
}

@Suite("Guided screening into the network report")
struct GuidedReportTests {
    @Test("a guided screening records the proposed date, the council area and the action, and the report counts them")
    func screeningShowsInReport() throws {
        let directory = ToolRunner.temporaryDirectory()
        var answers = GuidedSessionTests.adultAnswers
        answers[4] = ""  // accept the proposed date (today, injected as 2026-08-03)
        let out = directory + "/result.json"
        let run = ToolRunner.run(["screen", "--out", out], input: answers.joined(separator: "\n") + "\n", directory: directory, today: "2026-08-03")
        #expect(run.code == .ok, "\(run.output)")
        #expect(run.output.contains("Today is 2026-08-03 — press Enter to use it"))
        let result = try JSONValue.parse(Array(try String(contentsOfFile: out, encoding: .utf8).utf8))
        #expect(result["values"]?["screening_date_reported"]?.string == "2026-08-03")
        #expect(result["values"]?["council_area_reported"]?.string == "leeds")
        #expect(result["values"]?["action_taken_reported"]?.string == "duty_to_notify")
        // One screening: with the threshold at 1 nothing is hidden, so the single count shows where it belongs.
        let report = ToolRunner.run(["report", out, "--format", "json", "--suppress", "1"])
        #expect(report.code == .ok, "\(report.errors)")
        let json = try JSONValue.parse(Array(report.output.utf8))
        let cells = json["screening"]?.array?.first?["tables"]?.array?.flatMap { $0["cells"]?.array ?? [] } ?? []
        func count(_ categories: [String: String]) -> Double? {
            cells.first { cell in
                let members = cell["categories"]?.members ?? []
                return members.count == categories.count && members.allSatisfy { categories[$0.0] == $0.1.string }
            }?["count"]?.number
        }
        #expect(count(["quarter": "2026-Q3"]) == 1)
        #expect(count(["area": "leeds"]) == 1)
        #expect(count(["area": "bradford"]) == 0)
        #expect(count(["action": "duty_to_notify"]) == 1)
        #expect(count(["action": "not_referred"]) == 1, "a Duty to Notify is not an NRM referral")
        // With the usual threshold, one screening is a small count: it is hidden everywhere it shows.
        let hidden = ToolRunner.run(["report", out])
        #expect(hidden.output.contains("[c]"))
        #expect(!hidden.output.contains("2026-08-03"))
    }
}
