/// A questionnaire construct that cannot be written as FHIR, naming the question (or section) and
/// where in the pack it is.
public struct FHIRExportError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The question or section id.
    public var item: String
    /// Plain-English explanation.
    public var message: String
    /// Where the construct is in the pack.
    public var mark: SourceMark

    /// Creates an export error.
    ///
    /// - Parameters:
    ///   - item: The question or section id.
    ///   - message: The explanation.
    ///   - mark: Where it is.
    public init(item: String, message: String, mark: SourceMark) {
        self.item = item
        self.message = message
        self.mark = mark
    }

    /// `path:line:col: error: message [fhir-export]`.
    public var description: String { "\(mark): error: \(message) [fhir-export]" }
}
