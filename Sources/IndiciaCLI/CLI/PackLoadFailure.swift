import IndiciaKit

/// Why `--pack` could not be loaded, with what to show.
struct PackLoadFailure: Error {
    var diagnostics: [Diagnostic]
    var sources: SourceText
    var message: String
    var noInput: Bool

    /// Writes the failure to standard error: each error with its position and source line, then
    /// the message, as `indicia COMMAND: message`.
    ///
    /// - Parameters:
    ///   - context: Where to write.
    ///   - command: The command's name.
    func report(to context: Context, command: String) {
        let renderer = DiagnosticRenderer(sources: sources)
        for diagnostic in diagnostics where diagnostic.severity == .error {
            context.errors.write(renderer.render(diagnostic))
        }
        context.errors.write("indicia \(command): \(message)\n")
    }
}
