internal import CYAML

/// Reads YAML text into a ``YAMLNode`` tree using libyaml's event API.
///
/// The tree is built without recursion, so deep input cannot exhaust the stack; nesting, size and
/// node count are capped by ``YAMLLimits``.
public struct YAMLParser: Sendable {
    /// The limits applied to every file.
    public var limits: YAMLLimits

    /// Creates a parser.
    ///
    /// - Parameter limits: The limits to enforce.
    public init(limits: YAMLLimits = .standard) {
        self.limits = limits
    }

    /// Parses one YAML document.
    ///
    /// - Parameters:
    ///   - bytes: The file's bytes.
    ///   - file: The path used in marks and messages.
    /// - Returns: The document's root node.
    /// - Throws: ``YAMLSyntaxError`` with the position of the first problem.
    public func parse(_ bytes: [UInt8], file: String) throws(YAMLSyntaxError) -> YAMLNode {
        guard bytes.count <= limits.maxFileBytes else {
            throw .fileTooLarge(bytes: bytes.count, limit: limits.maxFileBytes, file: file)
        }
        let session = LibYAMLSession(bytes: bytes)
        return try session.buildTree(file: file, limits: limits)
    }

    /// Parses YAML held in a string.
    ///
    /// - Parameters:
    ///   - text: The YAML text.
    ///   - file: The path used in marks and messages.
    /// - Returns: The document's root node.
    /// - Throws: ``YAMLSyntaxError``.
    public func parse(_ text: String, file: String) throws(YAMLSyntaxError) -> YAMLNode {
        try parse(Array(text.utf8), file: file)
    }
}

/// Owns one libyaml parser and the input bytes it reads; frees both in `deinit`.
private final class LibYAMLSession {
    private var parser = yaml_parser_t()
    private let input: UnsafeMutableBufferPointer<UInt8>
    private let bytes: [UInt8]

    init(bytes: [UInt8]) {
        self.bytes = bytes
        input = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(bytes.count, 1))
        _ = input.initialize(from: bytes)
        yaml_parser_initialize(&parser)
        yaml_parser_set_input_string(&parser, input.baseAddress, bytes.count)
    }

    deinit {
        yaml_parser_delete(&parser)
        input.deallocate()
    }

    /// A collection being filled while its children are read. It is a struct mutated in place on
    /// the stack (`stack[top].items.append`), so adding a child never copies its siblings: a list of
    /// n items costs O(n), not O(n²).
    private struct Frame {
        var mark: SourceMark
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLNode.Pair] = []
        var pendingKey: YAMLNode?
        /// The keys seen, once a mapping is too large for a scan to be cheap.
        var keyIndex: [String: SourceMark]?
    }

    /// Mappings up to this many keys look for a duplicate by scanning; larger ones use an index.
    private static let keyScanLimit = 32

    func buildTree(file: String, limits: YAMLLimits) throws(YAMLSyntaxError) -> YAMLNode {
        var stack: [Frame] = []
        var root: YAMLNode?
        var nodeCount = 0
        var documents = 0
        var event = yaml_event_t()

        func mark(_ m: yaml_mark_t) -> SourceMark {
            SourceMark(file: file, line: Int(m.line) + 1, column: Int(m.column) + 1)
        }

        while true {
            guard yaml_parser_parse(&parser, &event) == 1 else {
                throw libyamlError(file: file)
            }
            defer { yaml_event_delete(&event) }
            let start = mark(event.start_mark)
            var finished: YAMLNode?

            switch event.type {
            case YAML_STREAM_END_EVENT:
                guard let root else { throw .empty(file: file) }
                return root
            case YAML_DOCUMENT_START_EVENT:
                documents += 1
                if documents > 1 { throw .multipleDocuments(at: start) }
            case YAML_ALIAS_EVENT:
                throw .aliasNotAllowed(at: start)
            case YAML_SCALAR_EVENT:
                let scalar = event.data.scalar
                if scalar.anchor != nil { throw .aliasNotAllowed(at: start) }
                let tag = scalar.tag.map { String(cString: $0) }
                if let tag, tag != "tag:yaml.org,2002:str", tag != "!" { throw .unsupportedTag(tag, at: start) }
                let text: String
                if let value = scalar.value {
                    let buffer = UnsafeBufferPointer(start: value, count: Int(scalar.length))
                    text = String(decoding: buffer, as: UTF8.self)
                } else {
                    text = ""
                }
                let style: YAMLNode.ScalarStyle
                switch scalar.style {
                case YAML_SINGLE_QUOTED_SCALAR_STYLE: style = .singleQuoted
                case YAML_DOUBLE_QUOTED_SCALAR_STYLE: style = .doubleQuoted
                case YAML_LITERAL_SCALAR_STYLE: style = .literal
                case YAML_FOLDED_SCALAR_STYLE: style = .folded
                default: style = .plain
                }
                finished = YAMLNode(mark: start, content: .scalar(text, style, tag: tag == "!" ? nil : tag))
            case YAML_SEQUENCE_START_EVENT:
                if event.data.sequence_start.anchor != nil { throw .aliasNotAllowed(at: start) }
                try checkTag(event.data.sequence_start.tag, at: start)
                guard stack.count < limits.maxDepth else { throw .tooDeep(limit: limits.maxDepth, at: start) }
                stack.append(Frame(mark: start, isMapping: false))
            case YAML_MAPPING_START_EVENT:
                if event.data.mapping_start.anchor != nil { throw .aliasNotAllowed(at: start) }
                try checkTag(event.data.mapping_start.tag, at: start)
                guard stack.count < limits.maxDepth else { throw .tooDeep(limit: limits.maxDepth, at: start) }
                stack.append(Frame(mark: start, isMapping: true))
            case YAML_SEQUENCE_END_EVENT:
                if let frame = stack.popLast(), !frame.isMapping {
                    finished = YAMLNode(mark: frame.mark, content: .sequence(frame.items))
                }
            case YAML_MAPPING_END_EVENT:
                if let frame = stack.popLast(), frame.isMapping {
                    finished = YAMLNode(mark: frame.mark, content: .mapping(frame.pairs))
                }
            default:
                break
            }

            guard let node = finished else { continue }
            nodeCount += 1
            if nodeCount > limits.maxNodes { throw .tooManyNodes(limit: limits.maxNodes, at: node.mark) }
            let top = stack.count - 1
            guard top >= 0 else {
                root = node
                continue
            }
            if !stack[top].isMapping {
                stack[top].items.append(node)
            } else if let key = stack[top].pendingKey {
                stack[top].pairs.append(YAMLNode.Pair(key: key, value: node))
                stack[top].pendingKey = nil
            } else {
                guard let keyText = node.scalarText else { throw .complexKey(at: node.mark) }
                if let first = Self.firstMark(of: keyText, at: node.mark, in: &stack[top]) {
                    throw .duplicateKey(keyText, at: node.mark, first: first)
                }
                stack[top].pendingKey = node
            }
        }
    }

    /// Where a key first appears in a mapping being read, or nil (then recording it at `mark` when indexed).
    /// Pack mappings are small, and for them a scan is cheaper than hashing every key; a hostile
    /// mapping of many thousands of keys switches to an index so reading it stays linear.
    private static func firstMark(of key: String, at mark: SourceMark, in frame: inout Frame) -> SourceMark? {
        if frame.keyIndex == nil, frame.pairs.count >= keyScanLimit {
            var index: [String: SourceMark] = [:]
            for pair in frame.pairs { if let text = pair.key.scalarText { index[text] = index[text] ?? pair.key.mark } }
            frame.keyIndex = index
        }
        guard frame.keyIndex != nil else {
            return frame.pairs.first(where: { $0.key.scalarText == key })?.key.mark
        }
        if let first = frame.keyIndex?[key] { return first }
        frame.keyIndex?[key] = mark
        return nil
    }

    private func checkTag(_ tag: UnsafeMutablePointer<yaml_char_t>?, at mark: SourceMark) throws(YAMLSyntaxError) {
        guard let tag else { return }
        let text = String(cString: tag)
        if text != "tag:yaml.org,2002:seq", text != "tag:yaml.org,2002:map" {
            throw .unsupportedTag(text, at: mark)
        }
    }

    /// libyaml's error, with its own wording and position (computed from the byte offset for
    /// reader errors such as invalid UTF-8, where libyaml gives no line).
    private func libyamlError(file: String) -> YAMLSyntaxError {
        let problem = parser.problem.map { String(cString: $0) } ?? "unknown problem"
        let context = parser.context.map { String(cString: $0) }
        if parser.error == YAML_READER_ERROR {
            return .libyaml(problem: problem, context: nil, at: position(ofByte: Int(parser.problem_offset), file: file))
        }
        let m = parser.problem_mark
        let at = SourceMark(file: file, line: Int(m.line) + 1, column: Int(m.column) + 1)
        return .libyaml(problem: problem, context: context, at: at)
    }

    /// Line and column (in Unicode scalars, counting undecodable bytes as one each) of a byte offset.
    private func position(ofByte offset: Int, file: String) -> SourceMark {
        var line = 1
        var column = 1
        var index = 0
        let end = min(offset, bytes.count)
        while index < end {
            let byte = bytes[index]
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
            index += 1
        }
        return SourceMark(file: file, line: line, column: column)
    }
}
