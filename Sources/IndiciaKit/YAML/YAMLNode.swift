/// One node of a YAML document, with the position where it starts.
public struct YAMLNode: Sendable, Equatable {
    /// How a scalar was written; quoted and block scalars are always strings.
    public enum ScalarStyle: Sendable, Equatable {
        case plain, singleQuoted, doubleQuoted, literal, folded
    }

    /// A key/value pair of a mapping, in file order.
    public struct Pair: Sendable, Equatable {
        public var key: YAMLNode
        public var value: YAMLNode
    }

    /// The node's content.
    public enum Content: Sendable, Equatable {
        case scalar(String, ScalarStyle, tag: String?)
        case sequence([YAMLNode])
        case mapping([Pair])
    }

    /// Where the node starts.
    public var mark: SourceMark
    /// What the node holds.
    public var content: Content

    /// Creates a node.
    ///
    /// - Parameters:
    ///   - mark: Where the node starts.
    ///   - content: What it holds.
    public init(mark: SourceMark, content: Content) {
        self.mark = mark
        self.content = content
    }

    /// A short name for the node's kind, for messages ("a mapping", "a list", "text").
    public var kindName: String {
        switch content {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar:
            switch resolved {
            case .null: return "null"
            case .bool: return "a boolean"
            case .int: return "an integer"
            case .float: return "a number"
            case .string: return "text"
            }
        }
    }

    /// The scalar's text, or nil for collections.
    public var scalarText: String? {
        if case .scalar(let text, _, _) = content { return text }
        return nil
    }

    /// The scalar's style, or nil for collections.
    public var scalarStyle: ScalarStyle? {
        if case .scalar(_, let style, _) = content { return style }
        return nil
    }
}
