/// Names exactly which pack produced a result: ids, revisions, a SHA-256 over its files, and the engine.
public struct PackIdentity: Sendable, Equatable, Codable {
    /// Rule set id.
    public var id: String
    /// Rule set revision.
    public var revision: String
    /// Questionnaire id.
    public var questionnaire: String
    /// Questionnaire revision.
    public var questionnaireRevision: String
    /// SHA-256 over the pack's files (questionnaire, rules, services directories), in hex.
    public var sha256: String
    /// The engine version.
    public var engine: String
}
