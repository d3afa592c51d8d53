/// A saved, unfinished session: the answers as a case document plus the pack they belong to.
public struct Draft: Sendable, Equatable {
    /// Rule set id.
    public var packID: String
    /// Rule set revision when saved.
    public var revision: String
    /// The pack's SHA-256 when saved.
    public var sha256: String
    /// The answers, as the case document `indicia evaluate` reads.
    public var caseDocument: [UInt8]
    /// Question ids presented so far, in order.
    public var asked: [String]

    /// The draft file's bytes.
    public var serialized: [UInt8] {
        var out = Array("{\"indicia_draft\":1,\"pack\":".utf8)
        JSONOutput.string(packID, to: &out)
        out += Array(",\"revision\":".utf8)
        JSONOutput.string(revision, to: &out)
        out += Array(",\"sha256\":".utf8)
        JSONOutput.string(sha256, to: &out)
        out += Array(",\"asked\":[".utf8)
        out += asked.map { JSONOutput.string($0) }.joined(separator: [0x2C])
        out += Array("],\"case\":".utf8)
        out += caseDocument
        out += Array("}\n".utf8)
        return out
    }

    /// Reads a draft file.
    ///
    /// - Parameter bytes: The file's bytes.
    /// - Returns: The draft.
    /// - Throws: ``DraftError/unreadable(_:)`` if it is not a draft.
    public static func parse(_ bytes: [UInt8]) throws(DraftError) -> Draft {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            throw .unreadable("not valid JSON (\(error.message))")
        }
        guard value["indicia_draft"]?.number == 1, let pack = value["pack"]?.string, let revision = value["revision"]?.string,
            let sha = value["sha256"]?.string, let asked = value["asked"]?.array, let document = value["case"]
        else { throw .unreadable("this is not an Indicia draft file") }
        return Draft(packID: pack, revision: revision, sha256: sha, caseDocument: document.serialized, asked: asked.compactMap(\.string))
    }
}

/// Why a draft cannot be resumed.
public enum DraftError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(String)
    case otherPack(draft: String, pack: String)
    case packChanged(draftRevision: String, packRevision: String)
    case answersDoNotFit(String)

    public var description: String {
        switch self {
        case .unreadable(let why): return "the draft cannot be read: \(why)"
        case .otherPack(let draft, let pack): return "the draft is for pack '\(draft)', not '\(pack)'"
        case .packChanged(let draftRevision, let packRevision):
            return
                "the pack has changed since the draft was saved (draft: revision \(draftRevision); pack now: revision \(packRevision)); resume with --force to keep the answers that still fit"
        case .answersDoNotFit(let why): return "the draft's answers no longer fit the pack: \(why)"
        }
    }
}
