import Foundation
import Testing

@testable import IndiciaKit

@Suite("PackRuntime")
struct PackRuntimeTests {
    @Test("a runtime for another thread is a separate object over separate storage, and gives byte-identical results")
    func forThread() throws {
        let runtime = try #require(FixturePack.runtime())
        let copy = runtime.forThread()
        // What evaluation retains and releases is the copy's own: nothing the two threads share.
        #expect(copy !== runtime)
        #expect(copy.pack.storage !== runtime.pack.storage)
        #expect(copy.pack.identity == runtime.pack.identity)
        var random = FixturePack.Random(state: 41)
        var outcomes = Set<String>()
        for id in 1...1_000 {
            let json = Array(FixturePack.caseJSON(id: id, FixturePack.randomAnswers(runtime.pack.questionnaire, &random)).utf8)
            for profile in [ResultProfile.full, .summary] {
                let original = runtime.evaluateJSON(json, profile: profile)
                let copied = copy.evaluateJSON(json, profile: profile)
                #expect(copied.ok == original.ok, "case \(id)")
                #expect(copied.bytes == original.bytes, "case \(id), \(profile)")
                let result = try? JSONSerialization.jsonObject(with: Data(original.bytes)) as? [String: Any]
                if let outcome = (result?["outcome"] as? [String: Any])?["id"] as? String { outcomes.insert(outcome) }
            }
        }
        // The random cases reach more than one level of concern, so several outcomes were compared.
        #expect(outcomes.count > 1, "outcomes: \(outcomes.sorted())")
    }
}
