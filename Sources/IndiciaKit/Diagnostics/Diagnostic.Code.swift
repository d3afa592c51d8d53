extension Diagnostic {
    /// Every kind of finding lint and the loader can report: the closed vocabulary of `indicia lint`.
    ///
    /// Each code has a stable kebab-case spelling (its raw value, printed in brackets after the
    /// message), a one-line ``meaning`` and a ``defaultSeverity``. Every code also carries a pack that
    /// triggers it and a near-identical pack that does not (``examples``), run by one test, and the
    /// codes table in `docs/authoring.md` is generated from this list (``documentationTable``).
    /// A new diagnostic is a new case here, never a string: give it a meaning, a default severity
    /// and two examples (`Diagnostic.Code+Examples.swift`), then regenerate the table with
    /// `RECORD_GOLDENS=1 swift test --filter DiagnosticCodeTests`.
    public enum Code: String, Sendable, Equatable, Hashable, Comparable, CaseIterable, Codable, CustomStringConvertible {
        // Files and YAML
        case fileNotFound = "file-not-found"
        case notAFile = "not-a-file"
        case unreadable
        case fileTooLarge = "file-too-large"
        case emptyFile = "empty-file"
        case yamlSyntax = "yaml-syntax"
        case duplicateKey = "duplicate-key"
        case yamlAlias = "yaml-alias"
        case yamlComplexKey = "yaml-complex-key"
        case yamlTag = "yaml-tag"
        case yamlTooDeep = "yaml-too-deep"
        case yamlTooManyNodes = "yaml-too-many-nodes"
        case yamlMultipleDocuments = "yaml-multiple-documents"
        // File header and keys
        case unsupportedVersion = "unsupported-version"
        case unknownKind = "unknown-kind"
        case unknownKey = "unknown-key"
        case missingKey = "missing-key"
        case keyNotAllowed = "key-not-allowed"
        case wrongType = "wrong-type"
        case emptyValue = "empty-value"
        case badValue = "bad-value"
        case badNumber = "bad-number"
        case badDate = "bad-date"
        case badRange = "bad-range"
        case badID = "bad-id"
        case reservedID = "reserved-id"
        case duplicateID = "duplicate-id"
        case unknownType = "unknown-type"
        case tooManyChoices = "too-many-choices"
        // References between files and declarations
        case unknownPack = "unknown-pack"
        case unknownQuestionnaire = "unknown-questionnaire"
        case unknownDirectory = "unknown-directory"
        case unknownTables = "unknown-tables"
        case unknownService = "unknown-service"
        case unknownCategory = "unknown-category"
        case unknownStrength = "unknown-strength"
        case unknownTag = "unknown-tag"
        case notChecked = "not-checked"
        case badReport = "bad-report"
        // Expressions
        case exprSyntax = "expr-syntax"
        case exprType = "expr-type"
        case exprArity = "expr-arity"
        case exprScope = "expr-scope"
        case exprTooLong = "expr-too-long"
        case exprTooDeep = "expr-too-deep"
        case unknownName = "unknown-name"
        case unknownFunction = "unknown-function"
        case unknownChoice = "unknown-choice"
        case unknownTable = "unknown-table"
        case unknownColumn = "unknown-column"
        case missingRow = "missing-row"
        case laterQuestion = "later-question"
        case cycle
        // Whole-pack analysis
        case noFallbackOutcome = "no-fallback-outcome"
        case neverFires = "never-fires"
        case outcomeShadowed = "outcome-shadowed"
        case outcomeUnreachable = "outcome-unreachable"
        case unusedQuestion = "unused-question"
        case unscoredQuestionnaire = "unscored-questionnaire"
        case unusedTables = "unused-tables"
        // Provenance
        case noSource = "no-source"
        case unverified
        case reviewOverdue = "review-overdue"
        case noReviewDate = "no-review-date"
        // Pack tests (kind: tests files)
        case unknownRules = "unknown-rules"
        case testsNotRun = "tests-not-run"
        case unknownQuestion = "unknown-question"
        case refusedAnswer = "refused-answer"
        case unknownOutcome = "unknown-outcome"
        case unknownLevel = "unknown-level"
        case unknownIndicator = "unknown-indicator"
        case unknownRecommendation = "unknown-recommendation"
        case unknownValue = "unknown-value"
        case unknownScore = "unknown-score"
        case contradictoryExpectation = "contradictory-expectation"
        case testFailed = "test-failed"
        case untestedPack = "untested-pack"
        case untestedOutcome = "untested-outcome"
        case untestedNextStep = "untested-next-step"

        /// The code as printed, e.g. `unknown-key`.
        public var description: String { rawValue }

        /// Codes sort by their printed spelling.
        public static func < (lhs: Code, rhs: Code) -> Bool { lhs.rawValue < rhs.rawValue }

        /// The severity this code is reported with. A few codes are errors when lint has proved the
        /// problem over every combination of answers and warnings when it only tried a sample
        /// (`never-fires`, `outcome-unreachable`); their default is the proved case.
        public var defaultSeverity: Severity {
            switch self {
            case .unusedQuestion, .unscoredQuestionnaire, .unusedTables, .noSource, .unverified, .reviewOverdue, .noReviewDate, .untestedPack,
                .untestedOutcome,
                .untestedNextStep:
                return .warning
            case .notChecked: return .note
            default: return .error
            }
        }

        /// What the code means, in one line, for a policy lead reading lint output.
        public var meaning: String {
            switch self {
            case .fileNotFound: return "A path given to Indicia does not exist."
            case .notAFile: return "A path that must be a pack file is a folder."
            case .unreadable: return "A file or folder exists but cannot be read (check its permissions)."
            case .fileTooLarge: return "A pack file is larger than the size limit."
            case .emptyFile: return "A pack file holds nothing at all."
            case .yamlSyntax: return "The text is not valid YAML (indentation, quotes, tabs, invalid UTF-8)."
            case .duplicateKey: return "The same key appears twice in one mapping; both positions are given."
            case .yamlAlias: return "An anchor (`&`) or alias (`*`) is used; packs write every value out in full."
            case .yamlComplexKey: return "A mapping key is not plain text."
            case .yamlTag: return "A YAML tag other than `!!str` is used."
            case .yamlTooDeep: return "The YAML is nested deeper than the limit."
            case .yamlTooManyNodes: return "The file has more YAML nodes than the limit."
            case .yamlMultipleDocuments: return "A pack file holds more than one YAML document (`---`)."
            case .unsupportedVersion: return "The file's `version:` is not a file format this Indicia reads; the message names the highest it does."
            case .unknownKind: return "The file's `kind:` is not one Indicia knows."
            case .unknownKey: return "A key is not part of the pack format (often a typo); unknown keys are errors, never ignored."
            case .missingKey: return "A required key is missing."
            case .keyNotAllowed: return "A key is valid elsewhere but does not apply here (e.g. `min` on a yes/no question)."
            case .wrongType: return "A value has the wrong type (e.g. a list where text is needed)."
            case .emptyValue: return "A value that must have content is empty."
            case .badValue: return "A value is not one of those allowed for its key."
            case .badNumber: return "A number is infinite, not a number, or too large to be a whole number."
            case .badDate: return "A date is not a real date written `YYYY-MM-DD` (e.g. a service's `checked` or `review_by`)."
            case .badRange: return "A range is impossible (`min` above `max`, or a length out of bounds)."
            case .badID: return "An id is not written as ids must be (lower case, digits and underscores, starting with a letter)."
            case .reservedID: return "An id is a word the expression language reserves."
            case .duplicateID: return "An id is used twice where ids must be unique."
            case .unknownType: return "A question type is not one Indicia knows."
            case .tooManyChoices: return "A multiple-choice question has more choices than the limit."
            case .unknownPack: return "No rule set with the requested id was found."
            case .unknownQuestionnaire: return "A rule set scores a questionnaire that was not found."
            case .unknownDirectory: return "A rule set uses a services directory that was not found."
            case .unknownTables: return "A rule set lists under `shared_tables` a `kind: tables` file that was not found."
            case .unknownService: return "A recommendation names a service that is in none of the pack's services directories."
            case .unknownCategory: return "An indicator or a `count(category=…)` filter names a category not declared under `categories`."
            case .unknownStrength: return "An indicator or a `count(strength=…)` filter names a strength not declared under `strengths`."
            case .unknownTag: return "A `count(tag=…)` filter names a tag that no indicator has."
            case .notChecked: return "A rule set was not checked further because one of its files has errors."
            case .badReport:
                return "The `report:` block names a value, question or table that does not exist, is not in results, or does not fit its role."
            case .exprSyntax: return "An expression cannot be read (a missing bracket, `=` for `==`, `&&` for `and`)."
            case .exprType: return "An expression mixes types that cannot go together (e.g. a number compared with text)."
            case .exprArity: return "A function is called with the wrong number of arguments."
            case .exprScope: return "A name is used where it is not available (e.g. `outcome` outside a recommendation)."
            case .exprTooLong: return "An expression is longer than the limit."
            case .exprTooDeep: return "An expression is nested deeper than the limit."
            case .unknownName: return "An expression names a question, value, indicator or score that does not exist."
            case .unknownFunction: return "An expression calls a function that does not exist."
            case .unknownChoice: return "An expression compares an answer with a choice the question does not have."
            case .unknownTable: return "An expression looks up a table that does not exist."
            case .unknownColumn: return "An expression reads a table column that does not exist."
            case .missingRow: return "A table lookup can meet a key that has no row and the table has no default row."
            case .laterQuestion: return "Skip logic refers to a later question (or the question itself)."
            case .cycle: return "A value, score or indicator depends on itself."
            case .noFallbackOutcome: return "The last outcome has a `when`, so some cases would get no outcome."
            case .neverFires: return "No combination of answers makes an indicator's condition true."
            case .outcomeShadowed: return "An outcome always matches, so the outcomes after it can never be reached."
            case .outcomeUnreachable: return "An outcome is never the result: an earlier outcome always matches first or its condition cannot hold."
            case .unusedQuestion: return "A question is used by no rule, value or skip logic of the rule set that scores it."
            case .unscoredQuestionnaire: return "A questionnaire is scored by no rule set, so its skip logic was not checked."
            case .unusedTables: return "A `kind: tables` file is listed by no rule set, so its tables were not checked."
            case .noSource: return "An indicator, recommendation or service cites no source."
            case .unverified: return "An item cites a source but has not been checked against it (`verified: false`)."
            case .reviewOverdue:
                return
                    "A service's `review_by` date has passed (against `--today`, `INDICIA_TODAY` or today's date): check its details against the source again."
            case .noReviewDate: return "A service has no `review_by` date, so lint cannot tell when its contact details are due to be checked again."
            case .unknownRules: return "A test file's `rules:` names a rule set that was not found."
            case .testsNotRun: return "A test file's tests were not run because the rule set they test does not load."
            case .unknownQuestion: return "A test answers a question the questionnaire does not have."
            case .refusedAnswer:
                return
                    "A test gives an answer the questionnaire refuses (the same check as JSON mode: a choice it lacks, a number out of range, `not_known` where not allowed)."
            case .unknownOutcome: return "A test expects an outcome the rule set does not have."
            case .unknownLevel: return "A test expects a level of concern that no outcome has."
            case .unknownIndicator: return "A test names an indicator the rule set does not have."
            case .unknownRecommendation: return "A test names a next step (recommendation) the rule set does not have."
            case .unknownValue: return "A test expects a value the rule set does not define."
            case .unknownScore: return "A test expects a score the rule set does not define."
            case .contradictoryExpectation:
                return "A test's expectations can never all be met (an id both expected and not, or a level or urgency its outcome does not have)."
            case .testFailed: return "A pack test's expectation is not met by the result (reported by `indicia test`)."
            case .untestedPack: return "A rule set has no pack tests while other rule sets beside it do."
            case .untestedOutcome: return "No pack test reaches an outcome."
            case .untestedNextStep: return "No pack test gives a next step (recommendation)."
            }
        }
    }
}
