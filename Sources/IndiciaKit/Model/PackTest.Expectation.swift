extension PackTest {
    /// What a test expects; every part is optional and only what is given is checked.
    ///
    /// Each expectation keeps the position of the value it came from, so a failure points at it.
    public struct Expectation: Sendable, Equatable {
        /// Something expected, with where it is written.
        public struct Marked<Value: Sendable & Equatable>: Sendable, Equatable {
            /// The expected thing.
            public var value: Value
            /// Where it is written.
            public var mark: SourceMark
        }

        /// An expected value or score.
        public struct Expected: Sendable, Equatable {
            /// The value or score id.
            public var id: String
            /// Where the id is written.
            public var keyMark: SourceMark
            /// What it must be.
            public var value: Literal
            /// Where the expected value is written.
            public var mark: SourceMark
        }

        /// An expected value: a yes/no, a number or a piece of text (such as a choice id).
        public enum Literal: Sendable, Equatable, CustomStringConvertible {
            case bool(Bool)
            case number(Double)
            case text(String)

            public var description: String {
                switch self {
                case .bool(let flag): return flag ? "true" : "false"
                case .number(let x): return x.compactText
                case .text(let text): return text
                }
            }
        }

        /// The outcome id.
        public var outcome: Marked<String>?
        /// The level of concern.
        public var level: Marked<Int>?
        /// Whether the outcome is urgent.
        public var urgent: Marked<Bool>?
        /// Whether the worker's professional judgement raised the level of concern.
        public var judgementRaised: Marked<Bool>?
        /// Indicators that must be present.
        public var indicators: [Marked<String>] = []
        /// Indicators that must not be present.
        public var notIndicators: [Marked<String>] = []
        /// Recommendations (next steps) that must appear.
        public var nextSteps: [Marked<String>] = []
        /// Recommendations that must not appear.
        public var notNextSteps: [Marked<String>] = []
        /// Derived values.
        public var values: [Expected] = []
        /// Scores.
        public var scores: [Expected] = []
        /// Where the `expect:` mapping starts.
        public var mark: SourceMark

        /// Creates an empty expectation at a position.
        ///
        /// - Parameter mark: Where `expect:` is.
        public init(mark: SourceMark) {
            self.mark = mark
        }
    }
}
