extension PackTest {
    /// What a round-comparison test expects of the training report's comparison of rounds; every part
    /// is optional, and each list given is the exact set expected (an empty list means none).
    public struct Comparison: Sendable, Equatable {
        /// One expected figure (a round's total) or set of areas (an agency's change), by its key.
        public struct Keyed<Value: Sendable & Equatable>: Sendable, Equatable {
            /// The key (`red`, `closed`, ...).
            public var key: String
            /// What it must be.
            public var value: Value
            /// Where it is written.
            public var mark: SourceMark
        }

        /// Expected totals of one round.
        public struct RoundTotals: Sendable, Equatable {
            /// The round's name in the test.
            public var round: String
            /// Where the round name is written.
            public var keyMark: SourceMark
            /// Expected figures (`agencies`, `red`, `amber`, `green`, `levels_short`, `staff_needing`).
            public var figures: [Keyed<Double>]
        }

        /// Expected change of one agency of the latest round against its previous assessment.
        public struct AgencyChange: Sendable, Equatable {
            /// The agency's case id.
            public var agency: String
            /// Where the agency's name is written.
            public var keyMark: SourceMark
            /// Area sets by change (`closed`, `opened`, `stayed`, `no_gap`, `new`, `better`, `worse`).
            public var areas: [Keyed<[Expectation.Marked<String>]>]
            /// The round its previous assessment is from (`none` when it is new), if expected.
            public var previousRound: Expectation.Marked<String>?
        }

        /// The round names in the order the report compares them (date order), if expected.
        public var order: Keyed<[Expectation.Marked<String>]>?
        /// Totals per round.
        public var rounds: [RoundTotals] = []
        /// Changes per agency of the latest round.
        public var agencies: [AgencyChange] = []
        /// Agencies assessed before but not in the latest round (exact set), if expected.
        public var notReassessed: Keyed<[Expectation.Marked<String>]>?
        /// The kinds of note on the input the report must give (exact set), if expected.
        public var notes: Keyed<[Expectation.Marked<String>]>?
        /// Where `expect:` starts.
        public var mark: SourceMark

        /// The keys of `expect:` in a round-comparison test.
        public static let keys = ["order", "rounds", "agencies", "not_reassessed", "notes"]
        /// The keys of a round's totals.
        public static let totalKeys = ["agencies", "red", "amber", "green", "levels_short", "staff_needing"]
        /// The area-set keys of an agency's change.
        public static let changeKeys = ["closed", "opened", "stayed", "no_gap", "new", "better", "worse"]

        /// Creates an empty expectation at a position.
        ///
        /// - Parameter mark: Where `expect:` is.
        public init(mark: SourceMark) {
            self.mark = mark
        }
    }
}
