/// Reads the keys of one YAML mapping into typed values, reporting every problem to a bag.
///
/// Unknown keys are errors (a typo must never silently change screening results).
struct MappingReader {
    let node: YAMLNode
    /// What the mapping is, for messages: "question 'q1'".
    var context: String
    private var values: [(String, YAMLNode.Pair)] = []
    let sources: SourceText

    /// Reads `node` as a mapping with the given allowed keys; nil (with an error) if it is not a mapping.
    init?(_ node: YAMLNode, context: String, keys allowed: [String], sources: SourceText, bag: inout DiagnosticBag) {
        guard case .mapping(let pairs) = node.content else {
            bag.error(.wrongType, "\(context) must be a mapping of keys to values, not \(node.kindName)", at: node.mark)
            return nil
        }
        self.node = node
        self.context = context
        self.sources = sources
        for pair in pairs {
            let key = pair.key.scalarText ?? ""
            if allowed.contains(key) {
                values.append((key, pair))
            } else {
                bag.error(
                    .unknownKey,
                    "unknown key '\(key)' in \(context)\(Spelling.hint(for: key, among: allowed))",
                    at: pair.key.mark)
            }
        }
    }

    private func pair(_ key: String) -> YAMLNode.Pair? { values.first { $0.0 == key }?.1 }

    /// The raw node under a key.
    func node(_ key: String) -> YAMLNode? { pair(key)?.value }

    /// The position of a key (or of the mapping when absent).
    func keyMark(_ key: String) -> SourceMark { pair(key)?.key.mark ?? node.mark }

    func has(_ key: String) -> Bool { pair(key) != nil }

    private func missing(_ key: String, _ bag: inout DiagnosticBag) {
        bag.error(.missingKey, "\(context) is missing required key '\(key)'", at: node.mark)
    }

    /// A text value (numbers and booleans written plainly are accepted as their text).
    func string(_ key: String, required: Bool = false, _ bag: inout DiagnosticBag) -> String? {
        guard let value = node(key) else {
            if required { missing(key, &bag) }
            return nil
        }
        guard let text = value.scalarText, value.resolved != .null else {
            bag.error(.wrongType, "'\(key)' in \(context) must be text, not \(value.kindName)", at: value.mark)
            return nil
        }
        if required && text.isBlank {
            bag.error(.emptyValue, "'\(key)' in \(context) must not be empty", at: value.mark)
            return nil
        }
        return text
    }

    /// An id matching the identifier pattern.
    func identifier(_ key: String, required: Bool = true, pattern: IdentifierPattern = .name, _ bag: inout DiagnosticBag) -> String? {
        guard let text = string(key, required: required, &bag), let value = node(key) else { return nil }
        guard pattern.matches(text) else {
            bag.error(.badID, "'\(text)' is not a valid id: \(pattern.explanation)", at: value.mark)
            return nil
        }
        return text
    }

    /// A boolean written `true` or `false`.
    func bool(_ key: String, default defaultValue: Bool, _ bag: inout DiagnosticBag) -> Bool {
        guard let value = node(key) else { return defaultValue }
        guard case .bool(let flag) = value.resolved else {
            bag.error(.wrongType, "'\(key)' in \(context) must be true or false, not \(value.kindName)", at: value.mark)
            return defaultValue
        }
        return flag
    }

    /// A calendar date written `YYYY-MM-DD` (quoted or not), as days since 1970-01-01.
    func date(_ key: String, _ bag: inout DiagnosticBag) -> Int32? {
        guard let value = node(key) else { return nil }
        guard let text = value.scalarText, value.resolved != .null, case .scalar = value.content else {
            bag.error(.wrongType, "'\(key)' in \(context) must be a date written YYYY-MM-DD, not \(value.kindName)", at: value.mark)
            return nil
        }
        guard let days = CalendarDate.days(fromISO: text) else {
            bag.error(.badDate, "'\(key)' in \(context) must be a real date written YYYY-MM-DD; '\(text)' is not", at: value.mark)
            return nil
        }
        return days
    }

    /// A finite number.
    func number(_ key: String, _ bag: inout DiagnosticBag) -> Double? {
        guard let value = node(key) else { return nil }
        switch value.resolved {
        case .int(let int): return Double(int)
        case .float(let float) where float.isFinite: return float
        case .float:
            bag.error(.badNumber, "'\(key)' in \(context) must be a finite number; this one is infinite or not a number", at: value.mark)
            return nil
        default:
            bag.error(.wrongType, "'\(key)' in \(context) must be a number, not \(value.kindName)", at: value.mark)
            return nil
        }
    }

    /// A whole number.
    func integer(_ key: String, required: Bool = false, _ bag: inout DiagnosticBag) -> Int? {
        guard let value = node(key) else {
            if required { missing(key, &bag) }
            return nil
        }
        guard case .int(let int) = value.resolved else {
            if case .float = value.resolved {
                bag.error(
                    .badNumber, "'\(key)' in \(context) must be a whole number between -9223372036854775808 and 9223372036854775807", at: value.mark
                )
            } else {
                bag.error(.wrongType, "'\(key)' in \(context) must be a whole number, not \(value.kindName)", at: value.mark)
            }
            return nil
        }
        return int
    }

    /// A list's items (a missing key gives an empty list).
    func list(_ key: String, required: Bool = false, _ bag: inout DiagnosticBag) -> [YAMLNode] {
        guard let value = node(key) else {
            if required { missing(key, &bag) }
            return []
        }
        guard case .sequence(let items) = value.content else {
            bag.error(.wrongType, "'\(key)' in \(context) must be a list, not \(value.kindName)", at: value.mark)
            return []
        }
        if required && items.isEmpty {
            bag.error(.emptyValue, "'\(key)' in \(context) must not be empty", at: value.mark)
        }
        return items
    }

    /// A list of ids.
    func identifierList(_ key: String, _ bag: inout DiagnosticBag) -> [(String, SourceMark)] {
        var out: [(String, SourceMark)] = []
        for item in list(key, &bag) {
            guard let text = item.scalarText, item.resolved != .null else {
                bag.error(.wrongType, "items of '\(key)' in \(context) must be ids, not \(item.kindName)", at: item.mark)
                continue
            }
            guard IdentifierPattern.name.matches(text) else {
                bag.error(.badID, "'\(text)' is not a valid id: \(IdentifierPattern.name.explanation)", at: item.mark)
                continue
            }
            out.append((text, item.mark))
        }
        return out
    }

    /// An expression, with the file position of each of its lines.
    func expression(_ key: String, required: Bool = false, _ bag: inout DiagnosticBag) -> ExpressionSource? {
        guard let value = node(key) else {
            if required { missing(key, &bag) }
            return nil
        }
        guard case .scalar(let text, let style, _) = value.content, !text.isBlank else {
            bag.error(.wrongType, "'\(key)' in \(context) must be an expression written as text, not \(value.kindName)", at: value.mark)
            return nil
        }
        return ExpressionSource(text: text, lineMarks: lineMarks(of: value, text: text, style: style))
    }

    /// Where each line of a scalar's text starts in the file.
    private func lineMarks(of value: YAMLNode, text: String, style: YAMLNode.ScalarStyle) -> [SourceMark] {
        let mark = value.mark
        switch style {
        case .plain:
            return [mark]
        case .singleQuoted, .doubleQuoted:
            return [mark.advanced(by: 1)]
        case .literal, .folded:
            // Block scalars start on the line after the indicator; find each line's indentation.
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            var marks: [SourceMark] = []
            var fileLine = mark.line + 1
            for _ in 0..<max(1, lineCount) {
                let source = sources.line(fileLine, in: mark.file) ?? ""
                let indent = source.unicodeScalars.prefix { $0 == " " }.count
                marks.append(SourceMark(file: mark.file, line: fileLine, column: indent + 1))
                fileLine += 1
            }
            return style == .folded ? Array(marks.prefix(1)) : marks
        }
    }
}
