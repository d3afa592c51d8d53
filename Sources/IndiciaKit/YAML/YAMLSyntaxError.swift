/// A problem reading a YAML file, with the position where it was found.
public enum YAMLSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    /// libyaml rejected the text; `problem` is its own wording.
    case libyaml(problem: String, context: String?, at: SourceMark)
    /// The same key appears twice in one mapping.
    case duplicateKey(String, at: SourceMark, first: SourceMark)
    /// Anchors (`&a`) and aliases (`*a`) are refused: they can expand without limit.
    case aliasNotAllowed(at: SourceMark)
    /// A mapping key that is not a plain piece of text.
    case complexKey(at: SourceMark)
    /// A tag other than `!!str` was used.
    case unsupportedTag(String, at: SourceMark)
    /// The file is larger than the limit.
    case fileTooLarge(bytes: Int, limit: Int, file: String)
    /// Nesting deeper than the limit.
    case tooDeep(limit: Int, at: SourceMark)
    /// More nodes than the limit.
    case tooManyNodes(limit: Int, at: SourceMark)
    /// The file holds more than one document.
    case multipleDocuments(at: SourceMark)
    /// The file holds no document at all.
    case empty(file: String)

    /// Where the problem is.
    public var mark: SourceMark {
        switch self {
        case .libyaml(_, _, let at), .duplicateKey(_, let at, _), .aliasNotAllowed(let at), .complexKey(let at),
            .unsupportedTag(_, let at), .tooDeep(_, let at), .tooManyNodes(_, let at), .multipleDocuments(let at):
            return at
        case .fileTooLarge(_, _, let file), .empty(let file):
            return SourceMark(file: file, line: 1, column: 1)
        }
    }

    /// A stable code for the kind of problem.
    public var code: Diagnostic.Code {
        switch self {
        case .libyaml: return .yamlSyntax
        case .duplicateKey: return .duplicateKey
        case .aliasNotAllowed: return .yamlAlias
        case .complexKey: return .yamlComplexKey
        case .unsupportedTag: return .yamlTag
        case .fileTooLarge: return .fileTooLarge
        case .tooDeep: return .yamlTooDeep
        case .tooManyNodes: return .yamlTooManyNodes
        case .multipleDocuments: return .yamlMultipleDocuments
        case .empty: return .emptyFile
        }
    }

    /// The message without the position.
    public var message: String {
        switch self {
        case .libyaml(let problem, let context, _):
            var text = "YAML syntax: \(problem)"
            if let context { text += " \(context)" }
            return text + Self.hint(for: problem)
        case .duplicateKey(let key, _, let first):
            return "duplicate key '\(key)' (first defined at line \(first.line), column \(first.column))"
        case .aliasNotAllowed:
            return "anchors and aliases (& and *) are not allowed in packs; write the value out in full"
        case .complexKey:
            return "mapping keys must be plain text"
        case .unsupportedTag(let tag, _):
            return "YAML tag '\(tag)' is not supported (only !!str is)"
        case .fileTooLarge(let bytes, let limit, _):
            return "file is \(bytes) bytes; the limit is \(limit) bytes"
        case .tooDeep(let limit, _):
            return "nesting is deeper than the limit of \(limit) levels"
        case .tooManyNodes(let limit, _):
            return "more than \(limit) YAML nodes; the file is too large to be a pack"
        case .multipleDocuments:
            return "a pack file must hold exactly one YAML document"
        case .empty:
            return "the file is empty"
        }
    }

    public var description: String { "\(mark): error: \(message)" }

    /// Plain-English advice for libyaml's commonest complaints.
    private static func hint(for problem: String) -> String {
        if problem.contains("mapping values are not allowed") {
            return " (a ': ' inside a value starts a new key; put the whole value in quotes, or write named arguments with '=')"
        }
        if problem.contains("cannot start any token") || problem.contains("tab character") {
            return " (YAML does not allow tabs for indentation; indent with spaces)"
        }
        if problem.contains("did not find expected key") || problem.contains("did not find expected '-'") {
            return " (check the indentation of this line against the lines above)"
        }
        if problem.contains("found unexpected end of stream") {
            return " (a quote or bracket is not closed)"
        }
        return ""
    }
}
