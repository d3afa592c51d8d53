/// Hard limits on YAML input, so a hostile or broken file fails fast with a clear error.
public struct YAMLLimits: Sendable, Equatable {
    /// Largest file accepted, in bytes.
    public var maxFileBytes: Int
    /// Deepest nesting of lists and mappings.
    public var maxDepth: Int
    /// Most nodes in one file.
    public var maxNodes: Int

    /// Creates limits.
    ///
    /// - Parameters:
    ///   - maxFileBytes: Largest file, in bytes.
    ///   - maxDepth: Deepest nesting.
    ///   - maxNodes: Most nodes.
    public init(maxFileBytes: Int = 4 << 20, maxDepth: Int = 64, maxNodes: Int = 500_000) {
        self.maxFileBytes = maxFileBytes
        self.maxDepth = maxDepth
        self.maxNodes = maxNodes
    }

    /// The defaults documented in docs/security.md.
    public static let standard = YAMLLimits()
}
