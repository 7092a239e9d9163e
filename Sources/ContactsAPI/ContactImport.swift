import SSMContactsModel

/// One contact as the source's API described it, for ``ContactsHandler/importContact(_:fingerprint:trustChannels:context:)``.
///
/// Every ARN in it is the source's: the contact's own, its channels', and those its plan targets.
public struct ContactImport: Sendable, Codable, Equatable {
    /// The contact (`GetContact`): alias, display name, type and plan, in source ARNs.
    public var contact: SSMContacts.GetContactResult
    /// The contact's channels (`ListContactChannels`, personal contacts only), with their activation status at the source.
    public var channels: [SSMContacts.ContactChannel]
    /// The contact's tags.
    public var tags: [SSMContacts.Tag]
    /// The contact's resource policy (`GetContactPolicy`), if it has one.
    public var policy: String?

    /// A contact to import.
    public init(
        contact: SSMContacts.GetContactResult,
        channels: [SSMContacts.ContactChannel] = [],
        tags: [SSMContacts.Tag] = [],
        policy: String? = nil
    ) {
        self.contact = contact
        self.channels = channels
        self.tags = tags
        self.policy = policy
    }
}
