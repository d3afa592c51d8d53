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
        var out =
            "\(Self.safe(diagnostic.mark.description)): \(severity(diagnostic.severity.rawValue)): \(Self.safe(diagnostic.message)) [\(diagnostic.code)]\n"
        if let raw = sources.line(diagnostic.mark.line, in: diagnostic.mark.file) {
            let line = Self.safe(raw)
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

    /// Text with control characters replaced, so a hostile pack cannot send escape sequences to a
    /// terminal through a message or a quoted source line. Tabs are kept (they align the caret).
    ///
    /// - Parameter text: Any text.
    /// - Returns: The text, safe to print.
    public static func safe(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) }) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { out.append(isControl(scalar) ? "\u{FFFD}" : scalar) }
        return String(out)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        (scalar.value < 0x20 && scalar != "\t") || (scalar.value >= 0x7F && scalar.value < 0xA0)
    }

    /// Renders many diagnostics.
    ///
    /// - Parameter diagnostics: The diagnostics.
    /// - Returns: All of them, one after another.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }
}
