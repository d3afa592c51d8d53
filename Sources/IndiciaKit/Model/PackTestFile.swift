/// A `kind: tests` file: expected results for situations, kept beside the rule set they test.
public struct PackTestFile: Sendable, Equatable {
    /// Unique id of the test file.
    public var id: String
    /// The id of the rule set under test.
    public var rulesID: String
    /// Where the `rules:` value is (unknown rule sets are reported there).
    public var rulesMark: SourceMark
    /// Title.
    public var title: String
    /// The tests, in file order.
    public var tests: [PackTest]
    /// The file path, as given to the loader.
    public var path: String
    /// Where the file starts.
    public var mark: SourceMark
}
