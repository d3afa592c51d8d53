/// Checks packs completely: every load error, plus findings that only show when the pack is seen whole.
public struct Linter: Sendable {
    /// Most answer combinations tried when searching whether an indicator can fire or an outcome can match.
    public var maxCombinations = 20_000
    /// The day the lint runs (days since 1970-01-01): a service whose `review_by` date is before it gets a
    /// `review-overdue` warning. Nil skips that check. The linter never reads the clock itself, so its
    /// findings depend only on its inputs; the CLI passes today's date (or `--today`).
    public var today: Int32?

    /// Creates a linter.
    ///
    /// - Parameter today: The day the lint runs (days since 1970-01-01), or nil to skip review dates.
    public init(today: Int32? = nil) {
        self.today = today
    }

    /// Everything wrong with the packs in a library, sorted by file and position.
    ///
    /// - Parameter library: The loaded files.
    /// - Returns: Diagnostics (errors, warnings).
    public func lint(_ library: PackLibrary) -> [Diagnostic] {
        var found = library.unreadable + library.diagnostics
        let scored = library.scoredQuestionnaireIDs
        var compiled: [String: CompiledPack] = [:]
        for id in library.ruleSetIDs {
            let (pack, diagnostics) = library.compile(rulesID: id)
            found += diagnostics
            guard let pack else { continue }
            compiled[id] = pack
            found += lint(pack)
        }
        // Every directory read, used by a rule set or not: a stale contact is stale wherever it is.
        for file in library.directories.values {
            for service in file.model.services { found += reviewDate(service) }
        }
        found += coverage(library, compiled: compiled)
        for (id, file) in library.questionnaires where !scored.contains(id) {
            found.append(
                Diagnostic(
                    .warning, .unscoredQuestionnaire, "questionnaire '\(id)' is not scored by any rule set, so its skip logic was not checked",
                    at: file.model.mark))
        }
        let imported = Set(library.ruleSets.values.flatMap { $0.model.sharedTables.map(\.id) })
        for (id, file) in library.tableFiles where !imported.contains(id) {
            found.append(
                Diagnostic(
                    .warning, .unusedTables,
                    "tables file '\(id)' is not listed under 'shared_tables' by any rule set, so its tables were not checked",
                    at: file.model.mark))
        }
        // Tables hold local policy or published facts (who is a First Responder): say which, and where from.
        let tables = library.ruleSets.values.flatMap(\.model.tables) + library.tableFiles.values.flatMap(\.model.tables)
        for table in tables where table.source == nil {
            found.append(
                Diagnostic(
                    .warning, .noSource, "table '\(table.id)' cites no source (name the publication, or say it is local policy)",
                    at: table.mark))
        }
        var unique: [Diagnostic] = []
        var seen: Set<Diagnostic> = []
        for diagnostic in found where seen.insert(diagnostic).inserted { unique.append(diagnostic) }
        return unique.sorted { ($0.mark, $0.code) < ($1.mark, $1.code) }
    }

    /// Findings for one compiled pack (warnings and the errors that need whole-pack analysis).
    ///
    /// - Parameter pack: The pack.
    /// - Returns: Diagnostics.
    public func lint(_ pack: CompiledPack) -> [Diagnostic] {
        var out: [Diagnostic] = []
        let rules = pack.rules
        for (index, question) in pack.questionnaire.questions.enumerated() where !pack.dependencies.referencedQuestions.contains(index) {
            out.append(
                Diagnostic(
                    .warning, .unusedQuestion, "question '\(question.id)' is not used by any rule, value or skip logic in rule set '\(rules.id)'",
                    at: question.mark))
        }
        for indicator in rules.indicators {
            out += Self.provenance(
                cited: indicator.source != nil, verified: indicator.verified, at: indicator.mark,
                missing: "indicator '\(indicator.id)' cites no source",
                unchecked: "indicator '\(indicator.id)' has not been checked against a primary source (verified: false)")
        }
        // A value need not cite a source (most are arithmetic); one that does is checked like the rest.
        for value in rules.values where value.source != nil {
            out += Self.provenance(
                cited: true, verified: value.verified, at: value.mark, missing: "",
                unchecked: "value '\(value.id)' encodes a rule not checked against a primary source (verified: false)")
        }
        for recommendation in rules.recommendations {
            out += Self.provenance(
                cited: recommendation.source != nil, verified: recommendation.verified, at: recommendation.mark,
                missing: "recommendation '\(recommendation.id)' cites no source",
                unchecked: "recommendation '\(recommendation.id)' has not been checked against a primary source (verified: false)")
        }
        for service in pack.services.values.sorted(by: { $0.mark < $1.mark }) {
            out += Self.provenance(
                cited: service.source != nil, verified: service.verified, at: service.mark,
                missing: "service '\(service.id)' cites no source for its contact details",
                unchecked: "service '\(service.id)' contact details have not been checked against their source (verified: false)")
        }
        var explorer = AnswerSpace(pack: pack, limit: maxCombinations)
        for (index, indicator) in rules.indicators.enumerated() {
            let slot = pack.indicatorSlots[index]
            let deps = pack.dependencies.bySlot[slot] ?? []
            guard let search = explorer.search(deps, { $0.slots[slot].isTrue }) else { continue }
            if !search.found {
                let exhaustive = search.exhaustive
                out.append(
                    Diagnostic(
                        exhaustive ? .error : .warning, .neverFires,
                        exhaustive
                            ? "indicator '\(indicator.id)' can never fire: no combination of answers makes its condition true"
                            : "indicator '\(indicator.id)' did not fire for any of the answers tried; check its condition",
                        at: indicator.condition.mark))
            }
        }
        for (index, band) in rules.outcomes.enumerated() {
            guard let condition = band.condition else { continue }
            let deps = pack.dependencies.outcomes[index]
            // Shadowing: this band's own condition holds whatever the answers.
            if index < rules.outcomes.count - 1,
                let always = explorer.search(deps, { !Self.conditionHolds(pack, band: index, $0) }), always.exhaustive, !always.found
            {
                out.append(
                    Diagnostic(
                        .error, .outcomeShadowed,
                        "outcome '\(band.id)' always matches, so the outcomes after it (\(rules.outcomes[(index + 1)...].map(\.id).joined(separator: ", "))) can never be reached",
                        at: condition.mark))
            }
            if let reach = explorer.search(deps, { $0.outcome == index }), !reach.found {
                out.append(
                    Diagnostic(
                        reach.exhaustive ? .error : .warning, .outcomeUnreachable,
                        "outcome '\(band.id)' is never the result for any answers tried; an earlier outcome always matches first or its condition cannot hold",
                        at: condition.mark))
            }
        }
        return out
    }

    /// A `review-overdue` warning when the service's review date is before ``today``, or a
    /// `no-review-date` warning when it has none (that one does not depend on the date).
    ///
    /// - Parameter service: The service.
    /// - Returns: At most one diagnostic.
    func reviewDate(_ service: Service) -> [Diagnostic] {
        guard let reviewBy = service.reviewBy else {
            return [
                Diagnostic(
                    .warning, .noReviewDate,
                    "service '\(service.id)' has no review_by date, so nothing will say when its contact details are due to be checked again; add 'checked' and 'review_by'",
                    at: service.mark)
            ]
        }
        guard let today, reviewBy < today else { return [] }
        let checked = service.checked.map { "checked \(CalendarDate.iso(fromDays: $0)), " } ?? ""
        return [
            Diagnostic(
                .warning, .reviewOverdue,
                "service '\(service.id)' contact details are due for review (\(checked)review by \(CalendarDate.iso(fromDays: reviewBy))): check them against their source again and update 'checked' and 'review_by'",
                at: service.mark)
        ]
    }

    /// Test files that do not load are errors; with tests in the library, every outcome and next step
    /// that no test reaches is a warning, and so is a rule set with no tests at all.
    func coverage(_ library: PackLibrary, compiled: [String: CompiledPack]) -> [Diagnostic] {
        guard !library.testFiles.isEmpty else { return [] }
        let (suites, problems) = library.testSuites(compiled: compiled)
        var out = problems
        var reachedOutcomes: [String: Set<Int>] = [:]
        var reachedSteps: [String: Set<Int>] = [:]
        for suite in suites {
            let id = suite.runtime.pack.identity.id
            for result in PackTestRunner.run(suite) {
                reachedOutcomes[id, default: []].insert(result.evaluation.outcome)
                reachedSteps[id, default: []].formUnion(result.evaluation.recommendations)
            }
        }
        let tested = Set(library.testFiles.map(\.rulesID))
        for (id, pack) in compiled.sorted(by: { $0.key < $1.key }) {
            let rules = pack.rules
            guard tested.contains(id) else {
                out.append(
                    Diagnostic(
                        .warning, .untestedPack,
                        "rule set '\(id)' has no tests: add a test file (kind: tests, rules: \(id)) under rules/tests/ so its \(rules.outcomes.count) outcomes and \(rules.recommendations.count) next steps are checked",
                        at: rules.mark))
                continue
            }
            let outcomes = reachedOutcomes[id] ?? []
            for (index, band) in rules.outcomes.enumerated() where !outcomes.contains(index) {
                out.append(
                    Diagnostic(
                        .warning, .untestedOutcome, "no test of rule set '\(id)' reaches outcome '\(band.id)' (level \(band.level))", at: band.mark))
            }
            let steps = reachedSteps[id] ?? []
            for (index, step) in rules.recommendations.enumerated() where !steps.contains(index) {
                out.append(
                    Diagnostic(.warning, .untestedNextStep, "no test of rule set '\(id)' gives next step '\(step.id)'", at: step.mark))
            }
        }
        return out
    }

    /// The one provenance check for everything a pack asks people to act on:
    /// no citation at all, or a citation nobody has checked against the primary source.
    private static func provenance(cited: Bool, verified: Bool, at mark: SourceMark, missing: String, unchecked: String) -> [Diagnostic] {
        if !cited { return [Diagnostic(.warning, .noSource, missing, at: mark)] }
        if !verified { return [Diagnostic(.warning, .unverified, unchecked, at: mark)] }
        return []
    }

    private static func conditionHolds(_ pack: CompiledPack, band: Int, _ evaluation: Evaluation) -> Bool {
        evaluation.slots.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let condition = pack.outcomeConditions[band] else { return true }
            return condition.evaluate(base).isTrue
        }
    }
}
