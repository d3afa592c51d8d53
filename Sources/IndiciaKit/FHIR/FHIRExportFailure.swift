/// Everything in a questionnaire that cannot be exported as FHIR, in questionnaire order.
public struct FHIRExportFailure: Error, Sendable, Equatable {
    /// Each problem, naming its question or section.
    public var errors: [FHIRExportError]

    /// Creates a failure.
    ///
    /// - Parameter errors: The problems.
    public init(errors: [FHIRExportError]) { self.errors = errors }
}
