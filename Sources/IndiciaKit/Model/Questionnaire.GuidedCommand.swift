extension Questionnaire {
    /// The `indicia` command that runs a questionnaire as a guided session, named in the hint a
    /// session gives when it is saved and stopped (`indicia screen --pack ID --resume FILE`).
    public enum GuidedCommand: String, Sendable, Equatable, CaseIterable {
        /// `indicia screen`: screening a person's situation.
        case screen
        /// `indicia assess`: assessing an agency.
        case assess
    }
}
