extension Diagnostic.Code {
    /// A small pack on disk that shows a code: the files (and any folders or links) of one folder,
    /// what is handed to `indicia lint`, and optionally a rule set asked for by id.
    ///
    /// Examples are built from one clean ``base`` pack by a single textual change, so the
    /// triggering and non-triggering examples of a code differ only where it matters.
    public struct Example: Sendable, Equatable {
        /// One thing in the example's folder.
        public enum Entry: Sendable, Equatable {
            /// A file with this text.
            case file(String, String)
            /// An empty folder.
            case folder(String)
            /// A Unix-domain socket: a path that exists but cannot be opened for reading.
            case socket(String)
        }

        /// What the folder holds, in order.
        public var entries: [Entry]
        /// The paths handed to lint, relative to the folder (`.` is the folder itself).
        public var lint: [String] = ["."]
        /// A rule set id asked for (as `indicia evaluate --pack ID` does), if any.
        public var pack: String?
        /// The day lint runs, `YYYY-MM-DD` (as `indicia lint --today` gives it), if it matters.
        public var today: String?
        /// Replacements that did not find their text exactly once (empty for a well-formed example).
        public var unmatched: [String] = []

        /// The text of a file entry.
        ///
        /// - Parameter name: The file's name.
        /// - Returns: Its text, or nil.
        public func text(of name: String) -> String? {
            for case .file(name, let text) in entries { return text }
            return nil
        }

        /// This example with `old` (which must occur exactly once) replaced by `new` in one file.
        ///
        /// - Parameters:
        ///   - old: Text to replace.
        ///   - new: Its replacement.
        ///   - file: The file (default `rules.yaml`).
        /// - Returns: The changed example.
        public func replacing(_ old: String, with new: String, in file: String = "rules.yaml") -> Example {
            var copy = self
            var found = false
            copy.entries = entries.map { entry in
                guard case .file(file, let text) = entry, text.ranges(of: old).count == 1 else { return entry }
                found = true
                return .file(file, text.replacing(old, with: new))
            }
            if !found { copy.unmatched.append("\(file): \(old)") }
            return copy
        }

        /// This example with one more entry.
        ///
        /// - Parameter entry: The entry.
        /// - Returns: The changed example.
        public func adding(_ entry: Entry) -> Example {
            var copy = self
            copy.entries.append(entry)
            return copy
        }

        /// This example handed to lint as these paths.
        ///
        /// - Parameter paths: Paths relative to the folder.
        /// - Returns: The changed example.
        public func linting(_ paths: [String]) -> Example {
            var copy = self
            copy.lint = paths
            return copy
        }

        /// This example asking for a rule set by id.
        ///
        /// - Parameter id: The rule set id.
        /// - Returns: The changed example.
        public func asking(for id: String) -> Example {
            var copy = self
            copy.pack = id
            return copy
        }

        /// This example linted as of a day.
        ///
        /// - Parameter day: `YYYY-MM-DD`.
        /// - Returns: The changed example.
        public func linted(on day: String) -> Example {
            var copy = self
            copy.today = day
            return copy
        }

        /// A clean pack: a questionnaire, a rule set and a services directory that lint without a finding.
        public static let base = Example(entries: [
            .file("questionnaire.yaml", baseQuestionnaire), .file("rules.yaml", baseRules), .file("services.yaml", baseServices),
        ])

        static let baseQuestionnaire = """
            version: 1
            kind: questionnaire
            id: base
            revision: "1"
            title: Base
            sections:
              - id: main
                title: Main
                questions:
                  - id: held
                    type: yes_no
                    not_known: true
                    text: Is someone else holding the person's documents?
                  - id: sector
                    type: single_choice
                    text: Which sector do they work in?
                    choices:
                      - { id: farm, label: Farm }
                      - { id: other, label: Something else }
                  - id: hours
                    type: integer
                    min: 0
                    max: 168
                    text: About how many hours a week do they work?

            """

        static let baseRules = """
            version: 1
            kind: rules
            id: base
            revision: "1"
            title: Base rules
            questionnaire: base
            services: [base-services]
            strengths:
              - { id: strong, label: Strong, weight: 3 }
            categories:
              - { id: labour, label: Labour }
            tables:
              - id: usual_hours
                source: A published source
                columns: [limit]
                rows:
                  farm: { limit: 60 }
                  other: { limit: 48 }
            values:
              - { id: weekly_hours, expr: hours }
            scores:
              - { id: total, label: Weighted total, expr: weight_sum() }
            indicators:
              - id: documents_held
                label: Documents held by someone else
                category: labour
                strength: strong
                tags: [control]
                when: held == 'yes'
                source: A published source
                verified: true
              - id: long_hours
                label: Very long hours
                category: labour
                strength: strong
                when: hours > lookup(usual_hours, sector, 'limit')
                source: Another published source
                verified: true
            outcomes:
              - id: concern
                level: 2
                label: Indicators present
                when: count() >= 1
              - id: none
                level: 0
                label: No indicators recorded
            recommendations:
              - id: call_helpline
                text: Call the helpline for advice.
                when: outcome == 'concern'
                services: [helpline]
                source: A published source
                verified: true

            """

        /// The clean ``base`` pack with a pack test file (`kind: tests`) that reaches every outcome and next step.
        public static let tested = base.adding(.file("tests.yaml", baseTests))

        static let baseTests = """
            version: 1
            kind: tests
            id: base-tests
            rules: base
            title: Base tests
            tests:
              - id: documents_held
                situation: Someone else holds the passport of a person who works 40 hours a week on a farm.
                answers:
                  held: "yes"
                  sector: farm
                  hours: 40
                expect:
                  outcome: concern
                  level: 2
                  indicators: [documents_held]
                  not_indicators: [long_hours]
                  next_steps: [call_helpline]
                  values: { weekly_hours: 40 }
                  scores: { total: 3 }
              - id: nothing_seen
                situation: The person holds their own passport and works 40 hours a week on a farm.
                answers:
                  held: "no"
                  sector: farm
                  hours: 40
                expect:
                  outcome: none
                  not_next_steps: [call_helpline]

            """

        static let baseServices = """
            version: 1
            kind: services
            id: base-services
            revision: "1"
            title: Base services
            services:
              - id: helpline
                name: A helpline
                phone: "0000"
                scope: national
                checked: 2026-01-05
                review_by: 2099-01-05
                source: A published source
                verified: true

            """
    }

    /// A pack that produces this code and a near-identical one that does not; one test runs them all.
    public var examples: (triggering: Example, nonTriggering: Example) {
        let base = Example.base
        let tested = Example.tested
        let q = "questionnaire.yaml"
        let t = "tests.yaml"
        switch self {
        case .fileNotFound:
            return (base.linting([".", "missing.yaml"]), base.linting([".", "rules.yaml"]))
        case .notAFile:
            return (base.adding(.folder("drafts.yaml")), base.adding(.folder("drafts")))
        case .unreadable:
            return (base.adding(.socket("socket.yaml")).linting([".", "socket.yaml"]), base.linting([".", "services.yaml"]))
        case .fileTooLarge:
            let big = String(repeating: "# padding\n", count: 420_000)
            return (base.adding(.file("big.yaml", big)), base.replacing("title: Base rules\n", with: "title: Base rules\n# a comment\n"))
        case .emptyFile:
            return (base.adding(.file("empty.yaml", "")), base)
        case .yamlSyntax:
            return (
                base.replacing("title: Base rules", with: "title: Base rules: draft"),
                base.replacing("title: Base rules", with: "title: \"Base rules: draft\"")
            )
        case .duplicateKey:
            return (base.replacing("title: Base rules\n", with: "title: Base rules\ntitle: Rules\n"), base)
        case .yamlAlias:
            return (
                base.replacing("label: No indicators recorded", with: "label: &none No indicators recorded\n    summary: *none"),
                base.replacing("label: No indicators recorded", with: "label: No indicators recorded\n    summary: No indicators recorded")
            )
        case .yamlComplexKey:
            return (
                base.replacing("title: Base rules\n", with: "? [title]\n: Base rules\n"),
                base.replacing("title: Base rules\n", with: "? title\n: Base rules\n")
            )
        case .yamlTag:
            return (
                base.replacing("revision: \"1\"\ntitle: Base rules", with: "revision: !!binary MQ==\ntitle: Base rules"),
                base.replacing("revision: \"1\"\ntitle: Base rules", with: "revision: !!str 1\ntitle: Base rules")
            )
        case .yamlTooDeep:
            let deep = String(repeating: "[", count: 100) + String(repeating: "]", count: 100)
            let shallow = String(repeating: "[", count: 10) + String(repeating: "]", count: 10)
            return (base.adding(.file("deep.yaml", "nested: \(deep)\n")), base.adding(.file("deep.yaml", "nested: \(shallow)\n")))
        case .yamlTooManyNodes:
            let list = { (count: Int) in "items: [" + String(repeating: "0, ", count: count) + "0]\n" }
            return (base.adding(.file("many.yaml", list(500_000))), base.adding(.file("many.yaml", list(1_000))))
        case .yamlMultipleDocuments:
            return (
                base.replacing("title: Base services\n", with: "title: Base services\n---\n", in: "services.yaml"),
                base.replacing("version: 1\nkind: services", with: "---\nversion: 1\nkind: services", in: "services.yaml")
            )
        case .unsupportedVersion:
            return (base.replacing("version: 1\nkind: rules", with: "version: 2\nkind: rules"), base)
        case .unknownKind:
            return (base.replacing("kind: rules", with: "kind: rule"), base)
        case .unknownKey:
            return (
                base.replacing("title: Base rules\n", with: "title: Base rules\ntitel: Rules\n"),
                base.replacing("title: Base rules\n", with: "title: Base rules\ndisclaimer: Rules\n")
            )
        case .missingKey:
            return (base.replacing("title: Base rules\n", with: ""), base)
        case .keyNotAllowed:
            return (base.replacing("type: yes_no\n", with: "type: yes_no\n        max: 168\n", in: q), base)
        case .wrongType:
            return (base.replacing("title: Base rules", with: "title: [Base, rules]"), base)
        case .emptyValue:
            return (base.replacing("title: Base rules", with: "title: \"\""), base)
        case .badValue:
            return (
                base.replacing("scope: national", with: "scope: regional", in: "services.yaml"),
                base.replacing("scope: national", with: "scope: local", in: "services.yaml")
            )
        case .badNumber:
            return (base.replacing("weight: 3", with: "weight: .inf"), base.replacing("weight: 3", with: "weight: 3.5"))
        case .badRange:
            return (base.replacing("max: 168", with: "max: -1", in: q), base)
        case .badID:
            return (base.replacing("- id: main", with: "- id: Main", in: q), base.replacing("- id: main", with: "- id: main_2", in: q))
        case .reservedID:
            let value = { (id: String) in "values:\n  - { id: \(id), expr: hours * 2 }\n" }
            return (base.replacing("values:\n", with: value("outcome")), base.replacing("values:\n", with: value("hours_doubled")))
        case .duplicateID:
            let strength = "  - { id: strong, label: Strong, weight: 3 }\n"
            return (
                base.replacing(strength, with: strength + "  - { id: strong, label: Very strong, weight: 4 }\n"),
                base.replacing(strength, with: strength + "  - { id: very_strong, label: Very strong, weight: 4 }\n")
            )
        case .unknownType:
            return (base.replacing("type: yes_no", with: "type: yesno", in: q), base)
        case .tooManyChoices:
            let question = { (count: Int) in
                "    questions:\n      - id: kinds\n        type: multiple_choice\n        text: Which kinds?\n        choices:\n"
                    + (1...count).map { "          - { id: k\($0), label: K\($0) }\n" }.joined()
            }
            return (base.replacing("    questions:\n", with: question(65), in: q), base.replacing("    questions:\n", with: question(64), in: q))
        case .unknownPack:
            return (base.asking(for: "bas"), base.asking(for: "base"))
        case .unknownQuestionnaire:
            return (base.replacing("questionnaire: base", with: "questionnaire: bse"), base)
        case .unknownDirectory:
            return (base.replacing("services: [base-services]", with: "services: [base-servics]"), base)
        case .unknownService:
            return (base.replacing("services: [helpline]", with: "services: [help_line]"), base)
        case .unknownCategory:
            return (base.replacing("label: Very long hours\n    category: labour", with: "label: Very long hours\n    category: labor"), base)
        case .unknownStrength:
            return (
                base.replacing(
                    "label: Very long hours\n    category: labour\n    strength: strong",
                    with: "label: Very long hours\n    category: labour\n    strength: stronk"), base
            )
        case .unknownTag:
            return (
                base.replacing("when: count() >= 1", with: "when: count(tag='contrl') >= 1"),
                base.replacing("when: count() >= 1", with: "when: count(tag='control') >= 1")
            )
        case .badReport:
            return (
                base.replacing("values:\n", with: "report: { kind: screening, date: weekly_hours }\nvalues:\n"),
                base.replacing("values:\n", with: "report: { kind: screening }\nvalues:\n")
            )
        case .notChecked:
            return (base.replacing("        not_known: true\n", with: "        not_known: true\n        hint: Ask gently\n", in: q), base)
        case .exprSyntax:
            return (base.replacing("when: held == 'yes'", with: "when: held = 'yes'"), base)
        case .exprType:
            return (
                base.replacing("hours > lookup(usual_hours, sector, 'limit')", with: "hours > 'sixty'"),
                base.replacing("hours > lookup(usual_hours, sector, 'limit')", with: "hours > 60")
            )
        case .exprArity:
            return (base.replacing("when: hours >", with: "when: abs(hours, 1) >"), base.replacing("when: hours >", with: "when: abs(hours) >"))
        case .exprScope:
            return (base.replacing("when: held == 'yes'", with: "when: outcome == 'concern'"), base)
        case .exprTooLong:
            let long = { (count: Int) in "when: held == 'yes'" + String(repeating: " or held == 'yes'", count: count) }
            return (base.replacing("when: held == 'yes'", with: long(300)), base.replacing("when: held == 'yes'", with: long(10)))
        case .exprTooDeep:
            let nested = { (depth: Int) in "when: " + String(repeating: "(", count: depth) + "held == 'yes'" + String(repeating: ")", count: depth) }
            return (base.replacing("when: held == 'yes'", with: nested(60)), base.replacing("when: held == 'yes'", with: nested(10)))
        case .unknownName:
            return (base.replacing("when: held == 'yes'", with: "when: hold == 'yes'"), base)
        case .unknownFunction:
            return (base.replacing("when: count() >= 1", with: "when: cnt() >= 1"), base)
        case .unknownChoice:
            return (
                base.replacing("hours > lookup(usual_hours, sector, 'limit')", with: "hours > 60 and sector == 'farming'"),
                base.replacing("hours > lookup(usual_hours, sector, 'limit')", with: "hours > 60 and sector == 'farm'")
            )
        case .unknownTable:
            return (base.replacing("lookup(usual_hours,", with: "lookup(usual_hour,"), base)
        case .unknownColumn:
            return (base.replacing("sector, 'limit')", with: "sector, 'limits')"), base)
        case .missingRow:
            return (
                base.replacing("      other: { limit: 48 }\n", with: ""),
                base.replacing("      other: { limit: 48 }\n", with: "    default: { limit: 48 }\n")
            )
        case .laterQuestion:
            return (
                base.replacing("        type: yes_no\n", with: "        type: yes_no\n        show_if: sector == 'farm'\n", in: q),
                base.replacing("        type: integer\n", with: "        type: integer\n        show_if: sector == 'farm'\n", in: q)
            )
        case .cycle:
            let values = { (first: String) in "values:\n  - { id: v1, expr: \(first) + 1 }\n  - { id: v2, expr: v1 * 2 }\n" }
            return (base.replacing("values:\n", with: values("v2")), base.replacing("values:\n", with: values("hours")))
        case .noFallbackOutcome:
            return (base.replacing("label: No indicators recorded\n", with: "label: No indicators recorded\n    when: count() == 0\n"), base)
        case .neverFires:
            return (
                base.replacing("when: held == 'yes'", with: "when: held == 'yes' and held == 'no'"),
                base.replacing("when: held == 'yes'", with: "when: held == 'yes' or held == 'no'")
            )
        case .outcomeShadowed:
            return (
                base.replacing("when: count() >= 1", with: "when: answered(held) or not answered(held)"),
                base.replacing("when: count() >= 1", with: "when: answered(held)")
            )
        case .outcomeUnreachable:
            let some = "  - id: many\n    level: 3\n    label: Several indicators\n    when: count() >= 2\n"
            return (
                base.replacing("  - id: none\n", with: some + "  - id: none\n"), base.replacing("  - id: concern\n", with: some + "  - id: concern\n")
            )
        case .unusedQuestion:
            let extra = "    questions:\n      - id: notes\n        type: text\n        text: Anything else?\n"
            return (base.replacing("    questions:\n", with: extra, in: q), base)
        case .unscoredQuestionnaire:
            let other = Example.baseQuestionnaire.replacing("id: base\n", with: "id: other\n")
            return (base.adding(.file("other.yaml", other)), base)
        case .badDate:
            return (
                base.replacing("checked: 2026-01-05", with: "checked: 2026-02-30", in: "services.yaml"),
                base.replacing("checked: 2026-01-05", with: "checked: 2026-02-28", in: "services.yaml")
            )
        case .reviewOverdue:
            let due = base.replacing("review_by: 2099-01-05", with: "review_by: 2026-07-05", in: "services.yaml")
            return (due.linted(on: "2026-07-06"), due.linted(on: "2026-07-05"))
        case .noReviewDate:
            return (base.replacing("    review_by: 2099-01-05\n", with: "", in: "services.yaml"), base)
        case .unknownTables, .unusedTables:
            let tables = """
                version: 1
                kind: tables
                id: hours-tables
                revision: "1"
                title: Hours
                tables:
                  - id: weekly_limit
                    source: A published source
                    columns: [limit]
                    rows:
                      farm: { limit: 60 }
                      other: { limit: 48 }

                """
            let shared = base.adding(.file("tables.yaml", tables))
            let importing = { (id: String) in
                shared.replacing("services: [base-services]\n", with: "services: [base-services]\nshared_tables: [\(id)]\n")
            }
            if self == .unusedTables { return (shared, importing("hours-tables")) }
            return (importing("hours-table"), importing("hours-tables"))
        case .unknownRules:
            return (tested.replacing("rules: base", with: "rules: bse", in: t), tested)
        case .testsNotRun:
            return (tested.replacing("when: held == 'yes'", with: "when: held = 'yes'"), tested)
        case .unknownQuestion:
            return (tested.replacing("    held: \"yes\"\n", with: "    hold: \"yes\"\n", in: t), tested)
        case .refusedAnswer:
            return (tested.replacing("    held: \"yes\"\n", with: "    held: \"perhaps\"\n", in: t), tested)
        case .unknownOutcome:
            return (tested.replacing("outcome: none", with: "outcome: nothing", in: t), tested)
        case .unknownLevel:
            return (tested.replacing("level: 2", with: "level: 5", in: t), tested)
        case .contradictoryExpectation:
            return (tested.replacing("level: 2", with: "level: 0", in: t), tested)
        case .unknownIndicator:
            return (tested.replacing("not_indicators: [long_hours]", with: "not_indicators: [long_hour]", in: t), tested)
        case .unknownRecommendation:
            return (tested.replacing("not_next_steps: [call_helpline]", with: "not_next_steps: [call_help_line]", in: t), tested)
        case .unknownValue:
            return (tested.replacing("values: { weekly_hours: 40 }", with: "values: { weekly_hour: 40 }", in: t), tested)
        case .unknownScore:
            return (tested.replacing("scores: { total: 3 }", with: "scores: { totals: 3 }", in: t), tested)
        case .testFailed:
            return (tested.replacing("scores: { total: 3 }", with: "scores: { total: 4 }", in: t), tested)
        case .untestedPack:
            let other = Example.baseTests.replacing("id: base-tests\nrules: base\n", with: "id: other-tests\nrules: other\n")
            let rules = Example.baseRules.replacing("id: base\n", with: "id: other\n")
            return (tested.adding(.file("other.yaml", rules)), tested.adding(.file("other.yaml", rules)).adding(.file("other-tests.yaml", other)))
        case .untestedOutcome:
            let concern = tested.replacing("    held: \"no\"\n", with: "    held: \"yes\"\n", in: t).replacing(
                "outcome: none", with: "outcome: concern", in: t)
            return (concern.replacing("not_next_steps: [call_helpline]", with: "next_steps: [call_helpline]", in: t), tested)
        case .untestedNextStep:
            return (tested.replacing("when: outcome == 'concern'", with: "when: outcome == 'concern' and hours > 100"), tested)
        case .noSource:
            return (base.replacing("    source: Another published source\n", with: ""), base)
        case .unverified:
            return (
                base.replacing(
                    "    source: Another published source\n    verified: true", with: "    source: Another published source\n    verified: false"),
                base
            )
        }
    }
}
