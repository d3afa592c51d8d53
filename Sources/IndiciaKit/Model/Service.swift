/// An organisation or line to contact, from a services directory.
public struct Service: Sendable, Equatable {
    /// Stable id referenced by recommendations.
    public var id: String
    /// The organisation or service name.
    public var name: String
    /// Phone number exactly as published.
    public var phone: String?
    /// Web address.
    public var url: String?
    /// Email address.
    public var email: String?
    /// When to use it.
    public var description: String?
    /// `national` or `local`.
    public var scope: String
    /// Where the contact details were published.
    public var source: String?
    /// Whether they were checked against that source.
    public var verified: Bool
    /// Where it is defined.
    public var mark: SourceMark
}
