import IndiciaKit

/// `indicia export --format fhir`: a pack's questionnaire as a FHIR R4 `Questionnaire`.
enum ExportCommand {
    static let command = Tool.Command(
        name: "export", summary: "write a pack's questionnaire as a FHIR R4 Questionnaire",
        help: """
            Usage: indicia export --format fhir --pack ID|PATH [--packs DIR]

            Writes the pack's questionnaire to standard output as a FHIR R4 Questionnaire (JSON):
            url urn:indicia:questionnaire:<id> and version <revision>; sections as group items;
            yes/no as boolean (or a Y/N/UNK choice when "not known" is allowed); choices as
            answerOption codings; numbers with minValue/maxValue; text with maxLength; help as a
            display item with the help item control; skip logic as enableWhen when it is one simple
            comparison and as an SDC enableWhenExpression (FHIRPath) otherwise. indicia evaluate reads
            the QuestionnaireResponses filled in against it. See docs/fhir.md.

            Skip logic the export cannot translate is reported with its position, and nothing is
            written.

            Exit codes: 0 written, 64 usage error, 65 the pack does not load or cannot be exported,
            66 the pack cannot be read, 74 output failed.

            """,
        valued: ["--format", "--pack", "--packs"], switches: [], run: run)

    static func run(_ arguments: Arguments, _ context: Context) -> ExitCode {
        guard arguments.options["--format"] == "fhir" else {
            let given = arguments.options["--format"].map { "not '\($0)'" } ?? "it is missing"
            context.errors.write("indicia export: --format must be fhir (\(given))\n\(command.help)")
            return .usage
        }
        guard let option = arguments.options["--pack"] else {
            context.errors.write("indicia export: say which pack with --pack ID\n\(command.help)")
            return .usage
        }
        guard arguments.positional.isEmpty else {
            context.errors.write("indicia export: unexpected argument '\(arguments.positional[0])'\n\(command.help)")
            return .usage
        }
        let cache = PackCache(locator: PackLocator(option: arguments.options["--packs"], context: context))
        let index: Int
        switch cache.load(packOption: option) {
        case .success(let loaded): index = loaded
        case .failure(let failure):
            failure.report(to: context, command: "export")
            return failure.noInput ? .noInput : .dataError
        }
        switch FHIRQuestionnaireExport.questionnaire(cache.runtime(index).pack) {
        case .success(let resource):
            context.output.write(resource.pretty)
            return context.output.flush() ? .ok : .ioError
        case .failure(let failure):
            let errors = failure.errors
            var sources = SourceText()
            for file in Set(errors.map(\.mark.file)) {
                if let bytes = try? FileSystem.read(file, limit: 16 << 20).get() { sources.add(bytes, file: file) }
            }
            for error in errors { context.errors.write(render(error, sources)) }
            context.errors.write(
                "indicia export: the questionnaire cannot be exported as FHIR (\(errors.count) problem\(errors.count == 1 ? "" : "s"))\n")
            return .dataError
        }
    }

    /// `path:line:col: error: message [fhir-export]`, the source line and a caret.
    static func render(_ error: FHIRExportError, _ sources: SourceText) -> String {
        var out = DiagnosticRenderer.safe(error.description) + "\n"
        if let raw = sources.line(error.mark.line, in: error.mark.file) {
            let line = DiagnosticRenderer.safe(raw)
            let scalars = Array(line.unicodeScalars)
            var caret = ""
            for index in 0..<max(0, error.mark.column - 1) { caret += index < scalars.count && scalars[index] == "\t" ? "\t" : " " }
            out += "  \(line)\n  \(caret)^\n"
        }
        return out
    }
}
