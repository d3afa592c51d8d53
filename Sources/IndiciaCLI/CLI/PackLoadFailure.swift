import IndiciaKit

/// Why `--pack` could not be loaded, with what to show.
struct PackLoadFailure: Error {
    var diagnostics: [Diagnostic]
    var sources: SourceText
    var message: String
    var noInput: Bool
}
