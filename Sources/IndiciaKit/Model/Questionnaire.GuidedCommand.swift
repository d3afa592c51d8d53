extension Questionnaire {
    /// An `indicia` command that runs a questionnaire as a guided session. A questionnaire that
    /// declares one (`guided_command:`) is the pack that command runs when no `--pack` is named.
    public enum GuidedCommand: String, Sendable, Equatable, CaseIterable {
        /// `indicia screen`: screening a person's situation.
        case screen
        /// `indicia assess`: assessing an agency.
        case assess
    }
}
