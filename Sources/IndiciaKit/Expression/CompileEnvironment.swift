/// What an expression may refer to while it is compiled.
struct CompileEnvironment {
    /// A name an expression can use.
    struct Name {
        enum Kind: Equatable {
            case question
            case value
            case indicator
            case score
            case table
        }

        var kind: Kind
        var slot: Int
        var type: ExprType
    }

    /// What `count(...)` and `weight_sum(...)` need to know about an indicator.
    struct IndicatorInfo {
        var id: String
        var slot: Int
        var category: String?
        var strength: String?
        var tags: [String]
        var weight: Double
    }

    /// A lookup table resolved to symbols.
    struct Table {
        var id: String
        var columns: [String]
        /// Cells by column ("" for one-column tables), keyed by row-key symbol.
        var cells: [String: [Int32: Value]]
        var defaults: [String: Value]
        var rowKeys: Set<String>
        var columnTypes: [String: ExprType]
    }

    var questions: [Question]
    var names: [String: Name]
    var indicators: [IndicatorInfo] = []
    var categories: [String] = []
    var strengths: [String] = []
    var tags: [String] = []
    var tables: [String: Table] = [:]
    /// Outcome ids, when `outcome` may be used (recommendations only).
    var outcomeIDs: [String]?
    var outcomeSlot: Int = -1
    /// When set, only questions before this index may be referenced (skip logic).
    var questionLimit: Int?
    /// The slot holding question 0's answer as given, before skip logic hid it (`ignored_answer`);
    /// question `i`'s is at `rawAnswerBase + i`. -1 when not available.
    var rawAnswerBase: Int = -1
}
