import Testing

@testable import IndiciaKit

/// Contacts carry the day they were checked and the day they must be checked again; lint warns once
/// that day has passed, against a date it is given (never the clock), so the same packs always give
/// the same findings for the same date.
@Suite("Service checked and review_by dates")
struct ServiceReviewDateTests {
    static let questionnaire = """
        version: 1
        kind: questionnaire
        id: dq
        revision: "1"
        title: Dates
        sections:
          - id: s
            title: S
            questions:
              - { id: held, type: yes_no, text: Is someone else holding their documents? }
        """
    static let rules = """
        version: 1
        kind: rules
        id: dr
        revision: "1"
        title: Date rules
        questionnaire: dq
        services: [local]
        strengths:
          - { id: strong, label: Strong, weight: 3 }
        indicators:
          - { id: withheld, label: Documents withheld, strength: strong, when: held, source: s, verified: true }
        outcomes:
          - { id: concern, level: 1, label: Concern, when: "count() >= 1" }
          - { id: none, level: 0, label: None }
        recommendations:
          - { id: call, text: Call the front door., when: "outcome == 'concern'", services: [front_door], source: s, verified: true }
        """

    /// A directory whose one entry was checked on 1 March 2026 and must be checked again by 31 August 2026.
    static func services(_ dates: String) -> String {
        """
        version: 1
        kind: services
        id: local
        revision: "1"
        title: Local services
        services:
          - id: front_door
            name: Front Door
            phone: "TEST-NUMBER-1"
            scope: local
            source: s
            verified: true
        \(dates)
        """
    }

    static let dated = services(
        """
            checked: 2026-03-01
            review_by: "2026-08-31"
        """)

    static func day(_ text: String) throws -> Int32 { try #require(CalendarDate.days(fromISO: text)) }

    @Test("checked and review_by are read as dates, quoted or not")
    func decoded() throws {
        let pack = try #require(Fixtures.pack(questionnaire: Self.questionnaire, rules: Self.rules, services: Self.dated))
        let service = try #require(pack.services["front_door"])
        #expect(service.checked == (try Self.day("2026-03-01")))
        #expect(service.reviewBy == (try Self.day("2026-08-31")))
    }

    @Test("lint warns review-overdue once the review date has passed, and not before")
    func overdue() throws {
        let library = Fixtures.library(questionnaire: Self.questionnaire, rules: Self.rules, services: Self.dated)
        let late = Linter(today: try Self.day("2026-09-01")).lint(library).filter { $0.code == .reviewOverdue }
        #expect(late.count == 1)
        let finding = try #require(late.first)
        #expect(finding.severity == .warning)
        #expect(finding.message.contains("service 'front_door'"))
        #expect(finding.message.contains("checked 2026-03-01, review by 2026-08-31"))
        // The entry's `- id:` line in the services file (line 7, column 5).
        #expect(finding.mark.file.hasSuffix("/s.yaml"))
        #expect(finding.mark.line == 7 && finding.mark.column == 5)
        // On the review day itself the details are still in date.
        #expect(!Linter(today: try Self.day("2026-08-31")).lint(library).contains { $0.code == .reviewOverdue })
        // Without a date the check is skipped (the linter never reads the clock).
        #expect(!Linter().lint(library).contains { $0.code == .reviewOverdue })
    }

    @Test("a service without review_by gets no-review-date, whatever the date; one with it does not")
    func noReviewDate() throws {
        let undated = Fixtures.library(questionnaire: Self.questionnaire, rules: Self.rules, services: Self.services(""))
        for linter in [Linter(), Linter(today: try Self.day("2026-01-01")), Linter(today: try Self.day("2030-01-01"))] {
            let found = linter.lint(undated).filter { $0.code == .noReviewDate }
            #expect(found.count == 1)
            #expect(found.first?.severity == .warning)
            #expect(found.first?.message.hasPrefix("service 'front_door' has no review_by date") == true)
            #expect(found.first?.mark.line == 7)
        }
        let checkedOnly = Fixtures.library(
            questionnaire: Self.questionnaire, rules: Self.rules, services: Self.services("    checked: 2026-03-01"))
        #expect(Linter().lint(checkedOnly).filter { $0.code == .noReviewDate }.count == 1)
        let dated = Fixtures.library(questionnaire: Self.questionnaire, rules: Self.rules, services: Self.dated)
        #expect(!Linter(today: try Self.day("2026-05-01")).lint(dated).contains { $0.code == .noReviewDate || $0.code == .reviewOverdue })
    }

    @Test("a directory no rule set uses is still checked for overdue reviews")
    func unusedDirectory() throws {
        let rules = Self.rules.replacingOccurrences(of: "services: [local]\n", with: "")
            .replacingOccurrences(of: ", services: [front_door]", with: "")
        let library = Fixtures.library(questionnaire: Self.questionnaire, rules: rules, services: Self.dated)
        let findings = Linter(today: try Self.day("2027-01-01")).lint(library)
        #expect(findings.filter { $0.code == .reviewOverdue }.count == 1)
    }

    @Test("a date that is not a real date is an error at the value", arguments: ["2026-02-30", "29/11/2026", "2026-1-5", "20261129"])
    func badDate(_ text: String) throws {
        let library = Fixtures.library(
            questionnaire: Self.questionnaire, rules: Self.rules, services: Self.services("    checked: \"\(text)\""))
        let errors = library.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        let error = try #require(errors.first)
        #expect(error.code == .badDate)
        #expect(error.message == "'checked' in service must be a real date written YYYY-MM-DD; '\(text)' is not")
        #expect(error.mark.line == 13 && error.mark.column == 14)
    }

    @Test("a date given as a list or a number is a wrong-type error")
    func wrongType() throws {
        for value in ["[2026-03-01]", "20261129", "null"] {
            let library = Fixtures.library(
                questionnaire: Self.questionnaire, rules: Self.rules, services: Self.services("    review_by: \(value)"))
            let codes = library.diagnostics.filter { $0.severity == .error }.map(\.code)
            #expect(codes == [value == "20261129" ? .badDate : .wrongType], "\(value): \(codes)")
        }
    }

    @Test("review_by before checked is an error naming both dates")
    func reviewBeforeChecked() throws {
        let library = Fixtures.library(
            questionnaire: Self.questionnaire, rules: Self.rules,
            services: Self.services("    checked: 2026-03-01\n    review_by: 2026-02-28"))
        let errors = library.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.code) == [.badValue])
        #expect(errors.first?.message == "'review_by' of service 'front_door' (2026-02-28) is before the day it was checked (2026-03-01)")
        #expect(errors.first?.mark.line == 14)
    }

    @Test("a misspelt date key is an unknown key, with a suggestion")
    func misspelt() throws {
        let library = Fixtures.library(
            questionnaire: Self.questionnaire, rules: Self.rules, services: Self.services("    reviewby: 2026-08-31"))
        let error = try #require(library.diagnostics.first { $0.severity == .error })
        #expect(error.code == .unknownKey)
        #expect(error.message.contains("'review_by'"))
    }

    @Test("the result names the day a contact was checked, and leaves it out when the pack does not say")
    func resultJSON() throws {
        for (services, expected) in [(Self.dated, true), (Self.services(""), false)] {
            let pack = try #require(Fixtures.pack(questionnaire: Self.questionnaire, rules: Self.rules, services: services))
            let runtime = PackRuntime(pack: pack)
            let result = runtime.evaluateJSON(Array(#"{"id":"c1","answers":{"held":"yes"}}"#.utf8))
            #expect(result.ok)
            let text = String(decoding: result.bytes, as: UTF8.self)
            #expect(text.contains(#""scope":"local","verified":true"#))
            #expect(text.contains(#""verified":true,"checked":"2026-03-01"}"#) == expected, "\(text)")
        }
    }
}
