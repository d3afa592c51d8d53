/// What a case's `pack` names: `id`, or `id@revision` to insist on a content revision.
///
/// The one reading of that spelling: `indicia evaluate`'s pack cache, ``PackRuntime/evaluateJSON(_:)``
/// and draft resume all resolve names through it, so `screening@1999` is refused everywhere.
public struct PackReference: Sendable, Equatable {
    /// The pack id (everything before the first `@`).
    public var id: String
    /// The revision asked for (everything after the first `@`), or nil for any.
    public var revision: String?

    /// Reads a case's `pack` value.
    ///
    /// - Parameter name: `id` or `id@revision`.
    public init(_ name: String) {
        if let at = name.firstIndex(of: "@") {
            id = String(name[..<at])
            revision = String(name[name.index(after: at)...])
        } else {
            id = name
            revision = nil
        }
    }

    /// The error when the revision asked for is not the pack's, or nil when it matches (or none was asked for).
    ///
    /// - Parameter identity: The available pack's identity.
    /// - Returns: The `unknown-pack` error, or nil.
    public func mismatch(_ identity: PackIdentity) -> CaseError? {
        guard let revision, revision != identity.revision else { return nil }
        return CaseError(
            .unknownPack, "pack '\(CaseDecoder.printable(id))' is at revision \(identity.revision), not \(CaseDecoder.printable(revision))",
            path: "/pack")
    }

    /// The error for a pack that is not available.
    public var unknown: CaseError {
        CaseError(.unknownPack, "no pack named '\(CaseDecoder.printable(id))' is available", path: "/pack")
    }

    /// The error for a pack that exists but does not load.
    public var unusable: CaseError {
        CaseError(.unusablePack, "pack '\(CaseDecoder.printable(id))' does not load; run indicia lint", path: "/pack")
    }
}
