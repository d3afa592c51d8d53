/// Renders diagnostics as `path:line:col: severity: message`, the source line, and a caret.
public struct DiagnosticRenderer: Sendable {
    /// The file text used to show source lines.
    public var sources: SourceText

    /// Creates a renderer.
    ///
    /// - Parameter sources: File text for the source lines.
    public init(sources: SourceText) {
        self.sources = sources
    }

    /// Renders one diagnostic (ending with a newline).
    ///
    /// - Parameter diagnostic: The diagnostic.
    /// - Returns: Two or three lines of text.
    public func render(_ diagnostic: Diagnostic) -> String {
        render(diagnostic, severity: { $0 })
    }

    /// Renders one diagnostic, styling the severity word (e.g. in colour on a terminal).
    ///
    /// - Parameters:
    ///   - diagnostic: The diagnostic.
    ///   - severity: Styles the severity word.
    /// - Returns: Two or three lines of text.
    public func render(_ diagnostic: Diagnostic, severity: (String) -> String) -> String {
        var out = "\(diagnostic.mark): \(severity(diagnostic.severity.rawValue)): \(diagnostic.message) [\(diagnostic.code)]\n"
        if let line = sources.line(diagnostic.mark.line, in: diagnostic.mark.file) {
            // Tabs are kept in the caret line so the caret lines up under the source.
            let scalars = Array(line.unicodeScalars)
            var caret = ""
            for index in 0..<max(0, diagnostic.mark.column - 1) {
                caret += index < scalars.count && scalars[index] == "\t" ? "\t" : " "
            }
            out += "  \(line)\n  \(caret)^\n"
        }
        return out
    }

    /// Renders many diagnostics.
    ///
    /// - Parameter diagnostics: The diagnostics.
    /// - Returns: All of them, one after another.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }
}
