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
    /// The day the details were last checked against their source (days since 1970-01-01), from `checked:`.
    public var checked: Int32?
    /// The day by which they must be checked again (days since 1970-01-01), from `review_by:`;
    /// `indicia lint` warns once it has passed.
    public var reviewBy: Int32?
    /// Where it is defined.
    public var mark: SourceMark
}
