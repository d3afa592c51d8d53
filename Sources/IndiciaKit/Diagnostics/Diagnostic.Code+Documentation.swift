extension Diagnostic.Code {
    /// The line before the generated codes table in `docs/authoring.md`.
    public static let documentationBegin = "<!-- BEGIN lint codes: generated from Diagnostic.Code; RECORD_GOLDENS=1 swift test rewrites it -->"
    /// The line after the generated codes table in `docs/authoring.md`.
    public static let documentationEnd = "<!-- END lint codes -->"

    /// The Markdown table of every code, its default severity and its meaning, in declaration order
    /// (files and YAML, keys, references, expressions, whole-pack analysis, provenance).
    ///
    /// `docs/authoring.md` holds exactly this text between ``documentationBegin`` and
    /// ``documentationEnd``; a test fails when the two drift apart.
    public static var documentationTable: String {
        var out = "| code | severity | meaning |\n|---|---|---|\n"
        for code in allCases {
            let meaning = code.meaning.flatMap { $0 == "|" ? ["\\", "|"] : [$0] }
            out += "| `\(code.rawValue)` | \(code.defaultSeverity.rawValue) | \(String(meaning)) |\n"
        }
        return out
    }
}
