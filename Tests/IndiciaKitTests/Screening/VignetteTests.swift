import Foundation
import Testing

@testable import IndiciaKit

/// Realistic (fictional) cases through the shipped screening pack. Each is checked three ways:
/// against an independently written expectation (outcome, indicators, elements, key next steps),
/// against its golden result file, and for explanations (every indicator names its answers).
@Suite("Screening vignettes")
struct VignetteTests {
    struct Expectation: Sendable, CustomStringConvertible {
        var name: String
        var outcome: String
        var indicators: Set<String>
        var trafficking: Bool
        var slavery: Bool
        var mustRecommend: [String] = []
        var mustNotRecommend: [String] = []
        var undetermined: [String] = []
        var ignored: [String] = []
        var description: String { name }
    }

    static let expectations: [Expectation] = [
        .init(
            name: "adult-labour-car-wash", outcome: "adult_indicators",
            indicators: [
                "travel_controlled", "documents_withheld", "debt_bondage", "low_or_no_pay", "excessive_hours", "poor_living_conditions",
                "accommodation_controlled", "false_promises", "labour_exploitation_sign", "hazardous_work",
            ],
            trafficking: true, slavery: true, mustRecommend: ["adult_nrm_first_responder", "emergency_support", "police_intelligence"],
            mustNotRecommend: ["duty_to_notify", "child_safeguarding"]),
        .init(
            name: "adult-sexual-exploitation-ae", outcome: "adult_indicators",
            indicators: [
                "movement_controlled", "injuries_seen", "others_speak_for_them", "wages_withheld", "sexual_exploitation_sign",
                "clients_controlled_by_others",
            ],
            trafficking: false, slavery: true, mustRecommend: ["cannot_speak_alone", "adult_nrm_not_first_responder"],
            mustNotRecommend: ["adult_nrm_first_responder"]),
        .init(
            name: "adult-domestic-servitude-declines", outcome: "adult_indicators",
            indicators: [
                "travel_controlled", "documents_withheld", "low_or_no_pay", "excessive_hours", "domestic_servitude_sign", "confined_to_the_home",
            ],
            trafficking: true, slavery: true, mustRecommend: ["declined_support"], mustNotRecommend: ["duty_to_notify", "emergency_support"]),
        .init(
            name: "adult-labour-council-duty-to-notify", outcome: "adult_indicators",
            indicators: [
                "documents_withheld", "debt_bondage", "wages_withheld", "poor_living_conditions", "accommodation_controlled",
                "labour_exploitation_sign", "financial_exploitation_sign",
            ],
            trafficking: true, slavery: true, mustRecommend: ["duty_to_notify", "declined_support", "police_intelligence"],
            mustNotRecommend: ["adult_nrm_first_responder", "adult_nrm_not_first_responder"]),
        .init(
            name: "child-county-lines-school", outcome: "child_indicators",
            indicators: [
                "threatened", "county_lines_sign", "compelled_offending", "child_missing_education", "child_goes_missing", "child_unexplained_money",
            ],
            trafficking: true, slavery: true,
            mustRecommend: ["child_safeguarding", "child_nrm_by_others", "child_ictg_check", "child_no_interview", "possible_victim_offender"],
            mustNotRecommend: ["adult_nrm_first_responder", "adult_nrm_not_first_responder", "duty_to_notify"]),
        .init(
            name: "child-sexual-exploitation-maternity", outcome: "child_indicators",
            indicators: [
                "movement_controlled", "others_speak_for_them", "sexual_exploitation_sign", "clients_controlled_by_others", "child_without_carer",
            ],
            trafficking: false, slavery: true, mustRecommend: ["child_safeguarding", "child_nrm_by_others"], mustNotRecommend: ["child_nrm_discuss"]),
        .init(
            name: "uncertain-age-unaccompanied-jobcentre", outcome: "child_indicators",
            indicators: ["travel_controlled", "no_or_false_documents", "isolation", "child_without_carer", "child_unaccompanied_travel"],
            trafficking: false, slavery: false, mustRecommend: ["treat_as_child", "child_safeguarding", "child_nrm_by_others"]),
        .init(
            name: "immediate-danger-police", outcome: "immediate_danger",
            indicators: ["unable_to_leave", "violence_used", "labour_exploitation_sign"],
            trafficking: false, slavery: true, mustRecommend: ["call_999", "adult_nrm_first_responder"]),
        .init(
            name: "no-indicators-gp", outcome: "no_indicators", indicators: [], trafficking: false, slavery: false,
            mustRecommend: ["record_and_stay_alert"], mustNotRecommend: ["tell_safeguarding_lead", "professional_interpreter"]),
        .init(
            name: "many-not-known-faith-group", outcome: "danger_not_ruled_out", indicators: ["movement_controlled"], trafficking: false,
            slavery: false, mustRecommend: ["danger_not_ruled_out", "cannot_speak_alone", "more_information_steps"],
            undetermined: ["immediate_danger"]),
        .init(
            name: "adult-criminal-cannabis-cps", outcome: "adult_indicators",
            indicators: ["travel_controlled", "unable_to_leave", "debt_bondage", "threatened", "criminal_exploitation_sign", "compelled_offending"],
            trafficking: true, slavery: true,
            mustRecommend: ["possible_victim_offender", "adult_exploited_as_child", "adult_nrm_not_first_responder"]),
        .init(
            name: "organ-removal-route-charity", outcome: "adult_indicators",
            indicators: ["debt_bondage", "threatened", "organ_removal_sign"], trafficking: false, slavery: true,
            mustRecommend: ["adult_nrm_not_first_responder"]),
        .init(
            name: "some-concerns-single-sign", outcome: "some_concerns", indicators: ["fear_of_authorities"], trafficking: false, slavery: false,
            mustRecommend: ["tell_safeguarding_lead"], mustNotRecommend: ["adult_nrm_not_first_responder"]),
        .init(
            name: "adult-exploited-as-child-yot", outcome: "adult_indicators",
            indicators: ["movement_controlled", "sexual_exploitation_sign", "clients_controlled_by_others"], trafficking: false, slavery: true,
            mustRecommend: ["adult_nrm_first_responder", "adult_exploited_as_child", "emergency_support"]),
        .init(
            name: "financial-exploitation-faith-group", outcome: "adult_indicators",
            indicators: ["isolation", "financial_exploitation_sign"], trafficking: false, slavery: true,
            mustRecommend: ["adult_nrm_not_first_responder"]),
        .init(
            name: "hidden-answers-ignored", outcome: "some_concerns", indicators: ["excessive_hours"], trafficking: false, slavery: false,
            ignored: ["first_responder_org", "dangerous_work", "child_not_in_school", "child_unsuitable_work"]),
        .init(
            name: "child-labour-no-means-needed", outcome: "child_indicators",
            indicators: ["travel_controlled", "labour_exploitation_sign", "child_unaccompanied_travel", "child_work_unsuitable"],
            trafficking: true, slavery: false, mustRecommend: ["child_safeguarding", "child_nrm_by_others", "child_ictg_check"]),
    ]

    @Test("there are at least 15 vignettes, each with an expectation")
    func coverage() {
        let folders = Fixtures.directories(in: "vignettes")
        #expect(folders.count >= 15)
        #expect(Set(folders) == Set(Self.expectations.map(\.name)))
    }

    @Test("vignette", arguments: expectations)
    func vignette(_ expected: Expectation) throws {
        let runtime = try #require(ShippedPacks.screening, "the shipped screening pack must load")
        let caseBytes = try #require(Fixtures.read(Fixtures.path("vignettes/\(expected.name)/case.json"))).utf8
        let (ok, bytes) = runtime.evaluateJSON(Array(caseBytes))
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(ok, "\(text)")
        Fixtures.assertGolden(text + "\n", "vignettes/\(expected.name)/expected.json")

        let result = try #require(try JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any])
        let outcome = result["outcome"] as? [String: Any]
        #expect(outcome?["id"] as? String == expected.outcome)
        let indicators = result["indicators"] as? [[String: Any]] ?? []
        #expect(Set(indicators.compactMap { $0["id"] as? String }) == expected.indicators)
        let values = result["values"] as? [String: Any] ?? [:]
        #expect(values["trafficking_elements_indicated"] as? Bool == expected.trafficking)
        #expect(values["slavery_elements_indicated"] as? Bool == expected.slavery)
        let recommendations = Set((result["recommendations"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String })
        for id in expected.mustRecommend { #expect(recommendations.contains(id), "should recommend \(id)") }
        for id in expected.mustNotRecommend { #expect(!recommendations.contains(id), "should not recommend \(id)") }
        let undetermined = (result["undetermined_outcomes"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
        #expect(undetermined == expected.undetermined)
        #expect(result["ignored_answers"] as? [String] ?? [] == expected.ignored)

        // Every fired indicator names the answers behind it, and those answers were given in the case.
        let answers = (try JSONSerialization.jsonObject(with: Data(caseBytes)) as? [String: Any])?["answers"] as? [String: Any] ?? [:]
        for indicator in indicators {
            let evidence = indicator["evidence"] as? [[String: Any]] ?? []
            #expect(!evidence.isEmpty, "indicator \(indicator["id"] ?? "?") has no evidence")
            #expect(
                (indicator["source"] as? String ?? "").count > 10, "indicator \(indicator["id"] ?? "?") cites no source")
            for item in evidence {
                let question = item["question"] as? String ?? ""
                #expect(answers[question] != nil, "evidence names \(question), which the case did not answer")
                #expect(item["text"] as? String != nil)
                #expect(item["answer"] as? String != "not_known" && item["answer"] as? String != "unanswered")
            }
        }
        // Results never say that someone is, or is not, a victim (the disclaimer says exactly that they do not).
        var spoken = result
        spoken["disclaimer"] = nil
        let wording = String(decoding: try JSONSerialization.data(withJSONObject: spoken), as: UTF8.self).lowercased()
        #expect(!wording.contains("is a victim") && !wording.contains("is not a victim") && !wording.contains("are a victim"))
        #expect((result["disclaimer"] as? String ?? "").contains("not a decision"))
    }
}
