import Foundation
import Testing

@testable import IndiciaCLI
@testable import IndiciaKit

/// `indicia lint` checks contacts' review dates against the date it is given (`--today`, then
/// `INDICIA_TODAY`, then the clock), so a run can be repeated exactly.
@Suite("lint: review dates")
struct LintCommandTests {
    /// A minimal pack folder whose one contact must be reviewed by 31 August 2026.
    static func packFolder() -> String {
        let directory = ToolRunner.temporaryDirectory()
        let files = [
            "q.yaml": """
            version: 1
            kind: questionnaire
            id: lq
            revision: "1"
            title: Lint dates
            sections:
              - id: s
                title: S
                questions:
                  - { id: held, type: yes_no, text: Is someone else holding their documents? }
            """,
            "r.yaml": """
            version: 1
            kind: rules
            id: lr
            revision: "1"
            title: Lint date rules
            questionnaire: lq
            services: [local]
            strengths:
              - { id: strong, label: Strong, weight: 3 }
            indicators:
              - { id: withheld, label: Documents withheld, strength: strong, when: held, source: s, verified: true }
            outcomes:
              - { id: concern, level: 1, label: Concern, when: "count() >= 1" }
              - { id: none, level: 0, label: None }
            recommendations:
              - { id: call, text: Call., when: "outcome == 'concern'", services: [front_door], source: s, verified: true }
            """,
            "s.yaml": """
            version: 1
            kind: services
            id: local
            revision: "1"
            title: Local services
            services:
              - { id: front_door, name: Front Door, phone: "TEST-NUMBER-1", scope: local, source: s, verified: true, checked: 2026-03-01, review_by: 2026-08-31 }
            """,
        ]
        for (name, text) in files {
            #expect(FileManager.default.createFile(atPath: directory + "/" + name, contents: Data(text.utf8)))
        }
        return directory
    }

    @Test("--today after the review date: a review-overdue warning with its position; --strict makes it a finding")
    func overdue() {
        let folder = Self.packFolder()
        let run = ToolRunner.run(["lint", folder, "--today", "2026-09-01"])
        #expect(run.code == .ok)
        #expect(
            run.output.contains(
                "\(folder)/s.yaml:7:5: warning: service 'front_door' contact details are due for review (checked 2026-03-01, review by 2026-08-31): check them against their source again and update 'checked' and 'review_by' [review-overdue]"
            ), "\(run.output)")
        #expect(run.output.hasSuffix("0 errors, 1 warning in 3 files\n"))
        #expect(ToolRunner.run(["lint", folder, "--today", "2026-09-01", "--strict"]).code == .findings)
    }

    @Test("--today on or before the review date: no warning")
    func inDate() {
        let run = ToolRunner.run(["lint", Self.packFolder(), "--today", "2026-08-31"])
        #expect(run.code == .ok)
        #expect(run.output == "0 errors, 0 warnings in 3 files\n")
    }

    @Test("INDICIA_TODAY sets the date when --today is not given; --today wins over it")
    func environment() {
        let folder = Self.packFolder()
        let late = ToolRunner.run(["lint", folder], environment: ["INDICIA_TODAY": "2027-01-01"])
        #expect(late.output.contains("[review-overdue]"))
        let early = ToolRunner.run(["lint", folder, "--today", "2026-05-01"], environment: ["INDICIA_TODAY": "2027-01-01"])
        #expect(!early.output.contains("[review-overdue]"))
    }

    @Test("a date that is not YYYY-MM-DD is a usage error naming where it came from")
    func badDate() {
        let option = ToolRunner.run(["lint", Self.packFolder(), "--today", "1 Sept 2026"])
        #expect(option.code == .usage)
        #expect(option.errors == "indicia lint: --today must be a real date written YYYY-MM-DD, not '1 Sept 2026'\n")
        #expect(option.output.isEmpty)
        let variable = ToolRunner.run(["lint", Self.packFolder()], environment: ["INDICIA_TODAY": "2026-02-30"])
        #expect(variable.code == .usage)
        #expect(variable.errors == "indicia lint: INDICIA_TODAY must be a real date written YYYY-MM-DD, not '2026-02-30'\n")
    }
}
