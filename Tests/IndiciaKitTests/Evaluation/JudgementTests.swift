import Testing

@testable import IndiciaKit

/// Professional judgement: the JSON case field, its checks (positioned errors that never quote the
/// reason), and what the result shows. Judgement raises the level of concern, never lowers it.
@Suite("Professional judgement")
struct JudgementTests {
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
              - { id: danger, type: yes_no, text: Danger? }
              - { id: sign, type: yes_no, text: Sign? }
        """
    static let rules = """
        version: 1
        kind: rules
        id: r
        revision: "1"
        title: Rules
        questionnaire: q
        indicators:
          - { id: i_sign, label: Sign, when: sign, source: s, verified: true }
        outcomes:
          - { id: urgent, level: 4, label: Urgent, when: danger, urgent: true }
          - { id: some, level: 2, label: Some, when: "count() >= 1" }
          - { id: none, level: 0, label: None }
        """

    let runtime: PackRuntime

    init() throws {
        let library = PackLibrary.load(sources: [("q.yaml", Array(Self.questionnaire.utf8)), ("r.yaml", Array(Self.rules.utf8))])
        runtime = PackRuntime(pack: try #require(library.compile(rulesID: "r").0))
    }

    func decode(_ line: String) -> (Result<CaseDecoder.Record, CaseDecoder.Failure>, Evaluation) {
        var decoder = CaseDecoder()
        var evaluation = Evaluation()
        let bytes = Array(line.utf8)
        let result = bytes.withUnsafeBufferPointer { decoder.decode($0, packs: SinglePackProvider(runtime), defaultPack: 0, into: &evaluation) }
        if case .success = result { runtime.pack.evaluate(&evaluation) }
        return (result, evaluation)
    }

    func result(_ line: String) -> String {
        let (_, evaluation) = decode(line)
        return String(decoding: runtime.resultJSON(evaluation, id: nil), as: UTF8.self)
    }

    @Test("a higher level with a reason is recorded: the result keeps the computed outcome and shows both levels")
    func raises() {
        let json = result(#"{"id":"c","answers":{"danger":"no","sign":"yes"},"judgement":{"level":3,"reason":"Seen at a known address"}}"#)
        #expect(json.contains(#""outcome":{"id":"some","level":2"#))
        #expect(json.contains(#""judgement":{"level":3,"computed_level":2,"raised":true,"reason":"Seen at a known address"}"#))
    }

    @Test("judgement never lowers: a lower level is kept as said, raised is false, and immediate danger stays")
    func neverLowers() {
        let json = result(#"{"judgement":{"reason":"x","level":0},"answers":{"danger":"yes","sign":"no"}}"#)
        #expect(json.contains(#""outcome":{"id":"urgent","level":4"#))
        #expect(json.contains(#""judgement":{"level":0,"computed_level":4,"raised":false,"reason":"x"}"#))
        #expect(result(#"{"answers":{"danger":"no"}}"#).contains(#""judgement":null"#))
    }

    @Test(
        "a judgement that is not a whole level and a reason is refused, at its position, without quoting the reason",
        arguments: [
            (#"{"answers":{},"judgement":{"level":"high","reason":"SECRET"}}"#, CaseError.Code.wrongType, "/judgement/level", 36),
            (#"{"answers":{},"judgement":{"level":2.5,"reason":"SECRET"}}"#, .wrongType, "/judgement/level", 36),
            (#"{"answers":{},"judgement":{"level":9,"reason":"SECRET"}}"#, .outOfRange, "/judgement/level", 36),
            (#"{"answers":{},"judgement":{"level":-1,"reason":"SECRET"}}"#, .outOfRange, "/judgement/level", 36),
            (#"{"answers":{},"judgement":{"level":3}}"#, .missingField, "/judgement", 27),
            (#"{"answers":{},"judgement":{"level":3,"reason":"   "}}"#, .missingField, "/judgement/reason", 47),
            (#"{"answers":{},"judgement":{"level":3,"reason":"SECRET","lower":true}}"#, .unknownField, "/judgement/lower", 56),
            (#"{"answers":{},"judgement":3}"#, .wrongType, "/judgement", 27),
            (#"{"answers":{},"judgement":{"level":3,"reason":"a"},"judgement":{"level":3,"reason":"b"}}"#, .duplicateField, "/judgement", 52),
        ])
    func refused(_ line: String, _ code: CaseError.Code, _ path: String, _ column: Int) {
        let (result, _) = decode(line)
        guard case .failure(let failure) = result else {
            Issue.record("accepted: \(line)")
            return
        }
        #expect(failure.error.code == code)
        #expect(failure.error.path == path)
        #expect(failure.error.column == column)
        #expect(!failure.error.message.contains("SECRET"))
    }

    @Test("a reason longer than the limit is refused")
    func tooLong() {
        let reason = String(repeating: "a", count: Judgement.maxReasonLength + 1)
        let (result, _) = decode(#"{"answers":{},"judgement":{"level":3,"reason":""# + reason + #""}}"#)
        guard case .failure(let failure) = result else {
            Issue.record("accepted")
            return
        }
        #expect(failure.error.code == .tooLong)
    }

    @Test("the levels offered for raising are those above the computed one, with their labels")
    func levelsAbove() {
        let pack = runtime.pack
        #expect(pack.levels(above: 0).map(\.level) == [2, 4])
        #expect(pack.levels(above: 2).map(\.labels) == [["Urgent"]])
        #expect(pack.levels(above: 4).isEmpty)
        #expect(pack.highestLevel == 4)
    }
}
