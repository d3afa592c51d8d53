// libFuzzer entry point for Indicia. Built by scripts/fuzz together with the engine's sources into
// one binary (swiftc -sanitize=fuzzer,address); FUZZ_TARGET picks the target:
//   yaml        the YAML layer (libyaml events -> node tree, limits)
//   pack        pack decoding, compilation and lint, for a rules file against a fixed questionnaire
//   expression  the expression parser and type checker
//   case        the JSON case decoder, evaluation and result writer, with the shipped screening pack
//   respaced    differential: every input, as given and with a space after every ':' and ',' outside
//               strings, gives the same results byte for byte (error columns aside, which move)
//   tests       pack test files (kind: tests) against a fixed pack: decoding, checking, running, reports, lint
//   fhir        differential: every input read as a QuestionnaireResponse with the compact reader and
//               with the general one only gives the same answers or the same error (screening pack;
//               the seeds in Fuzz/corpus/fhir answer its questionnaire revision 2026.11)
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum FuzzTarget: String {
    case yaml, pack, expression, `case`, respaced, tests, fhir

    static let current: FuzzTarget = {
        guard let raw = getenv("FUZZ_TARGET"), let target = FuzzTarget(rawValue: String(cString: raw)) else {
            fputs("FUZZ_TARGET must be one of yaml, pack, expression, case, respaced, tests, fhir\n", stderr)
            exit(2)
        }
        return target
    }()
}

let baseQuestionnaire = Array(
    """
    version: 1
    kind: questionnaire
    id: base
    revision: "1"
    title: Base
    sections:
      - id: s
        title: S
        questions:
          - { id: q_yes, type: yes_no, not_known: true, text: Yes? }
          - { id: q_choice, type: single_choice, text: Choice?, choices: [{ id: a, label: A }, { id: b, label: B }] }
          - { id: q_number, type: integer, min: 0, max: 100, text: Number? }
          - { id: q_multi, type: multiple_choice, text: Multi?, choices: [{ id: x, label: X }, { id: y, label: Y }] }
          - { id: q_date, type: date, text: Date? }
    """.utf8)

let baseRules = Array(
    """
    version: 1
    kind: rules
    id: base
    revision: "1"
    title: Base
    questionnaire: base
    values:
      - { id: chosen_a, expr: "q_choice == 'a'" }
    indicators:
      - { id: i_yes, label: Yes, when: q_yes, source: S, verified: true }
      - { id: i_many, label: Many, when: q_number > 50 or 'x' in q_multi, source: S, verified: true }
    scores:
      - { id: total, label: Total, expr: count() }
    outcomes:
      - { id: high, level: 2, label: High, when: total >= 2 }
      - { id: none, level: 0, label: None }
    recommendations:
      - { id: act, text: Act., when: "outcome == 'high'", source: S, verified: true }
    """.utf8)

let screeningRuntime: PackRuntime? = {
    let library = PackLibrary.load(paths: ["rules", "questionnaires"])
    guard let pack = library.compile(rulesID: "screening").0 else { return nil }
    return PackRuntime(pack: pack)
}()

/// Loads the shipped pack before fuzzing starts, so leak detection sees only per-input work.
@_cdecl("LLVMFuzzerInitialize")
public func initialize(_ argc: UnsafeMutablePointer<Int32>?, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>?)
    -> Int32
{
    if [.case, .respaced, .fhir].contains(FuzzTarget.current), screeningRuntime == nil {
        fputs("fuzz: the shipped screening pack does not load (run from the repository root)\n", stderr)
        exit(2)
    }
    return 0
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
    switch FuzzTarget.current {
    case .yaml:
        _ = try? YAMLParser().parse(bytes, file: "fuzz.yaml")
    case .pack:
        let library = PackLibrary.load(sources: [("q.yaml", baseQuestionnaire), ("r.yaml", bytes)])
        let findings = Linter().lint(library)
        _ = DiagnosticRenderer(sources: library.sources).render(findings)
    case .expression:
        let text = String(decoding: bytes, as: UTF8.self)
        _ = try? Parser.parse(text)
        // Also type-check it as an indicator condition against the fixed questionnaire.
        let indented = text.split(separator: "\n", omittingEmptySubsequences: false).map { "      " + $0 }.joined(separator: "\n")
        let rules =
            "version: 1\nkind: rules\nid: r\nrevision: \"1\"\ntitle: R\nquestionnaire: base\nindicators:\n  - id: i\n    label: I\n    when: |\n\(indented)\noutcomes:\n  - { id: none, level: 0, label: None }\n"
        let library = PackLibrary.load(sources: [("q.yaml", baseQuestionnaire), ("r.yaml", Array(rules.utf8))])
        if let pack = library.compile(rulesID: "r").0 {
            let runtime = PackRuntime(pack: pack)
            _ = runtime.evaluateJSON(Array(#"{"answers":{"q_yes":"not_known","q_number":5,"q_multi":["x"]}}"#.utf8))
        }
    case .case:
        guard let runtime = screeningRuntime else { abort() }
        _ = runtime.evaluateJSON(bytes)
    case .respaced:
        guard let runtime = screeningRuntime else { abort() }
        let compact = runtime.evaluateJSON(bytes)
        let spaced = runtime.evaluateJSON(respace(bytes))
        guard compact.ok == spaced.ok, withoutColumns(compact.bytes) == withoutColumns(spaced.bytes) else {
            fputs(
                "respaced: different results\n\(String(decoding: compact.bytes, as: UTF8.self))\n\(String(decoding: spaced.bytes, as: UTF8.self))\n",
                stderr)
            abort()
        }
    case .fhir:
        guard let runtime = screeningRuntime else { abort() }
        let provider = SinglePackProvider(runtime)
        var compact = Evaluation()
        var general = Evaluation()
        let same = bytes.withUnsafeBufferPointer { line -> Bool in
            let a = FHIRResponseDecoder.decode(line, packs: provider, defaultPack: 0, limits: .standard, compact: true, into: &compact)
            let b = FHIRResponseDecoder.decode(line, packs: provider, defaultPack: 0, limits: .standard, compact: false, into: &general)
            switch (a, b) {
            case (.failure(let x), .failure(let y)): return x == y
            case (.success(let x), .success(let y)):
                let questions = runtime.pack.questionCount
                return x.idRange == y.idRange && compact.slots[..<questions] == general.slots[..<questions] && compact.texts == general.texts
            default: return false
            }
        }
        if !same {
            fputs("fhir: the compact and general QuestionnaireResponse readers differ\n", stderr)
            abort()
        }
    case .tests:
        let library = PackLibrary.load(sources: [("q.yaml", baseQuestionnaire), ("r.yaml", baseRules), ("t.yaml", bytes)])
        let report = library.testReport()
        _ = report.text()
        _ = report.json()
        _ = DiagnosticRenderer(sources: library.sources).render(Linter().lint(library))
    }
    return 0
}

/// The same JSON with a space after every ':' and ',' outside strings (which changes no meaning).
func respace(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count * 2)
    var inString = false
    var escaped = false
    for byte in bytes {
        out.append(byte)
        if inString {
            if escaped {
                escaped = false
            } else if byte == 0x5C {
                escaped = true
            } else if byte == 0x22 || byte == 0x0A {
                inString = false
            }
        } else if byte == 0x22 {
            inString = true
        } else if byte == 0x3A || byte == 0x2C {
            out.append(0x20)
        }
    }
    return out
}

/// Results with every `,"column":N` removed (the only thing re-spacing may change).
func withoutColumns(_ bytes: [UInt8]) -> [UInt8] {
    let marker = Array(#","column":"#.utf8)
    var out: [UInt8] = []
    var index = 0
    while index < bytes.count {
        if bytes[index] == 0x2C, index + marker.count <= bytes.count, Array(bytes[index..<(index + marker.count)]) == marker {
            index += marker.count
            while index < bytes.count, bytes[index] >= 0x30, bytes[index] <= 0x39 { index += 1 }
            continue
        }
        out.append(bytes[index])
        index += 1
    }
    return out
}
