/// Renders the results of pack tests for people (text) and for tools (JSON).
///
/// A failure shows the test and its situation, the failing expectation as a positioned diagnostic
/// with the source line and caret, expected against actual, and the answers that made each relevant
/// indicator present (the result's own evidence).
public struct PackTestReport: Sendable {
    /// The results, in run order.
    public var results: [PackTestResult]
    /// Problems loading test files or packs (errors mean some tests did not run).
    public var diagnostics: [Diagnostic]
    /// File text, for source lines.
    public var sources: SourceText

    /// Creates a report.
    ///
    /// - Parameters:
    ///   - results: Test results.
    ///   - diagnostics: Load problems.
    ///   - sources: File text for source lines.
    public init(results: [PackTestResult], diagnostics: [Diagnostic], sources: SourceText) {
        self.results = results
        self.diagnostics = diagnostics
        self.sources = sources
    }

    /// How many tests passed.
    public var passed: Int { results.filter(\.passed).count }
    /// How many tests failed.
    public var failed: Int { results.count - passed }

    /// The summary line, `N passed, N failed`.
    public var summary: String { "\(passed) passed, \(failed) failed" }

    /// The report as text.
    ///
    /// - Parameter severity: Styles the severity word (e.g. colour on a terminal).
    /// - Returns: Load problems, then each failed test, then the summary line.
    public func text(severity: (String) -> String = { $0 }) -> String {
        let renderer = DiagnosticRenderer(sources: sources)
        var out = ""
        for diagnostic in diagnostics { out += renderer.render(diagnostic, severity: severity) }
        if !diagnostics.isEmpty { out += "\n" }
        for result in results where !result.passed {
            out += "FAIL \(result.fileID): \(result.test.id)\n"
            out += "  Situation: \(DiagnosticRenderer.safe(result.test.situation))\n"
            var relevant: [Int] = []
            for failure in result.failures {
                let diagnostic = Diagnostic(.error, .testFailed, failure.message, at: failure.mark)
                out += renderer.render(diagnostic, severity: severity)
                out += "  expected: \(DiagnosticRenderer.safe(failure.expected))\n"
                out += "  actual:   \(DiagnosticRenderer.safe(failure.actual))\n"
                for index in failure.indicators where !relevant.contains(index) { relevant.append(index) }
            }
            let rules = result.runtime.pack.rules
            if result.test.rounds != nil {
                // A round comparison: the failures say what the report shows; no single case to explain.
            } else if relevant.isEmpty {
                out += "  No indicator is present.\n"
            } else {
                out += "  Indicators present, and the answers that made them fire:\n"
                for index in relevant {
                    let evidence = result.evidence(forIndicator: index).map { "\($0.question) = \($0.answer)" }
                    out += "    \(rules.indicators[index].id): \(evidence.isEmpty ? "(no single answer)" : evidence.joined(separator: "; "))\n"
                }
            }
            out += "\n"
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        if errors > 0 { out += "\(errors) error\(errors == 1 ? "" : "s") loading tests or packs; the tests concerned did not run\n" }
        out += summary + "\n"
        return out
    }

    /// The report as one JSON document (keys in a fixed order, so output is stable).
    ///
    /// - Returns: `{"passed":N,"failed":N,"errors":[...],"tests":[...]}` and a newline.
    public func json() -> [UInt8] {
        var out = Array("{\"passed\":\(passed),\"failed\":\(failed),\"errors\":[".utf8)
        for (n, diagnostic) in diagnostics.enumerated() {
            if n > 0 { out.append(0x2C) }
            out += Array("{\"file\":".utf8) + JSONOutput.string(diagnostic.mark.file)
            out += Array(",\"line\":\(diagnostic.mark.line),\"column\":\(diagnostic.mark.column),\"severity\":".utf8)
            out += JSONOutput.string(diagnostic.severity.rawValue) + Array(",\"code\":".utf8) + JSONOutput.string(diagnostic.code.rawValue)
            out += Array(",\"message\":".utf8) + JSONOutput.string(diagnostic.message) + [0x7D]
        }
        out += Array("],\"tests\":[".utf8)
        for (n, result) in results.enumerated() {
            if n > 0 { out.append(0x2C) }
            let pack = result.runtime.pack
            out +=
                Array("\n{\"file\":".utf8) + JSONOutput.string(result.test.mark.file) + Array(",\"suite\":".utf8) + JSONOutput.string(result.fileID)
            out += Array(",\"rules\":".utf8) + JSONOutput.string(pack.identity.id) + Array(",\"id\":".utf8) + JSONOutput.string(result.test.id)
            out += Array(",\"line\":\(result.test.mark.line),\"passed\":\(result.passed),\"outcome\":".utf8)
            // A round comparison has no single outcome: null.
            out += result.test.rounds == nil ? JSONOutput.string(pack.rules.outcomes[result.evaluation.outcome].id) : Array("null".utf8)
            out += Array(",\"failures\":[".utf8)
            for (m, failure) in result.failures.enumerated() {
                if m > 0 { out.append(0x2C) }
                out += Array("{\"expectation\":".utf8) + JSONOutput.string(failure.expectation)
                out += Array(",\"file\":".utf8) + JSONOutput.string(failure.mark.file)
                out +=
                    Array(",\"line\":\(failure.mark.line),\"column\":\(failure.mark.column),\"message\":".utf8) + JSONOutput.string(failure.message)
                out +=
                    Array(",\"expected\":".utf8) + JSONOutput.string(failure.expected) + Array(",\"actual\":".utf8)
                    + JSONOutput.string(failure.actual)
                out += Array(",\"evidence\":[".utf8)
                for (k, index) in failure.indicators.enumerated() {
                    if k > 0 { out.append(0x2C) }
                    out += Array("{\"indicator\":".utf8) + JSONOutput.string(pack.rules.indicators[index].id) + Array(",\"answers\":[".utf8)
                    for (a, item) in result.evidence(forIndicator: index).enumerated() {
                        if a > 0 { out.append(0x2C) }
                        out += Array("{\"question\":".utf8) + JSONOutput.string(item.question) + Array(",\"answer\":".utf8)
                        out += JSONOutput.string(item.answer) + [0x7D]
                    }
                    out += Array("]}".utf8)
                }
                out += Array("]}".utf8)
            }
            out += Array("]}".utf8)
        }
        out += Array("\n]}\n".utf8)
        return out
    }
}
