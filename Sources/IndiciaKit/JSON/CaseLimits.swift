/// Limits on JSON cases, each giving a clear per-record error.
public struct CaseLimits: Sendable, Equatable {
    /// Longest line (one NDJSON record or a whole document), in bytes.
    public var maxLineBytes: Int
    /// Most answers in one case.
    public var maxAnswers: Int
    /// Longest free-text answer, in bytes (also capped by each question's `max_length`).
    public var maxStringBytes: Int

    /// Creates limits.
    ///
    /// - Parameters:
    ///   - maxLineBytes: Longest line.
    ///   - maxAnswers: Most answers.
    ///   - maxStringBytes: Longest string.
    public init(maxLineBytes: Int = 1 << 20, maxAnswers: Int = 2000, maxStringBytes: Int = 100_000) {
        self.maxLineBytes = maxLineBytes
        self.maxAnswers = maxAnswers
        self.maxStringBytes = maxStringBytes
    }

    /// The documented defaults.
    public static let standard = CaseLimits()
}
