/// What running one pack test found.
public struct PackTestResult: Sendable {
    /// One expectation the result did not meet.
    public struct Failure: Sendable, Equatable {
        /// The expectation's key in the file (`outcome`, `indicators`, `values`, ...).
        public var expectation: String
        /// Where the failing expectation is written.
        public var mark: SourceMark
        /// One sentence saying what was wrong.
        public var message: String
        /// What the test expected.
        public var expected: String
        /// What the result shows.
        public var actual: String
        /// Indices of the indicators whose evidence explains the result (present ones only).
        public var indicators: [Int]
    }

    /// The test file's id.
    public var fileID: String
    /// The test.
    public var test: PackTest
    /// The pack it ran with.
    public var runtime: PackRuntime
    /// The evaluation (the same one `indicia evaluate` makes from the test's answers).
    public var evaluation: Evaluation
    /// Expectations not met (empty when the test passed).
    public var failures: [Failure]

    /// Whether every expectation was met.
    public var passed: Bool { failures.isEmpty }

    /// The answers that made an indicator present, as `(question id, answer)` pairs: the result's own
    /// explanation (``Evaluation/evidence(forIndicator:in:)``).
    ///
    /// - Parameter indicator: Indicator index.
    /// - Returns: The evidence.
    public func evidence(forIndicator indicator: Int) -> [(question: String, answer: String)] {
        let pack = runtime.pack
        return evaluation.evidence(forIndicator: indicator, in: pack).map { question in
            (pack.questionnaire.questions[question].id, evaluation.answerText(question, in: pack) ?? "not known")
        }
    }
}
