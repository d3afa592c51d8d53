/// A plain-text account of a result: level of concern (or the heading the rule set gives its
/// outcome), next steps with contacts, and why —
/// for the guided CLI's result screen and for pasting into a case record.
public enum ResultSummary {
    /// A band that could not be ruled out lists the questions it rests on in its own line when
    /// there are at most this many (something to ask next); more would push the next steps off the
    /// screen, so they are counted there and listed at the end.
    static let inlineQuestions = 5

    /// Renders the summary.
    ///
    /// - Parameters:
    ///   - evaluation: The evaluated case.
    ///   - pack: The pack.
    ///   - width: Line width.
    ///   - plain: ASCII bullets and arrows, for screen readers and terminals without UTF-8.
    /// - Returns: The text.
    public static func text(_ evaluation: Evaluation, pack: CompiledPack, width: Int = 78, plain: Bool = false) -> String {
        let rules = pack.rules
        let band = rules.outcomes[evaluation.outcome]
        let questions = pack.questionnaire.questions
        var out = ""
        let heading = rules.outcomeHeading ?? RuleSet.defaultOutcomeHeading
        out += "\(heading.uppercased()): \(band.label.uppercased())\n"
        if let summary = band.summary { out += TextWrap.wrap(summary, width: width) }
        if let judgement = evaluation.judgement {
            let computed = evaluation.computedLevel(in: pack)
            let line =
                evaluation.judgementRaises(in: pack)
                ? "Raised by professional judgement: level \(judgement.level) (the rules gave level \(computed)). Reason: \(judgement.reason)"
                : "Professional judgement recorded at level \(judgement.level), which is not above the level the rules gave (\(computed)): "
                    + "judgement can raise the level of concern, never lower it. Reason: \(judgement.reason)"
            out += "\n" + TextWrap.wrap(line, width: width, indent: "  ", firstIndent: "! ")
        }
        // Questions behind a band that could not be ruled out, when too many to list in its line.
        var listedAtEnd: Set<Int> = []
        for index in evaluation.undetermined {
            let undecided = rules.outcomes[index]
            let missing = evaluation.missingQuestions(among: pack.dependencies.outcomes[index])
            var line = "Could not be ruled out: \(undecided.label). "
            if missing.count <= inlineQuestions {
                line += "Not known or not answered: " + missing.map { questions[$0].text }.joined(separator: " / ")
            } else {
                line += "\(missing.count) questions it rests on are not known or not answered (listed at the end)."
                listedAtEnd.formUnion(missing)
            }
            out += "\n" + TextWrap.wrap(line, width: width, indent: "  ", firstIndent: "! ")
        }
        out += "\nNEXT STEPS\n" + nextSteps(evaluation, pack: pack, width: width)
        let fired = evaluation.firedIndicators(pack)
        // A pack with no indicators (a training-needs assessment) has none to explain: no heading
        // saying that none were recorded.
        if !rules.indicators.isEmpty {
            out += "\nWHY: INDICATORS PRESENT\n"
            if fired.isEmpty { out += "  No indicators were recorded.\n" }
        }
        for index in fired {
            let indicator = rules.indicators[index]
            let strength = indicator.strength.map { " [\($0)]" } ?? ""
            out += TextWrap.wrap("\(indicator.label)\(strength)", width: width, indent: "    ", firstIndent: "  • ")
            for question in evaluation.evidence(forIndicator: index, in: pack) {
                let answer = AnswerFormat.label(of: evaluation.slots[question], question: questions[question], pack: pack)
                out += TextWrap.wrap("\(questions[question].text) — \(answer)", width: width, indent: "      ", firstIndent: "    ")
            }
        }
        let undecided = evaluation.indeterminateIndicators(pack)
        if !undecided.isEmpty {
            out +=
                "\n"
                + TextWrap.wrap(
                    "\(undecided.count) further indicator(s) could not be assessed because answers are not known: "
                        + undecided.map { rules.indicators[$0].label }.joined(separator: "; ") + ".",
                    width: width)
        }
        let findings = rules.values.enumerated().filter { $0.element.output && $0.element.label != nil }
            .compactMap { (index, value) -> String? in
                guard case .bool(true) = evaluation.slots[pack.valueSlots[index]], let label = value.label else { return nil }
                return label
            }
        if !findings.isEmpty {
            out += "\nFINDINGS\n"
            for finding in findings { out += TextWrap.wrap(finding, width: width, indent: "    ", firstIndent: "  • ") }
        }
        if !evaluation.ignored.isEmpty {
            out +=
                "\n"
                + TextWrap.wrap(
                    "Answers to questions that did not apply were ignored: "
                        + evaluation.ignored.map { questions[$0].id }.joined(separator: ", ") + ".", width: width)
        }
        if !listedAtEnd.isEmpty {
            out += "\nNOT KNOWN OR NOT ANSWERED\n"
            for question in listedAtEnd.sorted() {
                out += TextWrap.wrap(questions[question].text, width: width, indent: "    ", firstIndent: "  • ")
            }
        }
        let identity = pack.identity
        out += "\nPack: \(identity.id) \(identity.revision) (sha256 \(identity.sha256.prefix(12))…), Indicia \(identity.engine)\n"
        if let disclaimer = rules.disclaimer { out += TextWrap.wrap(disclaimer, width: width) }
        return plain ? out.replacingAll("•", with: "-").replacingAll("→", with: "-") : out
    }

    /// The numbered next steps, each with its contacts (`  (none)` when there are none): the result
    /// screen's list, and what the guided screening shows at once when an answer makes the outcome
    /// urgent.
    ///
    /// - Parameters:
    ///   - evaluation: The evaluated case (possibly of the answers so far).
    ///   - pack: The pack.
    ///   - width: Line width.
    ///   - plain: ASCII arrows, for screen readers and terminals without UTF-8.
    /// - Returns: The text, one or more lines.
    public static func nextSteps(_ evaluation: Evaluation, pack: CompiledPack, width: Int = 78, plain: Bool = false) -> String {
        let rules = pack.rules
        var out = ""
        if evaluation.recommendations.isEmpty { out += "  (none)\n" }
        for (n, index) in evaluation.recommendations.enumerated() {
            let recommendation = rules.recommendations[index]
            out += TextWrap.wrap(recommendation.text, width: width, indent: "   ", firstIndent: "\(n + 1). ".padded(to: 3))
            for service in pack.services(ofRecommendation: index, in: evaluation) {
                let contact = [service.phone, service.url, service.email].compactMap { $0 }.joined(separator: "  ")
                // Someone may dial this in a hurry: say so when the pack has not checked it.
                let caution = service.verified ? "" : " (contact details not yet checked against their source)"
                out += TextWrap.wrap("\(service.name): \(contact)\(caution)", width: width, indent: "      ", firstIndent: plain ? "   - " : "   → ")
            }
        }
        return out
    }
}
