import Foundation

/// A way to reach a contact: an email address, an SMS number or a voice number.
public struct ContactChannel: Sendable, Equatable {
    /// The channel's ARN (primary key).
    public var arn: String
    /// The owning account.
    public var accountID: String
    /// The region of the ARN.
    public var region: String
    /// The contact it belongs to.
    public var contactArn: String
    /// The channel's name.
    public var name: String
    /// How it reaches the contact.
    public var type: ChannelType
    /// The delivery address (an email address or an E.164 number).
    public var address: String
    /// Whether it may be paged.
    public internal(set) var activation: ChannelActivation
    /// The pending activation code, if one was issued.
    public internal(set) var activationCode: String?
    /// When the last activation code was issued.
    public internal(set) var activationSentAt: Date?
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a channel.
    public init(
        arn: String,
        accountID: String,
        region: String,
        contactArn: String,
        name: String,
        type: ChannelType,
        address: String,
        activation: ChannelActivation,
        activationCode: String?,
        activationSentAt: Date?,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.arn = arn
        self.accountID = accountID
        self.region = region
        self.contactArn = contactArn
        self.name = name
        self.type = type
        self.address = address
        self.activation = activation
        self.activationCode = activationCode
        self.activationSentAt = activationSentAt
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }

    /// Whether pages may use it.
    public var isActivated: Bool { activation == .activated }

    /// Activates it (the right code came back, or an operator said so): the pending code is spent.
    public mutating func activate(at now: Date) {
        activation = .activated
        activationCode = nil
        updatedAt = now
    }

    /// Deactivates it (an operator said so); a pending code still activates it.
    public mutating func deactivate(at now: Date) {
        activation = .notActivated
        updatedAt = now
    }

    /// The person opted out (replied STOP): not activated, and any pending code is void.
    public mutating func optOut(at now: Date) {
        activation = .notActivated
        activationCode = nil
        updatedAt = now
    }

    /// Records a new activation code sent at `now`; the channel's activation is unchanged until the code comes back.
    public mutating func issueActivationCode(_ code: String, at now: Date) {
        activationCode = code
        activationSentAt = now
        updatedAt = now
    }

    /// Moves the channel to a new address: it is not activated there until `code`, sent at `now`, comes back.
    public mutating func move(to address: String, code: String, at now: Date) {
        self.address = address
        activation = .notActivated
        issueActivationCode(code, at: now)
    }
}

/// How a channel reaches its contact. The raw values are the stored and the wire form.
public enum ChannelType: String, Sendable, Equatable, Codable, CaseIterable {
    /// An email address.
    case email = "EMAIL"
    /// Text messages to a phone number.
    case sms = "SMS"
    /// Calls to a phone number.
    case voice = "VOICE"
}

/// Whether a channel may be paged. The raw values are the stored and the wire form.
public enum ChannelActivation: String, Sendable, Equatable, Codable, CaseIterable {
    /// Confirmed by its owner: pages use it.
    case activated = "ACTIVATED"
    /// Waiting for its activation code, or stopped: pages skip it.
    case notActivated = "NOT_ACTIVATED"
}
