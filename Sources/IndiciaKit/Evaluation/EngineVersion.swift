/// The engine's version, written into every result.
public enum EngineVersion {
    /// Semantic version of Indicia.
    public static let current = "0.1.0"
}
