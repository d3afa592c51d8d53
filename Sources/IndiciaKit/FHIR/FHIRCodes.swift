/// The code systems and extension URLs the FHIR export and `QuestionnaireResponse` input share.
public enum FHIRCodes {
    /// HL7 v2 table 0136 (yes/no indicator): `Y` and `N`, used for yes/no questions that also allow "not known".
    public static let yesNoSystem = "http://terminology.hl7.org/CodeSystem/v2-0136"
    /// HL7 v3 null flavours: `UNK` (unknown) is the answer "not known".
    public static let nullFlavorSystem = "http://terminology.hl7.org/CodeSystem/v3-NullFlavor"
    /// The code for "not known".
    public static let notKnownCode = "UNK"
    /// FHIR R4 core extensions.
    public static let minValue = "http://hl7.org/fhir/StructureDefinition/minValue"
    public static let maxValue = "http://hl7.org/fhir/StructureDefinition/maxValue"
    public static let itemControl = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
    public static let itemControlSystem = "http://hl7.org/fhir/questionnaire-item-control"
    public static let unit = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
    /// Structured Data Capture: skip logic as a FHIRPath expression.
    public static let enableWhenExpression = "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-enableWhenExpression"

    /// The canonical URL of a questionnaire: `urn:indicia:questionnaire:<id>`.
    ///
    /// - Parameter questionnaire: The questionnaire id.
    /// - Returns: The URL (its version is the questionnaire's revision).
    public static func url(questionnaire: String) -> String { "urn:indicia:questionnaire:\(questionnaire)" }

    /// The code system of one choice question's choice ids: `<questionnaire url>:<question id>`.
    ///
    /// - Parameters:
    ///   - questionnaire: The questionnaire id.
    ///   - question: The question id.
    /// - Returns: The system URL.
    public static func choiceSystem(questionnaire: String, question: String) -> String {
        url(questionnaire: questionnaire) + ":" + question
    }
}
