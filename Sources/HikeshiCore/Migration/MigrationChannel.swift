/// A contact channel in this account that must be activated by its owner before it is paged.
public struct MigrationChannel: Sendable, Equatable, Codable {
    /// The contact's ARN.
    public var contactArn: String
    /// The channel's ARN.
    public var channelArn: String
    /// The channel's name.
    public var name: String
    /// Email, SMS or voice.
    public var type: ChannelType
    /// The address codes go to.
    public var address: String

    /// A channel.
    public init(contactArn: String, channelArn: String, name: String, type: ChannelType, address: String) {
        self.contactArn = contactArn
        self.channelArn = channelArn
        self.name = name
        self.type = type
        self.address = address
    }
}
