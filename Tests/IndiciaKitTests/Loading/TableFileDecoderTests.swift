import Testing

@testable import IndiciaKit

/// `kind: tables` files: one table shared by several rule sets (the organisations-duties table).
@Suite("Shared tables files")
struct TableFileDecoderTests {
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
              - id: org
                type: single_choice
                text: Where do you work?
                choices: [{ id: police, label: Police }, { id: school, label: School }, { id: charity, label: Charity }]
              - id: fro
                type: yes_no
                text: Is your organisation a First Responder?
                show_if: "lookup(duties, org, 'first_responder') == 'ask'"
        """
    static let tables = """
        version: 1
        kind: tables
        id: organisations
        revision: "1"
        title: Duties
        tables:
          - id: duties
            source: s52(5)
            columns: [first_responder, duty_to_notify]
            rows:
              police: { first_responder: "yes", duty_to_notify: "yes" }
              school: { first_responder: "no", duty_to_notify: "no" }
              charity: { first_responder: ask, duty_to_notify: "no" }
        """
    static func rules(sharedTables: String = "[organisations]", ownTables: String = "") -> String {
        """
        version: 1
        kind: rules
        id: r
        revision: "1"
        title: Rules
        questionnaire: q
        shared_tables: \(sharedTables)
        \(ownTables)
        values:
          - id: first_responder
            expr: "if(lookup(duties, org, 'first_responder') == 'ask', fro, lookup(duties, org, 'first_responder') == 'yes')"
            output: true
          - { id: notifies, expr: "lookup(duties, org, 'duty_to_notify') == 'yes'", output: true }
        outcomes:
          - { id: none, level: 0, label: None }
        """
    }

    static func library(_ files: [(String, String)]) -> PackLibrary {
        PackLibrary.load(sources: files.map { ($0.0, Array($0.1.utf8)) })
    }

    func evaluate(_ pack: CompiledPack, _ answers: [String: Value]) -> Evaluation {
        var set = AnswerSet(questionCount: pack.questionCount)
        for (id, value) in answers {
            if let index = pack.questionIndex(of: id) { set.values[index] = value }
        }
        return pack.evaluate(set)
    }

    @Test("a rule set's values and the questionnaire's skip logic read the imported table")
    func importedTableDecides() throws {
        let library = Self.library([("q.yaml", Self.questionnaire), ("t.yaml", Self.tables), ("r.yaml", Self.rules())])
        #expect(library.diagnostics.isEmpty)
        let (compiled, diagnostics) = library.compile(rulesID: "r")
        let pack = try #require(compiled, "\(diagnostics)")
        let police = Value.symbol(pack.symbols.lookup("police") ?? -1)
        let charity = Value.symbol(pack.symbols.lookup("charity") ?? -1)
        let fro = try #require(pack.questionIndex(of: "fro"))
        let slot = pack.valueSlots[0]
        // Police: the table decides; the question is hidden and a contrary answer is set aside.
        let officer = evaluate(pack, ["org": police, "fro": .bool(false)])
        #expect(officer.visible[fro] == false)
        #expect(officer.ignored == [fro])
        #expect(officer.slots[slot] == .bool(true))
        #expect(officer.slots[pack.valueSlots[1]] == .bool(true))
        // A charity: only the worker can say, so the question is asked and the answer decides.
        let worker = evaluate(pack, ["org": charity, "fro": .bool(true)])
        #expect(worker.visible[fro] == true)
        #expect(worker.slots[slot] == .bool(true))
        #expect(worker.slots[pack.valueSlots[1]] == .bool(false))
    }

    @Test("a shared tables id that does not exist is an error at the reference, with a suggestion")
    func unknownFile() {
        let library = Self.library([("q.yaml", Self.questionnaire), ("t.yaml", Self.tables), ("r.yaml", Self.rules(sharedTables: "[organisation]"))])
        let (pack, diagnostics) = library.compile(rulesID: "r")
        #expect(pack == nil)
        let problem = diagnostics.first { $0.code == .unknownTables }
        #expect(problem?.mark == SourceMark(file: "r.yaml", line: 7, column: 17))
        #expect(problem?.message.contains("did you mean 'organisations'") == true)
    }

    @Test("the same table id in the rule set and in a shared file is an error naming both places")
    func duplicateTable() {
        let own = """
            tables:
              - { id: duties, source: local, columns: [first_responder, duty_to_notify], rows: { police: { first_responder: "no", duty_to_notify: "no" } } }
            """
        let library = Self.library([("q.yaml", Self.questionnaire), ("t.yaml", Self.tables), ("r.yaml", Self.rules(ownTables: own))])
        let (pack, diagnostics) = library.compile(rulesID: "r")
        #expect(pack == nil)
        let problem = diagnostics.first { $0.code == .duplicateID }
        #expect(problem?.mark.file == "t.yaml")
        #expect(problem?.message == "table id 'duties' is also used by the table at r.yaml:9:5")
    }

    @Test("an organisation choice with no row in the shared table is a load error")
    func missingRow() {
        let short = Self.tables.split(separator: "\n").filter { !$0.contains("charity:") }.joined(separator: "\n")
        #expect(short != Self.tables)
        let library = Self.library([("q.yaml", Self.questionnaire), ("t.yaml", short), ("r.yaml", Self.rules())])
        let (pack, diagnostics) = library.compile(rulesID: "r")
        #expect(pack == nil)
        #expect(diagnostics.contains { $0.code == .missingRow && $0.message.contains("no row for 'charity'") })
    }

    @Test("a typo in a tables file is an error with its position; a table with no source and an unused file are warnings")
    func lintFindings() {
        let typo = Self.tables.replacingOccurrences(of: "    source: s52(5)\n", with: "    sorce: s52(5)\n")
        let broken = Self.library([("t.yaml", typo)])
        let unknown = broken.diagnostics.first { $0.code == .unknownKey }
        #expect(unknown?.mark == SourceMark(file: "t.yaml", line: 8, column: 5))
        #expect(unknown?.message.contains("did you mean 'source'") == true)
        let unsourced = Self.tables.replacingOccurrences(of: "    source: s52(5)\n", with: "")
        let found = Linter().lint(Self.library([("q.yaml", Self.questionnaire), ("t.yaml", unsourced)]))
        let noSource = found.first { $0.code == .noSource }
        #expect(noSource?.severity == .warning)
        #expect(noSource?.mark == SourceMark(file: "t.yaml", line: 7, column: 5))
        let unused = found.first { $0.code == .unusedTables }
        #expect(unused?.severity == .warning)
        #expect(unused?.mark.file == "t.yaml")
    }

    @Test("the pack's SHA-256 covers the shared tables file")
    func hashCoversTables() throws {
        let before = Self.library([("q.yaml", Self.questionnaire), ("t.yaml", Self.tables), ("r.yaml", Self.rules())])
        let changed = Self.tables.replacingOccurrences(of: "school: { first_responder: \"no\"", with: "school: { first_responder: \"yes\"")
        let after = Self.library([("q.yaml", Self.questionnaire), ("t.yaml", changed), ("r.yaml", Self.rules())])
        let first = try #require(before.compile(rulesID: "r").0)
        let second = try #require(after.compile(rulesID: "r").0)
        #expect(first.identity.sha256 != second.identity.sha256)
    }
}
