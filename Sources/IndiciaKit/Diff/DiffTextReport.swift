/// A pack diff as plain text for a policy lead.
public struct DiffTextReport: DiffReporter {
    public static let identifier = "text"

    /// Creates the reporter.
    public init() {}

    public func header(_ diff: PackDiff) -> String {
        var out = "Comparing \(DiffReporters.describe(diff.old)) with \(DiffReporters.describe(diff.new))\n\n"
        if diff.ruleChanges.isEmpty {
            out += "The content is the same in both revisions.\n"
        } else {
            out += "What changed in the pack:\n"
            for change in diff.ruleChanges {
                out += "  \(change.kind) \(change.id): \(change.change)"
                if let before = change.before, let after = change.after {
                    out += "\n      before: \(DiagnosticRenderer.safe(before))\n      after:  \(DiagnosticRenderer.safe(after))"
                } else if let after = change.after {
                    out += ": \(DiagnosticRenderer.safe(after))"
                }
                out += "\n"
            }
        }
        return out + "\n"
    }

    public func entry(_ change: PackDiff.CaseChange, index: Int) -> String {
        var out = index == 0 ? "Cases that changed or were refused:\n" : ""
        let name = DiagnosticRenderer.safe(change.id ?? "(no id)")
        switch change.kind {
        case .changed(let before, let after):
            out += "  \(name) (line \(change.line)): \(DiffReporters.describe(before)) -> \(DiffReporters.describe(after))\n"
            let indicators = change.indicators
            let steps = change.nextSteps
            if !indicators.added.isEmpty { out += "      indicators added:   \(indicators.added.joined(separator: ", "))\n" }
            if !indicators.removed.isEmpty { out += "      indicators removed: \(indicators.removed.joined(separator: ", "))\n" }
            if !steps.added.isEmpty { out += "      next steps added:   \(steps.added.joined(separator: ", "))\n" }
            if !steps.removed.isEmpty { out += "      next steps removed: \(steps.removed.joined(separator: ", "))\n" }
        case .refused(let old, let new):
            out += "  \(name) (line \(change.line)): refused"
            switch (old, new) {
            case (let old?, let new?):
                out +=
                    " by both revisions\n      old: \(DiagnosticRenderer.safe(DiffReporters.describe(old)))\n      new: \(DiagnosticRenderer.safe(DiffReporters.describe(new)))\n"
            case (let old?, nil): out += " by the old revision only\n      \(DiagnosticRenderer.safe(DiffReporters.describe(old)))\n"
            case (nil, let new?): out += " by the new revision only\n      \(DiagnosticRenderer.safe(DiffReporters.describe(new)))\n"
            case (nil, nil): out += "\n"
            }
        }
        return out
    }

    public func footer(_ diff: PackDiff) -> String {
        let t = diff.totals
        var out = t.differing == 0 && t.refusedByBoth == 0 ? "No case changed.\n" : "\n"
        out += "\(t.cases) case\(t.cases == 1 ? "" : "s"): \(t.unchanged) unchanged, \(t.movedUp) moved up, \(t.movedDown) moved down, "
        out += "\(t.outcomeChangedSameLevel) another outcome at the same level, \(t.nextStepsOnly) changed next steps only, "
        out += "\(t.indicatorsOnly) changed indicators only; refused by the old revision \(t.refusedByOld), by the new \(t.refusedByNew)\n"
        return out
    }
}
