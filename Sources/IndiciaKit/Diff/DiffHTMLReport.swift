/// A pack diff as a self-contained HTML page (no scripts), written in pieces.
public struct DiffHTMLReport: DiffReporter {
    public static let identifier = "html"

    /// Creates the reporter.
    public init() {}

    private static func e(_ text: String?) -> String { HTMLReport.escape(text ?? "") }

    public func header(_ diff: PackDiff) -> String {
        var out = """
            <!doctype html>
            <html lang="en"><head><meta charset="utf-8"><title>Pack changes: \(Self.e(diff.new.pack.identity.id))</title>
            <style>body{font-family:system-ui,sans-serif;margin:2em;max-width:70em}table{border-collapse:collapse}td,th{border:1px solid #bbb;padding:.3em .6em;text-align:left;vertical-align:top}.up{background:#fde2e1}.down{background:#e1f0fd}.refused{background:#fff3cd}</style>
            </head><body>
            <h1>What changes from \(Self.e(DiffReporters.describe(diff.old))) to \(Self.e(DiffReporters.describe(diff.new)))</h1>
            <h2>Changes in the pack</h2>

            """
        if diff.ruleChanges.isEmpty {
            out += "<p>The content is the same in both revisions.</p>\n"
        } else {
            out += "<table><thead><tr><th>Item</th><th>Id</th><th>Change</th><th>Before</th><th>After</th></tr></thead><tbody>\n"
            for change in diff.ruleChanges {
                out +=
                    "<tr><td>\(Self.e(change.kind))</td><td>\(Self.e(change.id))</td><td>\(Self.e(change.change))</td><td>\(Self.e(change.before))</td><td>\(Self.e(change.after))</td></tr>\n"
            }
            out += "</tbody></table>\n"
        }
        out += "<h2>Cases that changed or were refused</h2>\n"
        out += "<table><thead><tr><th>Case</th><th>Line</th><th>Before</th><th>After</th><th>Indicators</th><th>Next steps</th></tr></thead><tbody>\n"
        return out
    }

    public func entry(_ change: PackDiff.CaseChange, index: Int) -> String {
        switch change.kind {
        case .changed(let before, let after):
            let css = after.level > before.level ? " class=\"up\"" : after.level < before.level ? " class=\"down\"" : ""
            let indicators = change.indicators
            let steps = change.nextSteps
            func both(_ added: [String], _ removed: [String]) -> String {
                var parts: [String] = []
                if !added.isEmpty { parts.append("added: " + added.joined(separator: ", ")) }
                if !removed.isEmpty { parts.append("removed: " + removed.joined(separator: ", ")) }
                return Self.e(parts.joined(separator: "; "))
            }
            return
                "<tr\(css)><td>\(Self.e(change.id))</td><td>\(change.line)</td><td>\(Self.e(DiffReporters.describe(before)))</td><td>\(Self.e(DiffReporters.describe(after)))</td><td>\(both(indicators.added, indicators.removed))</td><td>\(both(steps.added, steps.removed))</td></tr>\n"
        case .refused(let old, let new):
            let before = old.map { "refused: " + DiffReporters.describe($0) } ?? "evaluated"
            let after = new.map { "refused: " + DiffReporters.describe($0) } ?? "evaluated"
            return
                "<tr class=\"refused\"><td>\(Self.e(change.id))</td><td>\(change.line)</td><td>\(Self.e(before))</td><td>\(Self.e(after))</td><td></td><td></td></tr>\n"
        }
    }

    public func footer(_ diff: PackDiff) -> String {
        let t = diff.totals
        return """
            </tbody></table>
            <h2>Totals</h2>
            <table><tbody>
            <tr><th>Cases</th><td>\(t.cases)</td></tr><tr><th>Unchanged</th><td>\(t.unchanged)</td></tr>
            <tr><th>Moved up</th><td>\(t.movedUp)</td></tr><tr><th>Moved down</th><td>\(t.movedDown)</td></tr>
            <tr><th>Another outcome at the same level</th><td>\(t.outcomeChangedSameLevel)</td></tr>
            <tr><th>Changed next steps only</th><td>\(t.nextStepsOnly)</td></tr><tr><th>Changed indicators only</th><td>\(t.indicatorsOnly)</td></tr>
            <tr><th>Refused by the old revision</th><td>\(t.refusedByOld)</td></tr><tr><th>Refused by the new revision</th><td>\(t.refusedByNew)</td></tr>
            </tbody></table>
            </body></html>

            """
    }
}
