// libFuzzer entry point for Indicia. Built by scripts/fuzz together with the engine's sources into
// one binary (swiftc -sanitize=fuzzer,address); FUZZ_TARGET picks the target:
//   yaml        the YAML layer (libyaml events -> node tree, limits)
//   pack        pack decoding, compilation and lint, for a rules file against a fixed questionnaire
//   expression  the expression parser and type checker
//   case        the JSON case decoder, evaluation and result writer, with the shipped screening pack
#if canImport(Glibc)
    import Glibc
#endif

enum FuzzTarget: String {
    case yaml, pack, expression, `case`

    static let current: FuzzTarget = {
        guard let raw = getenv("FUZZ_TARGET"), let target = FuzzTarget(rawValue: String(cString: raw)) else {
            fputs("FUZZ_TARGET must be one of yaml, pack, expression, case\n", stderr)
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
    if FuzzTarget.current == .case, screeningRuntime == nil {
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
    }
    return 0
}
