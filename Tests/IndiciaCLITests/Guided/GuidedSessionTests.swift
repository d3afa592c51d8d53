import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

/// The guided session, scripted through stdin, on the test-owned welfare-check pack
/// (`Fixtures/packs/*/welfare.yaml`): 13 questions in six sections, an urgent outcome, a step shown
/// at once, levels 0–4 and a report: block. Expectations come from that pack's text.
@Suite("Guided session (scripted through stdin)")
struct GuidedSessionTests {
    /// A complete adult session, in questionnaire order.
    static let adultAnswers = [
        "n", "y",  // safety: no danger, can see them alone
        "2026-05-14", "1", "1",  // the visit: date, North district, nurse
        "2", "n",  // the person: adult, not under 18 when it started
        "y", "y", "1,2", "70",  // signs: papers held, debt, farm and kitchen work, 70 hours
        "2",  // action: sent a notification
        "",  // notes: skipped with Enter
        "",  // professional judgement: keep the computed level
        "",  // no summary file
    ]

    /// Where the questions and choices built in these tests are "defined".
    static let mark = SourceMark(file: "test.yaml", line: 1, column: 1)
    static func choice(_ id: String, _ label: String) -> Choice { Choice(id: id, label: label, mark: mark) }

    static func script(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }
    func script(_ lines: [String]) -> String { Self.script(lines) }

    @Test("a complete session shows the result, and --out equals indicia evaluate for the same answers")
    func complete() throws {
        let directory = ToolRunner.temporaryDirectory()
        let out = directory + "/result.json"
        let run = ToolRunner.run(["screen", "--out", out], input: script(Self.adultAnswers), directory: directory)
        #expect(run.code == .ok, "\(run.output)")
        #expect(run.output.contains("If anyone is in danger right now, call 999."), "the pack's emergency line")
        #expect(run.output.contains("Question 1 of about 13"))
        #expect(run.output.contains("LEVEL OF CONCERN: ADULT WITH SIGNS OF EXPLOITATION"))
        #expect(run.output.contains("1. Make a referral today."))
        #expect(run.output.contains("Fixture helpline: 01632 960 001 (contact details not yet checked"))
        #expect(run.output.contains("Owes money they cannot repay [strong]"))
        #expect(run.output.contains("Works very long hours [medium]"))
        #expect(ToolRunner.permissions(out) == 0o600)
        let draftPath = directory + "/indicia-welfare-draft.json"
        #expect(ToolRunner.permissions(draftPath) == 0o600)

        // The same answers through JSON mode give byte-identical results.
        let draft = try Draft.parse(Array(try Data(contentsOf: URL(fileURLWithPath: draftPath))))
        let viaJSON = ToolRunner.run(["evaluate", "--pack", "welfare"], input: String(decoding: draft.caseDocument, as: UTF8.self) + "\n")
        let guided = try String(contentsOfFile: out, encoding: .utf8)
        #expect(viaJSON.output == guided)
        #expect(guided.contains(#""outcome":{"id":"adult_concern","level":3"#))
    }

    @Test("professional judgement raises the level with a reason; the result shows both levels; only higher levels are offered")
    func judgement() throws {
        let directory = ToolRunner.temporaryDirectory()
        let out = directory + "/result.json"
        // A teacher in the South district, a child whose one sign is long hours: level 3 by the rules.
        var lines = ["n", "y", "2026-05-14", "2", "2", "1"]  // safety, the visit, under 18 (no follow-up question)
        lines += ["n", "n", "3", "65", "3", ""]  // no papers, no debt, other work, 65 hours; nothing yet; no notes
        // Judgement: a bad choice, then level 4, the reason; then no summary file.
        lines += ["y", "0", "1", "Her older brother was recently found working on the same farm.", ""]
        let run = ToolRunner.run(["screen", "--out", out], input: script(lines), directory: directory)
        #expect(run.code == .ok, "\(run.output)")
        #expect(run.output.contains("The rules give level 3 of 4: Child with signs of exploitation."))
        #expect(run.output.contains("1: level 4 — Danger — call 999 now"))
        #expect(!run.output.contains("2: level"), "only levels above the computed one are offered")
        #expect(run.output.contains("Type a number from 1 to 1"))
        let result = try String(contentsOfFile: out, encoding: .utf8)
        #expect(result.contains(#""outcome":{"id":"child_concern","level":3"#))
        #expect(
            result.contains(
                #""judgement":{"level":4,"computed_level":3,"raised":true,"reason":"Her older brother was recently found working on the same farm."}"#
            ))
        #expect(!run.errors.contains("same farm"), "the reason never goes to stderr")
    }

    @Test("--plain prints the result with ASCII bullets only")
    func plainResult() {
        let fancy = ToolRunner.run(["screen"], input: script(Self.adultAnswers))
        let plain = ToolRunner.run(["screen", "--plain"], input: script(Self.adultAnswers))
        #expect(plain.code == .ok, "\(plain.output)")
        #expect(fancy.output.contains("  • Owes money they cannot repay [strong]"))
        #expect(plain.output.contains("  - Owes money they cannot repay [strong]"))
        #expect(!plain.output.contains("•") && !plain.output.contains("→"))
    }

    @Test("a bad answer gets the reason and the same question again")
    func badInput() {
        let run = ToolRunner.run(["screen"], input: script(["maybe", "7"]))
        #expect(run.output.contains("Please answer y (yes) or n (no)."))
        #expect(run.output.components(separatedBy: "Is anyone in danger right now?").count == 2)
        #expect(run.code == .interrupted)
    }

    @Test("k where \"not known\" is not an answer says what to type instead, and the question is asked again")
    func notKnownRefused() {
        // worker_role: three choices, optional; age_band: two choices, required; neither takes "not known".
        let run = ToolRunner.run(["screen"], input: script(["n", "y", "2026-05-14", "1", "k", "1", "k", "2"]))
        // The message is wrapped to the terminal's width: compare with the line breaks taken out.
        let output = run.output.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(
            output.contains("\"Not known\" is not an option for this question: choose one of 1 (Nurse), 2 (Teacher), 3 (Volunteer), or s to skip."))
        #expect(output.contains("\"Not known\" is not an option for this question: choose 1 (Under 18) or 2 (18 or over)."))
        #expect(output.components(separatedBy: "\"Not known\" is not an option").count == 3)
        // The answer typed after each refusal was taken: the session went on to the next question.
        #expect(run.output.contains("Were they under 18"))
    }

    @Test(
        "the k refusal names what each kind of question takes",
        arguments: [
            (QuestionKind.yesNo, true, "type y (yes) or n (no)."),
            (
                QuestionKind.singleChoice([Self.choice("yes", "Yes"), Self.choice("no", "No"), Self.choice("not_sure", "Not sure")]
                ), true,
                "choose one of 1 (Yes), 2 (No), 3 (Not sure)."
            ),
            (QuestionKind.singleChoice((1...7).map { Self.choice("c\($0)", "C\($0)") }), true, "choose one of 1 to 7."),
            (
                QuestionKind.multipleChoice([Self.choice("a", "A"), Self.choice("b", "B")]), false,
                "choose one or more of 1 to 2, or s to skip."
            ),
            (QuestionKind.integer(min: 0, max: 10, unit: nil), true, "type a number."),
            (QuestionKind.date, false, "type a date, or s to skip."),
            (QuestionKind.text(maxLength: 100), false, "type your answer, or s to skip."),
        ])
    func notKnownRefusedByKind(_ kind: QuestionKind, _ required: Bool, _ ending: String) {
        let question = Question(
            id: "q", text: "Q?", help: nil, kind: kind, required: required, allowsNotKnown: false, showIf: nil, section: "s",
            mark: Self.mark)
        let message = GuidedSession.notKnownRefused(question)
        #expect(message.hasPrefix("\"Not known\" is not an option for this question: "))
        #expect(message.hasSuffix(ending))
    }

    @Test("back returns to the previous question with its answer; Enter keeps it")
    func back() {
        let run = ToolRunner.run(["screen"], input: script(["n", "b", "", "y"]))
        #expect(run.output.contains("Current answer: No — press Enter to keep it"))
        #expect(run.output.components(separatedBy: "Question 1 of about").count == 3, "asked, then asked again after b")
        #expect(run.output.contains("Question 2 of about"))
    }

    @Test("changing an earlier answer re-applies skip logic and says which answers were dropped")
    func reviewAndChange() {
        // The adult session up to the action taken, then review: change "How old is the person?"
        // (the 6th answer shown) to under 18; the adult-only follow-up no longer applies.
        var lines = Array(Self.adultAnswers.prefix(12))
        lines += ["r", "6", "1"]
        lines += ["", "", ""]  // notes, judgement, summary
        let run = ToolRunner.run(["screen"], input: script(lines))
        #expect(run.code == .ok, "\(run.output)")
        #expect(run.output.contains("6. How old is the person? — 18 or over"))
        #expect(run.flat.contains("These earlier answers no longer apply and have been removed: \"Were they under 18 when it started?\""))
        #expect(run.output.contains("LEVEL OF CONCERN: CHILD WITH SIGNS OF EXPLOITATION"))
    }

    @Test("when the person cannot be seen alone, the pack's immediate step is shown at once, before the next question")
    func cannotSeeAlone() throws {
        let run = ToolRunner.run(["screen", "--plain"], input: script(["n", "n", "q"]))
        let advice = try #require(run.output.range(of: "You cannot see the person alone."))
        let next = try #require(run.output.range(of: "Question 3 of about"))
        #expect(advice.lowerBound < next.lowerBound)
        #expect(run.output.contains("== Do this now =="))
        #expect(run.output.contains("Fixture helpline: 01632 960 001"))
    }

    @Test("an urgent outcome interrupts at once with the pack's label and summary")
    func urgent() {
        let run = ToolRunner.run(["screen"], input: script(["y", "q"]))
        #expect(run.output.contains("DANGER — CALL 999 NOW"))
        #expect(run.output.contains("Someone may be in danger. Call 999 now."))
        #expect(run.code == .interrupted)
    }

    @Test("the urgent interrupt lists the next steps for the answers so far, so stopping there to call loses nothing")
    func urgentShowsSteps() throws {
        let run = ToolRunner.run(["screen"], input: script(["y", "q"]))
        // Only the danger question is answered: its step (call 999, with the number) applies; the
        // referral step, which needs an adult or child concern, does not yet.
        let heading = try #require(run.output.range(of: "NEXT STEPS (for the answers so far)"))
        let step = try #require(run.output.range(of: "1. Call 999 now."))
        let contact = try #require(run.output.range(of: "→ Emergency services: 999"))
        let prompt = try #require(run.output.range(of: "Press Enter to carry on with the questions"))
        #expect(heading.upperBound <= step.lowerBound && step.upperBound <= contact.lowerBound && contact.upperBound <= prompt.lowerBound)
        #expect(!run.output.contains("Make a referral today."))
        #expect(!run.output.contains("Question 2 of about"), "q at the interrupt stops before the next question")
        let plain = ToolRunner.run(["screen", "--plain"], input: script(["y", "q"]))
        #expect(plain.output.contains("   - Emergency services: 999"))
        #expect(!plain.output.contains("→"))
    }

    @Test("end of input keeps the draft; --resume restores every answer and carries on")
    func resume() throws {
        let directory = ToolRunner.temporaryDirectory()
        let first = ToolRunner.run(["screen"], input: script(Array(Self.adultAnswers.prefix(6))), directory: directory)
        #expect(first.code == .interrupted)
        #expect(first.flat.contains("Your answers are saved in \(directory)/indicia-welfare-draft.json"))
        #expect(first.flat.contains("indicia screen --pack welfare --resume \(directory)/indicia-welfare-draft.json"))
        let draftPath = directory + "/indicia-welfare-draft.json"
        let saved = try Draft.parse(Array(try Data(contentsOf: URL(fileURLWithPath: draftPath))))
        #expect(saved.asked.count == 6)
        let rest = Array(Self.adultAnswers.dropFirst(6))
        let second = ToolRunner.run(["screen", "--resume", draftPath], input: script(rest), directory: directory)
        #expect(second.code == .ok)
        #expect(second.output.contains("Question 7 of about"))
        #expect(!second.output.contains("Question 6 of about"))
        #expect(second.output.contains("LEVEL OF CONCERN: ADULT WITH SIGNS OF EXPLOITATION"))
    }

    @Test("an --out or --summary that cannot be written is refused before the first question")
    func unwritableOutput() {
        let directory = ToolRunner.temporaryDirectory()
        for arguments in [["--out", directory + "/no-such-folder/result.json"], ["--summary", directory]] {
            let run = ToolRunner.run(["screen"] + arguments, input: script(["n", "y"]), directory: directory)
            #expect(run.code == .ioError)
            #expect(run.errors.contains("cannot be written"))
            #expect(!run.output.contains("Question 1"))
            #expect(!FileManager.default.fileExists(atPath: directory + "/indicia-welfare-draft.json"))
        }
    }

    @Test("a draft made with a different version of the pack is refused unless --force")
    func changedPack() throws {
        let directory = ToolRunner.temporaryDirectory()
        _ = ToolRunner.run(["screen"], input: script(["n", "y"]), directory: directory)
        let draftPath = directory + "/indicia-welfare-draft.json"
        var draft = try Draft.parse(Array(try Data(contentsOf: URL(fileURLWithPath: draftPath))))
        draft.sha256 = String(repeating: "0", count: 64)
        draft.revision = "2025.1"
        try Data(draft.serialized).write(to: URL(fileURLWithPath: draftPath))
        let refused = ToolRunner.run(["screen", "--resume", draftPath], directory: directory)
        #expect(refused.code == .dataError)
        // 7.1 is the fixture pack's revision.
        #expect(refused.errors.contains("the pack has changed since the draft was saved (draft: revision 2025.1; pack now: revision 7.1)"))
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
        #expect(FileManager.default.fileExists(atPath: directory + "/indicia-welfare-draft.json.old"))
    }
}

/// Which pack a guided command runs comes from the packs (`guided_command:`), never from Swift.
@Suite("Guided command and pack")
struct GuidedCommandTests {
    /// A packs folder holding the welfare pack, and a second copy of it under another id when asked.
    static func packs(copies ids: [String]) throws -> String {
        let root = ToolRunner.temporaryDirectory()
        for folder in ["rules", "questionnaires"] {
            try FileManager.default.createDirectory(atPath: root + "/" + folder, withIntermediateDirectories: true)
        }
        let source = ToolRunner.fixturePacks
        try FileManager.default.copyItem(atPath: source + "/rules/welfare-services.yaml", toPath: root + "/rules/welfare-services.yaml")
        for id in ids {
            for folder in ["rules", "questionnaires"] {
                let text = try String(contentsOfFile: source + "/\(folder)/welfare.yaml", encoding: .utf8)
                    .replacingOccurrences(of: "id: welfare\n", with: "id: \(id)\n")
                    .replacingOccurrences(of: "questionnaire: welfare\n", with: "questionnaire: \(id)\n")
                try text.write(toFile: root + "/\(folder)/\(id).yaml", atomically: true, encoding: .utf8)
            }
        }
        return root
    }

    @Test("without --pack, the one pack that declares the command runs; its id names the draft")
    func onePack() throws {
        let root = try Self.packs(copies: ["visit"])
        let run = ToolRunner.run(["screen", "--packs", root], input: "q\n")
        #expect(run.code == .ok)
        #expect(run.output.hasPrefix("Welfare check (test fixture)\n"))
        #expect(run.flat.contains("indicia screen --pack visit --resume"))
    }

    @Test("several packs declaring the command is a usage error naming them; none is exit 65")
    func ambiguousOrNone() throws {
        let root = try Self.packs(copies: ["visit", "welfare"])
        let several = ToolRunner.run(["screen", "--packs", root], input: "q\n")
        #expect(several.code == .usage)
        #expect(several.errors == "indicia screen: several packs declare guided_command: screen (visit, welfare); name one with --pack ID\n")
        #expect(several.output == "")
        let none = ToolRunner.run(["assess", "--packs", root], input: "q\n")
        #expect(none.code == .dataError)
        #expect(none.errors.hasPrefix("indicia assess: no pack found declares guided_command: assess;"))
        #expect(ToolRunner.run(["screen", "--packs", root, "--pack", "visit"], input: "q\n").code == .ok)
    }

    @Test("the resume hint names the command that ran the session")
    func hintNamesTheCommand() {
        let run = ToolRunner.run(["assess", "--pack", "welfare"], input: "q\n")
        #expect(run.code == .ok)
        #expect(run.flat.contains("indicia assess --pack welfare --resume"))
    }
}

@Suite("Guided session into the network report")
struct GuidedReportTests {
    @Test("a guided session records the proposed date, the district and the action, and the report counts them")
    func sessionShowsInReport() throws {
        let directory = ToolRunner.temporaryDirectory()
        var answers = GuidedSessionTests.adultAnswers
        answers[2] = ""  // accept the proposed date (today, injected as 2026-08-03)
        let out = directory + "/result.json"
        let run = ToolRunner.run(["screen", "--out", out], input: GuidedSessionTests.script(answers), directory: directory, today: "2026-08-03")
        #expect(run.code == .ok, "\(run.output)")
        #expect(run.output.contains("Today is 2026-08-03 — press Enter to use it"))
        let result = try JSONValue.parse(Array(try String(contentsOfFile: out, encoding: .utf8).utf8))
        #expect(result["values"]?["visit_date_reported"]?.string == "2026-08-03")
        #expect(result["values"]?["district_reported"]?.string == "north")
        #expect(result["values"]?["action_reported"]?.string == "notified")
        // One session: with the threshold at 1 nothing is hidden, so the single count shows where it belongs.
        let report = ToolRunner.run(["report", out, "--format", "json", "--suppress", "1"])
        #expect(report.code == .ok, "\(report.errors)")
        /// The report's cells, and the one cell counting exactly these categories.
        func cells(_ output: String) throws -> [JSONValue] {
            let json = try JSONValue.parse(Array(output.utf8))
            return json["screening"]?.array?.first?["tables"]?.array?.flatMap { $0["cells"]?.array ?? [] } ?? []
        }
        func cell(_ categories: [String: String], in cells: [JSONValue]) -> JSONValue? {
            cells.first { cell in
                let members = cell["categories"]?.members ?? []
                return members.count == categories.count && members.allSatisfy { categories[$0.0] == $0.1.string }
            }
        }
        let shown = try cells(report.output)
        func count(_ categories: [String: String]) -> Double? { cell(categories, in: shown)?["count"]?.number }
        #expect(count(["quarter": "2026-Q3"]) == 1)
        #expect(count(["area": "north"]) == 1)
        #expect(count(["area": "south"]) == 0)
        #expect(count(["action": "notified"]) == 1)
        #expect(count(["action": "not_referred"]) == 1, "only 'referral' is an NRM referral in this pack's report: block")
        // With the usual threshold, one session is a small count: each cell that counted it is hidden.
        let hidden = try cells(ToolRunner.run(["report", out, "--format", "json"]).output)
        for categories in [["quarter": "2026-Q3"], ["area": "north"], ["action": "notified"], ["action": "not_referred"]] {
            let found = cell(categories, in: hidden)
            #expect(found?["count"] == .null && found?["hidden"] == .bool(true), "\(categories) is shown")
        }
        let markdown = ToolRunner.run(["report", out])
        #expect(markdown.output.contains("[c]"))
        #expect(!markdown.output.contains("2026-08-03"))
    }
}

/// Every byte one guided session writes, compared with a recorded transcript
/// (`Fixtures/goldens/guided/welfare-session.txt`; `RECORD_GOLDENS=1` re-records it). The fragment
/// checks above say what must be there; this catches every other change to the layout.
@Suite("Guided session transcript")
struct GuidedTranscriptTests {
    @Test("one session through help, a bad answer, an immediate step, not known, back, an out-of-range number, review, skip and judgement")
    func transcript() throws {
        // A folder whose path has the same length on every run (the draft's path is wrapped into the
        // text), shown as ${CWD} in the golden.
        let directory = "/tmp/indicia-golden-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let lines = [
            "?", "maybe", "n",  // help, a bad answer, then no danger
            "n",  // cannot see them alone: the immediate step
            "",  // accept today's date (2026-08-03)
            "k",  // district not known
            "2", "2",  // teacher, adult
            "b", "",  // back to the age question, Enter keeps the answer
            "n", "y", "k", "1,3",  // not under 18 then, papers held, debt not known, farm and other work
            "200", "62",  // hours: out of range, then 62
            "r", "",  // review, then carry on
            "1", "s",  // made a referral; notes skipped
            "y", "1", "Saw a locked gate.",  // judgement: level 4, with the reason
            "",  // no summary file
        ]
        let run = ToolRunner.run(["screen"], input: GuidedSessionTests.script(lines), directory: directory, today: "2026-08-03")
        #expect(run.code == .ok)
        #expect(run.errors == "")
        let transcript = run.output.replacingOccurrences(of: directory, with: "${CWD}")
            .replacingOccurrences(of: "Indicia \(EngineVersion.current)", with: "Indicia ${VERSION}")
        Golden.assert(transcript, "guided/welfare-session.txt")
    }
}

@Suite("Guided training-needs session")
struct GuidedTrainingTests {
    @Test("a pack whose report: block says training gets the agency's action plan after the result; others do not")
    func actionPlan() {
        // Hilltop School, agency 1: 40 staff; spotting the signs at level 2 with all trained (a school
        // needs 2: green); referrals at level 1 with 60% trained (a school needs 3: red, 2 levels
        // short, 16 staff untrained, priority 2 + 40/50 = 2.8); no named lead.
        let answers = ["1", "2026-06-01", "1", "40", "2", "100", "1", "60", "3", "2", ""]
        let run = ToolRunner.run(["assess", "--pack", "skills"], input: GuidedSessionTests.script(answers))
        #expect(run.code == .ok, "\(run.output)")
        #expect(
            run.output.contains(
                "ACTION PLAN (assessed 2026-06-01)\n1. Making referrals — red, level 1 → 3, 60 % trained; about 16 staff; priority\n   2.8.\n   → Train the staff who need it to level 3.\n"
            ))
        #expect(!run.output.contains("Spotting the signs —"), "a green area is not in the plan")
        let screening = ToolRunner.run(["screen"], input: GuidedSessionTests.script(GuidedSessionTests.adultAnswers))
        #expect(screening.code == .ok)
        #expect(!screening.output.contains("ACTION PLAN"))
    }
}
