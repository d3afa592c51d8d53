/// A pack diff as one JSON document, written in pieces (keys in a fixed order, so output is stable).
public struct DiffJSONReport: DiffReporter {
    public static let identifier = "json"

    /// Creates the reporter.
    public init() {}

    private static func string(_ text: String?) -> String {
        guard let text else { return "null" }
        return String(decoding: JSONOutput.string(text), as: UTF8.self)
    }

    private static func list(_ ids: [String]) -> String { "[" + ids.map { string($0) }.joined(separator: ",") + "]" }

    private static func pack(_ runtime: PackRuntime) -> String {
        let identity = runtime.pack.identity
        return "{\"id\":\(string(identity.id)),\"revision\":\(string(identity.revision)),\"sha256\":\(string(identity.sha256))}"
    }

    public func header(_ diff: PackDiff) -> String {
        var out = "{\"old\":\(Self.pack(diff.old)),\"new\":\(Self.pack(diff.new)),\"rule_changes\":["
        out += diff.ruleChanges.map { change in
            "\n{\"kind\":\(Self.string(change.kind)),\"id\":\(Self.string(change.id)),\"change\":\(Self.string(change.change)),\"before\":\(Self.string(change.before)),\"after\":\(Self.string(change.after))}"
        }.joined(separator: ",")
        return out + "],\"cases\":["
    }

    private static func snapshot(_ s: PackDiff.Snapshot) -> String {
        "{\"outcome\":\(string(s.outcome)),\"level\":\(s.level),\"urgent\":\(s.urgent)}"
    }

    private static func error(_ e: CaseError?) -> String {
        guard let e else { return "null" }
        return "{\"code\":\(string(e.code.rawValue)),\"path\":\(string(e.path)),\"message\":\(string(e.message))}"
    }

    public func entry(_ change: PackDiff.CaseChange, index: Int) -> String {
        var out = (index == 0 ? "" : ",") + "\n{\"id\":\(Self.string(change.id)),\"line\":\(change.line),"
        switch change.kind {
        case .changed(let before, let after):
            out += "\"change\":\"changed\",\"before\":\(Self.snapshot(before)),\"after\":\(Self.snapshot(after)),"
            out += "\"indicators_added\":\(Self.list(change.indicators.added)),\"indicators_removed\":\(Self.list(change.indicators.removed)),"
            out += "\"next_steps_added\":\(Self.list(change.nextSteps.added)),\"next_steps_removed\":\(Self.list(change.nextSteps.removed))}"
        case .refused(let old, let new):
            out += "\"change\":\"refused\",\"refused_by_old\":\(Self.error(old)),\"refused_by_new\":\(Self.error(new))}"
        }
        return out
    }

    public func footer(_ diff: PackDiff) -> String {
        let t = diff.totals
        return
            "\n],\"totals\":{\"cases\":\(t.cases),\"unchanged\":\(t.unchanged),\"moved_up\":\(t.movedUp),\"moved_down\":\(t.movedDown),\"outcome_changed_same_level\":\(t.outcomeChangedSameLevel),\"next_steps_only\":\(t.nextStepsOnly),\"indicators_only\":\(t.indicatorsOnly),\"refused_by_old\":\(t.refusedByOld),\"refused_by_new\":\(t.refusedByNew)}}\n"
    }
}
