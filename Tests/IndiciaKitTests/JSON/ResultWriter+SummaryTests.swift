import Foundation
import Testing

@testable import IndiciaKit

@Suite("Summary result profile")
struct ResultWriterSummaryTests {
    func object(_ bytes: [UInt8]) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any]) ?? [:]
    }

    @Test("an adult with long hours, low pay and signs of labour exploitation: ids, counts and flags only")
    func worked() throws {
        let runtime = try #require(FixturePack.runtime())
        let json =
            #"{"id":"w1","answers":{"age_group":"adult","documents_held":"not_known","hours_per_week":70,"pay_rate":4.2,"signs":["labour","criminal"],"labour_detail":"farm","started":"2026-02-01","keeps_pay":"no","note":"x"}}"#
        let (ok, bytes) = runtime.evaluateJSON(Array(json.utf8), profile: .summary)
        #expect(ok)
        let text = String(decoding: bytes, as: UTF8.self)
        // Three indicators: hours > 60 (weak), pay < 5.5 (weak), labour (strong), all "conditions";
        // none of "control", which is left out. Documents not known; questions shown and not answered.
        #expect(text.hasPrefix(#"{"id":"w1","ok":true,"pack":{"id":"fhirtest","revision":"7","sha256":""#))
        #expect(
            text.hasSuffix(
                #"},"outcome":{"id":"concern","level":2,"urgent":false},"scores":{"total":5},"values":{"is_child":false},"categories":{"conditions":{"strong":1,"weak":2}},"indicators":["long_hours","low_pay","labour_signs"],"next_steps":["discuss","record"],"missing_data":["unanswered","not_known","indeterminate_indicators"]}"#
            ))
        // No labels, evidence, sources or free text.
        #expect(!text.contains("label") && !text.contains("evidence") && !text.contains("farm") && !text.contains("source"))
    }

    @Test("for 2,000 random cases the summary is exactly the full result's ids, counts and flags")
    func projection() throws {
        let runtime = try #require(FixturePack.runtime())
        var random = FixturePack.Random(state: 17)
        var sawFlag = Set<String>()
        for id in 1...2_000 {
            let json = Array(FixturePack.caseJSON(id: id, FixturePack.randomAnswers(runtime.pack.questionnaire, &random)).utf8)
            let full = object(runtime.evaluateJSON(json).bytes)
            let summary = object(runtime.evaluateJSON(json, profile: .summary).bytes)
            try #require(full["ok"] as? Bool == true, "case \(id)")
            #expect(
                Array(summary.keys).sorted() == [
                    "categories", "id", "indicators", "missing_data", "next_steps", "ok", "outcome", "pack", "scores", "values",
                ])
            #expect(summary["id"] as? Int == id)
            let fullPack = try #require(full["pack"] as? [String: Any])
            #expect(summary["pack"] as? [String: String] == ["id": "fhirtest", "revision": "7", "sha256": fullPack["sha256"] as? String ?? "?"])
            let outcome = try #require(full["outcome"] as? [String: Any])
            let summaryOutcome = try #require(summary["outcome"] as? [String: Any])
            #expect(summaryOutcome["id"] as? String == outcome["id"] as? String)
            #expect(summaryOutcome["level"] as? Int == outcome["level"] as? Int)
            #expect(summaryOutcome["urgent"] as? Bool == outcome["urgent"] as? Bool)
            #expect(
                NSDictionary(dictionary: summary["scores"] as? [String: Any] ?? [:])
                    == NSDictionary(dictionary: full["scores"] as? [String: Any] ?? [:]))
            #expect(
                NSDictionary(dictionary: summary["values"] as? [String: Any] ?? [:])
                    == NSDictionary(dictionary: full["values"] as? [String: Any] ?? [:]))
            // The full result's counts, less every 0 (and every category left with none).
            var present: [String: [String: Int]] = [:]
            for (category, counts) in full["categories"] as? [String: [String: Int]] ?? [:] {
                let nonZero = counts.filter { $0.value != 0 }
                if !nonZero.isEmpty { present[category] = nonZero }
            }
            #expect(summary["categories"] as? [String: [String: Int]] == present, "case \(id)")
            let indicators = (full["indicators"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(summary["indicators"] as? [String] == indicators)
            let steps = (full["recommendations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(summary["next_steps"] as? [String] == steps)
            let flags = try #require(summary["missing_data"] as? [String])
            // Exactly the lists the full result has that are not empty, in this order.
            let nonEmpty = [
                "unanswered", "not_known", "unanswered_required", "indeterminate_indicators", "undetermined_outcomes", "ignored_answers",
            ].filter { !((full[$0] as? [Any])?.isEmpty ?? true) }
            #expect(flags == nonEmpty, "case \(id)")
            sawFlag.formUnion(nonEmpty)
        }
        // The random cases reach every flag, so each comparison above was made both ways.
        #expect(sawFlag.count == 6, "flags seen set: \(sawFlag.sorted())")
    }

    @Test("an error record gets the same error result in both profiles")
    func errors() throws {
        let runtime = try #require(FixturePack.runtime())
        let json = Array(#"{"id":5,"answers":{"age_group":"elderly"}}"#.utf8)
        let full = runtime.evaluateJSON(json)
        let summary = runtime.evaluateJSON(json, profile: .summary)
        #expect(!full.ok && !summary.ok)
        #expect(full.bytes == summary.bytes)
    }

    @Test("counts over 9 take the general writer: the full profile lists every count, the summary only those above 0")
    func countsOverNine() throws {
        let runtime = try #require(FixturePack.runtime())
        let ids = runtime.pack.rules.indicators.map(\.id)
        let lowPay = try #require(ids.firstIndex(of: "low_pay"))
        let labour = try #require(ids.firstIndex(of: "labour_signs"))
        // Twelve weak "conditions" indicators and one strong: more than one digit in a count.
        let present = Array(repeating: lowPay, count: 12) + [labour]
        var full = ByteBuffer(capacity: 256)
        var summary = ByteBuffer(capacity: 256)
        present.withUnsafeBufferPointer { indicators in
            ResultWriter.writeCategories(indicators, runtime.fragments, &full)
            ResultWriter.writePresentCategories(indicators, runtime.fragments, &summary)
        }
        #expect(String(decoding: full.bytes, as: UTF8.self) == #""control":{"strong":0,"weak":0},"conditions":{"strong":1,"weak":12}"#)
        #expect(String(decoding: summary.bytes, as: UTF8.self) == #""conditions":{"strong":1,"weak":12}"#)
    }
}
