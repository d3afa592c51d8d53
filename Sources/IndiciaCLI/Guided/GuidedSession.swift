import IndiciaKit

/// The prompt loop behind `indicia screen` and `indicia assess`.
final class GuidedSession {
    private let context: Context
    private let reader: LineReader
    private let style: Style
    private let plain: Bool
    private let width: Int
    private var interview: Interview
    private let draftPath: String
    /// The command running the session, named in the hint for resuming it.
    private let command: Questionnaire.GuidedCommand
    private var warnedUrgent: Set<Int> = []
    private var shownImmediate: Set<Int> = []
    private var lastSection = ""

    private init(context: Context, command: Questionnaire.GuidedCommand, interview: Interview, draftPath: String, plain: Bool) {
        self.context = context
        self.command = command
        self.interview = interview
        self.draftPath = draftPath
        self.plain = plain
        reader = LineReader(context.input)
        style = Style(sink: context.output, environment: context.environment, plain: plain)
        width = max(40, min(context.output.width ?? 80, 100))
    }

    /// Runs `indicia screen` or `indicia assess`: the pack `--pack` names, or else the one pack
    /// found whose questionnaire declares this command (`guided_command:`). No pack id is built in.
    static func run(_ arguments: Arguments, _ context: Context, command: Questionnaire.GuidedCommand) -> ExitCode {
        let name = command.rawValue
        let locator = PackLocator(option: arguments.options["--packs"], context: context)
        let packOption: String
        if let option = arguments.options["--pack"] {
            packOption = option
        } else {
            let ids = PackLibrary.load(paths: locator.defaultPaths).ruleSetIDs(guidedBy: command)
            guard ids.count == 1, let only = ids.first else {
                context.errors.write(
                    ids.isEmpty
                        ? "indicia \(name): no pack found declares guided_command: \(name); name one with --pack ID|PATH (or --packs DIR)\n"
                        : "indicia \(name): several packs declare guided_command: \(name) (\(ids.joined(separator: ", "))); name one with --pack ID\n"
                )
                return ids.isEmpty ? .dataError : .usage
            }
            packOption = only
        }
        let cache = PackCache(locator: locator)
        let runtime: PackRuntime
        switch cache.load(packOption: packOption) {
        case .success(let index): runtime = cache.runtime(index)
        case .failure(let failure):
            failure.report(to: context, command: name)
            return failure.noInput ? .noInput : .dataError
        }
        // Found out now, not after the last question.
        for option in ["--out", "--summary"] {
            if let path = arguments.options[option], !FileSystem.canWriteFile(at: path) {
                context.errors.write("indicia: \(option) \(path) cannot be written (is the folder there, and writable?)\n")
                return .ioError
            }
        }
        let id = runtime.pack.identity.id
        var draftPath = arguments.options["--resume"] ?? arguments.options["--draft"] ?? "indicia-\(id)-draft.json"
        if !draftPath.hasPrefix("/") { draftPath = context.currentDirectory + "/" + draftPath }
        var interview = Interview(runtime: runtime)
        if let resume = arguments.options["--resume"] {
            guard let bytes = try? FileSystem.read(resume, limit: 8 << 20).get() else {
                context.errors.write("indicia: cannot read the draft \(resume)\n")
                return .noInput
            }
            do throws(DraftError) {
                interview = try Interview(
                    resuming: try Draft.parse(bytes), runtime: runtime, allowChangedPack: arguments.switches.contains("--force"))
            } catch {
                context.errors.write("indicia: \(error)\n")
                return .dataError
            }
        }
        Platform.catchInterrupt()
        let session = GuidedSession(
            context: context, command: command, interview: interview, draftPath: draftPath, plain: arguments.switches.contains("--plain"))
        if arguments.options["--resume"] == nil, FileSystem.isFile(draftPath) {
            guard session.handleExistingDraft() else { return session.stop(interrupted: true) }
        }
        return session.loop(out: arguments.options["--out"], summary: arguments.options["--summary"])
    }

    // MARK: Output

    private func say(_ text: String = "") { context.output.write(text + "\n") }

    private func wrapped(_ text: String, indent: String = "", firstIndent: String? = nil) -> String {
        var out = TextWrap.wrap(text, width: width, indent: indent, firstIndent: firstIndent)
        if out.hasSuffix("\n") { out.removeLast() }
        return out
    }

    private func rule(_ title: String) -> String {
        plain ? "== \(title) ==" : "── \(title) " + String(repeating: "─", count: max(3, width - title.count - 4))
    }

    private func prompt() -> String? {
        context.output.write("> ")
        context.output.flush()
        let line = reader.readLine()
        if line == nil { say() }
        return line
    }

    // MARK: Drafts

    @discardableResult
    private func saveDraft() -> Bool {
        FileSystem.writeFileAtomically(draftPath, interview.draft.serialized)
    }

    private func handleExistingDraft() -> Bool {
        say(wrapped("An unfinished session was saved in \(draftPath). Continue it? (y/n)"))
        while let line = prompt() {
            switch line.lowercased().trimmed {
            case "y", "yes":
                if let bytes = try? FileSystem.read(draftPath, limit: 8 << 20).get(), let draft = try? Draft.parse(bytes) {
                    do throws(DraftError) {
                        interview = try Interview(resuming: draft, runtime: interview.runtime, allowChangedPack: false)
                        return true
                    } catch {
                        say(wrapped("That draft cannot be continued: \(error). It is kept as \(draftPath).old; starting afresh."))
                    }
                } else {
                    say(wrapped("That draft cannot be read. It is kept as \(draftPath).old; starting afresh."))
                }
                _ = FileSystem.rename(draftPath, to: draftPath + ".old")
                return true
            case "n", "no":
                _ = FileSystem.rename(draftPath, to: draftPath + ".old")
                say(wrapped("Starting afresh. The earlier answers are kept in \(draftPath).old."))
                return true
            default:
                say("Please answer y or n.")
            }
        }
        return false
    }

    private func stop(interrupted: Bool) -> ExitCode {
        saveDraft()
        say()
        say(wrapped("Your answers are saved in \(draftPath). Continue later with:"))
        let command =
            context.environment["INDICIA_INVOKED_AS"]
            ?? "indicia \(command.rawValue) --pack \(interview.pack.identity.id)"
        say("  \(command) --resume \(draftPath)")
        context.output.flush()
        return interrupted ? .interrupted : .ok
    }

    // MARK: The session

    private func opening() {
        let questionnaire = interview.pack.questionnaire
        say(style.bold(questionnaire.title))
        say()
        // The pack's emergency line comes first, in red (capitals when plain, for a screen reader).
        if let emergency = questionnaire.emergency {
            say(plain ? wrapped(emergency.uppercased()) : style.red(wrapped(emergency)))
            say()
        }
        if let intro = questionnaire.intro { say(wrapped(intro)) }
        say()
        say(wrapped("Commands at any question: ? help · b back · s skip · k not known · r review · q save and quit"))
        say(wrapped("Your answers are saved as you go in \(draftPath) (readable only by you)."))
        say()
    }

    private func loop(out: String?, summary: String?) -> ExitCode {
        opening()
        while let index = interview.nextQuestion {
            if Platform.interrupted { return stop(interrupted: true) }
            switch ask(index) {
            case .next: continue
            case .quit: return stop(interrupted: false)
            case .interrupted: return stop(interrupted: true)
            }
        }
        saveDraft()
        return finish(out: out, summary: summary)
    }

    private enum Step { case next, quit, interrupted }

    private func ask(_ index: Int) -> Step {
        let pack = interview.pack
        let question = pack.questionnaire.questions[index]
        if question.section != lastSection, let section = pack.questionnaire.sections.first(where: { $0.id == question.section }) {
            lastSection = question.section
            say()
            say(style.bold(rule(section.title)))
            if let intro = section.intro { say(wrapped(intro)) }
        }
        let (position, total) = interview.progress(of: index)
        say()
        say(style.dim("Question \(position) of about \(total)"))
        say(style.bold(wrapped(question.text)))
        let choices: [String]
        switch question.kind {
        case .yesNo: choices = ["Yes", "No"]
        case .singleChoice(let list), .multipleChoice(let list): choices = list.map(\.label)
        default: choices = []
        }
        for (n, label) in choices.enumerated() { say(wrapped("\(n + 1): \(label)", indent: "   ", firstIndent: "  ")) }
        if case .multipleChoice = question.kind { say(style.dim("  Type the numbers of all that apply, e.g. 1,3")) }
        if case .integer(_, _, let unit?) = question.kind { say(style.dim("  (\(unit))")) }
        if case .decimal(_, _, let unit?) = question.kind { say(style.dim("  (\(unit))")) }
        if case .date = question.kind { say(style.dim("  (YYYY-MM-DD)")) }
        var current = interview.answers.values[index]
        if current != .missing(.unanswered) {
            say(style.dim("  Current answer: \(AnswerFormat.label(of: current, question: question, pack: pack)) — press Enter to keep it"))
        } else if question.suggestsToday {
            // The proposal is an answer only once the worker accepts it with Enter.
            let day =
                (context.today ?? context.environment["INDICIA_TODAY"]).flatMap { CalendarDate.days(fromISO: $0) } ?? Platform.today()
            current = .date(day)
            say(style.dim("  Today is \(CalendarDate.iso(fromDays: day)) — press Enter to use it, or type another date"))
        }
        let options =
            ["? help", "b back"] + (question.required ? [] : ["s skip"]) + (question.allowsNotKnown ? ["k not known"] : []) + [
                "r review", "q save and quit",
            ]
        say(style.dim("  " + options.joined(separator: " · ")))
        while true {
            guard let line = prompt() else { return .interrupted }
            let input = line.trimmed
            switch input.lowercased() {
            case "?", "h", "help":
                say(wrapped(question.help ?? "There is no extra guidance for this question.", indent: "  "))
                say(
                    style.dim(
                        wrapped(
                            "Commands: ? help · b back · s skip (if the question is optional) · k not known (where allowed) · r review and change answers · q save and quit",
                            indent: "  ")))
                continue
            case "b", "back":
                if interview.back() == nil {
                    say("  This is the first question.")
                    continue
                }
                return .next
            case "q", "quit", "exit":
                return .quit
            case "r", "review":
                review()
                return .next
            case "s", "skip":
                guard !question.required else {
                    say(question.allowsNotKnown ? "  This question needs an answer; type k if it is not known." : "  This question needs an answer.")
                    continue
                }
                reportDropped(interview.skip(index))
                saveDraft()
                return .next
            case "k", "not known", "unknown", "dk":
                guard question.allowsNotKnown else {
                    say(wrapped(Self.notKnownRefused(question), indent: "  "))
                    continue
                }
                reportDropped(interview.record(.missing(.notKnown), for: index))
            case "":
                guard current != .missing(.unanswered) else {
                    if !question.required {
                        reportDropped(interview.skip(index))
                        saveDraft()
                        return .next
                    }
                    say("  Please type an answer, or ? for help.")
                    continue
                }
                reportDropped(interview.record(current, text: interview.answers.texts[index], for: index))
            default:
                switch AnswerInput.parse(input, for: question, pack: pack) {
                case .failure(let problem):
                    say("  " + problem.message)
                    continue
                case .success(let (value, text)):
                    reportDropped(interview.record(value, text: text, for: index))
                }
            }
            if !saveDraft() {
                say(style.red("  Warning: the draft could not be saved to \(draftPath)."))
            }
            guard warnIfUrgent() else { return .interrupted }
            showImmediateSteps()
            return .next
        }
    }

    /// What to say when `k` is typed where "not known" is not an answer: what to type instead. A few
    /// choices are named, so that a pack's own "Not sure" choice (the NRM First Responder question,
    /// the person's age) is in front of the worker; an optional question can be skipped.
    static func notKnownRefused(_ question: Question) -> String {
        var text = "\"Not known\" is not an option for this question: "
        switch question.kind {
        case .yesNo:
            text += "type y (yes) or n (no)"
        case .singleChoice(let choices) where choices.count <= 6:
            let named = choices.enumerated().map { "\($0.offset + 1) (\($0.element.label))" }
            text += "choose " + (named.count == 2 ? named.joined(separator: " or ") : "one of " + named.joined(separator: ", "))
        case .singleChoice(let choices):
            text += "choose one of 1 to \(choices.count)"
        case .multipleChoice(let choices):
            text += "choose one or more of 1 to \(choices.count)"
        case .integer, .decimal:
            text += "type a number"
        case .date:
            text += "type a date"
        case .text:
            text += "type your answer"
        }
        if !question.required { text += ", or s to skip" }
        return text + "."
    }

    /// Steps marked `immediate: true` are shown as soon as they apply, once each: advice the worker
    /// needs before asking anything more (for example when the person cannot be seen alone).
    private func showImmediateSteps() {
        let pack = interview.pack
        let evaluation = interview.evaluation
        for index in evaluation.recommendations where pack.rules.recommendations[index].immediate && !shownImmediate.contains(index) {
            shownImmediate.insert(index)
            say()
            say(style.bold(rule("Do this now")))
            say(wrapped(pack.rules.recommendations[index].text))
            for service in pack.services(ofRecommendation: index, in: evaluation) {
                let contact = [service.phone, service.url, service.email].compactMap { $0 }.joined(separator: "  ")
                say(wrapped("\(service.name): \(contact)", indent: "   "))
            }
            say()
        }
    }

    private func reportDropped(_ dropped: [Int]) {
        guard !dropped.isEmpty else { return }
        let questions = interview.pack.questionnaire.questions
        say(
            wrapped(
                "  These earlier answers no longer apply and have been removed: "
                    + dropped.map { "\"\(questions[$0].text)\"" }.joined(separator: "; ")))
    }

    /// Interrupts at once when an urgent outcome is reached. Returns false if input ended.
    private func warnIfUrgent() -> Bool {
        guard let band = interview.urgentOutcome, let index = interview.pack.rules.outcomes.firstIndex(of: band),
            !warnedUrgent.contains(index)
        else { return true }
        warnedUrgent.insert(index)
        say()
        let line = plain ? String(repeating: "!", count: min(width, 60)) : String(repeating: "━", count: min(width, 60))
        say(style.red(line))
        say(style.red(style.bold(band.label.uppercased())))
        if let summary = band.summary { say(style.red(wrapped(summary))) }
        say(style.red(line))
        // The summary points to the next steps: they are shown now, for the answers so far, so that
        // someone who stops here to make the call has them too (the result at the end has them all).
        let evaluation = interview.evaluation
        say(style.bold("NEXT STEPS (for the answers so far)"))
        context.output.write(ResultSummary.nextSteps(evaluation, pack: interview.pack, width: width, plain: plain))
        say()
        say(wrapped("Press Enter to carry on with the questions when it is safe, or q to save and stop."))
        guard let answer = prompt() else { return false }
        if answer.lowercased().trimmed == "q" { return false }
        return true
    }

    private func review() {
        let pack = interview.pack
        let questions = pack.questionnaire.questions
        let shown = interview.visibleQuestions.filter { interview.wasAsked($0) }
        say()
        say(style.bold(rule("Your answers")))
        for (n, index) in shown.enumerated() {
            let value = interview.answers.values[index]
            let answer = value == .missing(.unanswered) ? "(skipped)" : AnswerFormat.label(of: value, question: questions[index], pack: pack)
            say(wrapped("\(n + 1). \(questions[index].text) — \(answer)", indent: "    "))
        }
        say("Type a number to change that answer, or press Enter to carry on.")
        guard let line = prompt() else { return }
        if let n = Int(line.trimmed), n >= 1, n <= shown.count {
            interview.reopen(shown[n - 1])
        }
    }

    /// Offers to raise the level of concern on professional judgement, with a reason. Returns nil
    /// when the worker keeps the computed level (or input ends). Only higher levels are offered.
    private func askJudgement(_ evaluation: Evaluation) -> Judgement? {
        let pack = interview.pack
        let computed = evaluation.computedLevel(in: pack)
        let higher = pack.levels(above: computed)
        guard !higher.isEmpty else { return nil }
        say()
        say(style.bold(rule("Your professional judgement")))
        say(
            wrapped(
                "The rules give level \(computed) of \(pack.highestLevel): \(pack.rules.outcomes[evaluation.outcome].label). "
                    + "If your professional judgement is that the concern is higher, you can record a higher level and why. "
                    + "The result will show both. Judgement can raise the level, never lower it."))
        say(wrapped("Type y to record a higher level, or press Enter to see the result."))
        guard let answer = prompt()?.trimmed.lowercased(), answer == "y" || answer == "yes" else { return nil }
        say("Which level of concern?")
        for (n, option) in higher.enumerated() {
            say(wrapped("\(n + 1): level \(option.level) — \(option.labels.joined(separator: " / "))", indent: "   "))
        }
        var level: Int?
        while level == nil {
            guard let line = prompt()?.trimmed else { return nil }
            if line.isEmpty { return nil }
            if let n = Int(line), n >= 1, n <= higher.count {
                level = higher[n - 1].level
            } else {
                say(wrapped("Type a number from 1 to \(higher.count), or press Enter to keep the level the rules gave."))
            }
        }
        say(
            wrapped(
                "Why? Say what makes you more concerned. It is kept in your result and summary, never in network reports. "
                    + "Press Enter on an empty line to keep the level the rules gave."))
        while true {
            guard let line = prompt()?.trimmed else { return nil }
            if line.isEmpty { return nil }
            if line.unicodeScalars.count > Judgement.maxReasonLength {
                say(wrapped("That is longer than \(Judgement.maxReasonLength) characters; please shorten it."))
                continue
            }
            if let level { return Judgement(level: level, reason: line) }
            return nil
        }
    }

    private func finish(out: String?, summary: String?) -> ExitCode {
        var evaluation = interview.evaluation
        let pack = interview.pack
        // A training-needs result (the pack's report: block says so) also gets its action plan: each
        // gap, the course, the staff and the priority.
        var plan = ""
        if let report = pack.rules.report, report.kind == .training,
            let result = try? JSONValue.parse(interview.runtime.resultJSON(evaluation, id: nil)),
            let record = TrainingRecord(result: result, conventions: report)
        {
            var labels = TrainingLabels()
            labels.add(pack)
            plan = "\n" + TrainingActionPlan(record, labels: labels).render(labels: labels, markdown: false, width: width)
        }
        var text = ResultSummary.text(evaluation, pack: pack, width: width, plain: plain) + plan
        say()
        say(style.bold(rule("Result")))
        context.output.write(text)
        if let judgement = askJudgement(evaluation) {
            evaluation.judgement = judgement
            text = ResultSummary.text(evaluation, pack: pack, width: width, plain: plain) + plan
            say(
                wrapped(
                    "Recorded: your professional judgement puts the level of concern at \(judgement.level) (the rules gave "
                        + "\(evaluation.computedLevel(in: pack))). The result and the summary show both, with your reason."))
        }
        var code = ExitCode.ok
        if let out {
            let json = interview.runtime.resultJSON(evaluation, id: nil) + [0x0A]
            if FileSystem.writeFileAtomically(out, json) {
                say(wrapped("The result (JSON) is saved in \(out)."))
            } else {
                say(style.red("Could not write \(out)."))
                code = .ioError
            }
        }
        var summaryPath = summary
        if summaryPath == nil {
            say()
            say(wrapped("To keep a plain-text summary for the case record, type a file name; or press Enter to finish."))
            if let line = prompt()?.trimmed, !line.isEmpty { summaryPath = line }
        }
        if let summaryPath {
            if FileSystem.writeFileAtomically(summaryPath, Array(text.utf8)) {
                say(wrapped("The summary is saved in \(summaryPath) (readable only by you)."))
            } else {
                say(style.red("Could not write \(summaryPath)."))
                code = .ioError
            }
        }
        say(wrapped("Your answers are also in \(draftPath) (readable only by you). Delete it when you have recorded the result."))
        context.output.flush()
        return code
    }
}
