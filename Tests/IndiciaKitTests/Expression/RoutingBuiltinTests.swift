import Testing

@testable import IndiciaKit

/// The builtins the screening routes rest on: `at_least` (three-valued thresholds),
/// `ignored_answer` (an answer skip logic set aside) and `services_from` (a service picked from a
/// table by an answer).
@Suite("Routing builtins")
struct RoutingBuiltinTests {
    static let questionnaire = """
        version: 1
        kind: questionnaire
        id: q
        revision: "1"
        title: Test
        sections:
          - id: s
            title: S
            questions:
              - { id: area, type: single_choice, not_known: true, text: Area?, choices: [{ id: leeds, label: Leeds }, { id: elsewhere, label: Elsewhere }] }
              - { id: org, type: single_choice, text: Org?, choices: [{ id: police, label: Police }, { id: charity, label: Charity }] }
              - { id: fro, type: yes_no, text: FRO?, show_if: "org == 'charity'" }
              - { id: a, type: yes_no, not_known: true, text: A? }
              - { id: b, type: yes_no, not_known: true, text: B? }
              - { id: c, type: yes_no, not_known: true, text: C? }
        """
    static let services = """
        version: 1
        kind: services
        id: svc
        revision: "1"
        title: Services
        services:
          - { id: leeds_door, name: Leeds front door, phone: "0113 000", scope: local, source: s, verified: true }
          - { id: helpline, name: Helpline, phone: "0800 000", scope: national, source: s, verified: true }
        """
    static func rules(column: String = "door") -> String {
        """
        version: 1
        kind: rules
        id: r
        revision: "1"
        title: Rules
        questionnaire: q
        services: [svc]
        tables:
          - id: local
            source: test
            columns: [door, wrong]
            rows:
              leeds: { door: leeds_door, wrong: no_such_service }
              elsewhere: { door: "", wrong: "" }
        values:
          - { id: two, expr: "at_least(2)", output: true }
          - { id: contradicts, expr: "coalesce(ignored_answer(fro) == 'no', false) and org == 'police'", output: true }
        indicators:
          - { id: ia, label: A, when: a, source: s, verified: true }
          - { id: ib, label: B, when: b, source: s, verified: true }
          - { id: ic, label: C, when: c, source: s, verified: true }
        outcomes:
          - { id: high, level: 2, label: High, when: "at_least(2)" }
          - { id: none, level: 0, label: None }
        recommendations:
          - { id: door, text: Call the front door., services: [helpline], services_from: "lookup(local, area, '\(column)')", source: s, verified: true }
        """
    }

    static func pack(column: String = "door") -> (CompiledPack?, [Diagnostic]) {
        let library = PackLibrary.load(sources: [
            ("q.yaml", Array(questionnaire.utf8)), ("s.yaml", Array(services.utf8)), ("r.yaml", Array(rules(column: column).utf8)),
        ])
        return library.compile(rulesID: "r")
    }

    func evaluate(_ pack: CompiledPack, _ answers: [String: Value]) -> Evaluation {
        var set = AnswerSet(questionCount: pack.questionCount)
        for (id, value) in answers {
            if let index = pack.questionIndex(of: id) { set.values[index] = value }
        }
        return pack.evaluate(set)
    }

    func symbol(_ pack: CompiledPack, _ text: String) -> Value { .symbol(pack.symbols.lookup(text) ?? -1) }

    @Test("at_least is true once n are present, false once the undecided could not make n, otherwise undecided")
    func atLeastIsThreeValued() throws {
        let pack = try #require(Self.pack().0)
        let two = pack.valueSlots[0]
        #expect(evaluate(pack, ["a": .bool(true), "b": .bool(true), "c": .missing(.notKnown)]).slots[two] == .bool(true))
        #expect(evaluate(pack, ["a": .bool(true), "b": .bool(false), "c": .bool(false)]).slots[two] == .bool(false))
        let open = evaluate(pack, ["a": .bool(true), "b": .missing(.notKnown), "c": .bool(false)])
        #expect(open.slots[two] == .missing(.notKnown))
        // The band that rests on it is reported as "could not be ruled out", not silently passed over.
        #expect(pack.rules.outcomes[open.outcome].id == "none")
        #expect(open.undetermined == [0])
    }

    @Test("at_least needs a whole number first")
    func atLeastSyntax() {
        let broken = Self.rules().replacingOccurrences(of: "at_least(2)\", output", with: "at_least(tag='x')\", output")
        let library = PackLibrary.load(sources: [
            ("q.yaml", Array(Self.questionnaire.utf8)), ("s.yaml", Array(Self.services.utf8)), ("r.yaml", Array(broken.utf8)),
        ])
        let (pack, diagnostics) = library.compile(rulesID: "r")
        #expect(pack == nil)
        #expect(diagnostics.contains { $0.code == .exprSyntax && $0.message.contains("at_least() needs a whole number first") })
    }

    @Test("ignored_answer reads an answer skip logic set aside, and nothing when the question was asked")
    func ignoredAnswer() throws {
        let pack = try #require(Self.pack().0)
        let contradicts = pack.valueSlots[1]
        let police = evaluate(pack, ["org": symbol(pack, "police"), "fro": .bool(false)])
        #expect(police.ignored == [2])
        #expect(police.slots[2] == .missing(.notAsked), "the hidden answer is still not used by ordinary rules")
        #expect(police.slots[contradicts] == .bool(true))
        #expect(evaluate(pack, ["org": symbol(pack, "police")]).slots[contradicts] == .bool(false))
        #expect(evaluate(pack, ["org": symbol(pack, "charity"), "fro": .bool(false)]).slots[contradicts] == .bool(false))
    }

    @Test("services_from adds the service the answer picks, after the fixed ones; none for an empty cell or an unknown answer")
    func servicesFrom() throws {
        let pack = try #require(Self.pack().0)
        let leeds = evaluate(pack, ["area": symbol(pack, "leeds"), "a": .bool(true)])
        #expect(pack.services(ofRecommendation: 0, in: leeds).map(\.id) == ["helpline", "leeds_door"])
        let elsewhere = evaluate(pack, ["area": symbol(pack, "elsewhere")])
        #expect(pack.services(ofRecommendation: 0, in: elsewhere).map(\.id) == ["helpline"])
        let unknown = evaluate(pack, ["area": .missing(.notKnown)])
        #expect(pack.services(ofRecommendation: 0, in: unknown).map(\.id) == ["helpline"])
        // The one result writer writes the same services.
        let json = String(decoding: PackRuntime(pack: pack).resultJSON(leeds, id: nil), as: UTF8.self)
        #expect(json.contains(#""services":[{"id":"helpline","name":"Helpline""#))
        #expect(json.contains(#"{"id":"leeds_door","name":"Leeds front door","phone":"0113 000","scope":"local","verified":true}],"source""#))
        let text = ResultSummary.text(leeds, pack: pack)
        #expect(text.contains("Leeds front door: 0113 000"))
    }

    @Test("a services_from column that can name a service no directory has is a load error at the expression")
    func servicesFromUnknownService() {
        let (pack, diagnostics) = Self.pack(column: "wrong")
        #expect(pack == nil)
        let problem = diagnostics.first { $0.code == .unknownService }
        #expect(problem?.message.contains("services_from can give 'no_such_service'") == true)
        #expect(problem?.mark.file == "r.yaml")
        #expect(problem?.mark.line == 26)
    }
}
