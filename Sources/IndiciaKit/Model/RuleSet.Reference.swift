extension RuleSet {
    /// The id of another pack file that a rule set names (for example under `shared_tables:`), with
    /// where it is named, so a missing file is reported at the reference.
    public struct Reference: Sendable, Equatable {
        /// The id of the file referred to.
        public var id: String
        /// Where the reference is written.
        public var mark: SourceMark
    }
}
