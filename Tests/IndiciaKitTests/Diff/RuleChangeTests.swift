import Foundation
import Testing

@testable import IndiciaKit

/// What `indicia diff` says changed in a pack's content, from edits a policy lead might make.
@Suite("Rule changes between revisions")
struct RuleChangeTests {
    static let v1 = Fixtures.path("packtests/v1")

    /// The shelter fixture pack with edits applied to its rules text.
    static func pack(_ edits: [(String, String)] = []) -> CompiledPack? {
        let questionnaire = Array((Fixtures.read(v1 + "/questionnaires/shelter.yaml") ?? "").utf8)
        var rules = Fixtures.read(v1 + "/rules/shelter.yaml") ?? ""
        for (old, new) in edits {
            #expect(rules.contains(old), "fixture text '\(old)' not found")
            rules = rules.replacingOccurrences(of: old, with: new)
        }
        let library = PackLibrary.load(sources: [("q.yaml", questionnaire), ("r.yaml", Array(rules.utf8))])
        return library.compile(rulesID: "shelter").0
    }

    @Test("the same content gives no change; re-wrapping a condition is not a change")
    func none() throws {
        let old = try #require(Self.pack())
        let new = try #require(Self.pack([("when: hours_per_week > 60", "when:   hours_per_week  >  60")]))
        #expect(RuleChange.between(old, new).isEmpty)
    }

    @Test("each edit is reported once, as what it is")
    func edits() throws {
        let old = try #require(Self.pack())
        let new = try #require(
            Self.pack([
                ("    level: 2\n", "    level: 3\n"),
                ("text: Call 999 now.", "text: Call 999 now and stay with the person if it is safe."),
                ("  - id: labour_sign\n    label: Made to work for little or no pay", "  - id: labour_sign\n    label: Made to work for no pay"),
                ("strength: medium\n    when: \"'labour' in signs\"", "strength: strong\n    when: \"'labour' in signs\""),
            ]))
        let changes = RuleChange.between(old, new).map { "\($0.kind) \($0.id) \($0.change)" }
        #expect(changes == ["indicator labour_sign text", "indicator labour_sign strength", "outcome concern level", "next step call_999 text"])
    }

    @Test("added and removed items are listed by id")
    func addedRemoved() throws {
        let old = try #require(Self.pack())
        let new = try #require(
            Self.pack([
                (
                    "  - id: call_999\n    text: Call 999 now.\n    when: outcome == 'danger'\n    source: Fixture source\n    verified: true\n", ""
                ),
                (
                    "scores:\n  - id: total",
                    "scores:\n  - id: strong_count\n    label: Strong signs\n    expr: count(strength='strong')\n  - id: total"
                ),
            ]))
        let changes = RuleChange.between(old, new).map { "\($0.kind) \($0.id) \($0.change)" }
        #expect(changes == ["score strong_count added", "next step call_999 removed"])
    }
}
