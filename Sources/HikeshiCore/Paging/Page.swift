import Foundation

/// A page: one engagement reaching one person, through their channels.
public struct Page: Sendable, Equatable {
    /// The page's ARN.
    public var arn: String
    /// The owning account.
    public var accountID: String
    /// The region of the ARN.
    public var region: String
    /// The engagement it belongs to.
    public var engagementArn: String
    /// The person paged.
    public var contactArn: String
    /// The path from the engaged contact to this person.
    public var resolution: [PageResolutionStep]
    /// Whether this person's acknowledgement ends the escalation.
    public var isEssential: Bool
    /// The code the person replies with to acknowledge.
    public var acceptCode: String
    /// When it was made.
    public var createdAt: Date
    /// When the first message went out.
    public var sentAt: Date?
    /// When a provider or the person confirmed delivery.
    public var deliveredAt: Date?
    /// When the person acknowledged (read).
    public var readAt: Date?
    /// When it was stopped without acknowledgement.
    public var stoppedAt: Date?

    /// Creates a page.
    public init(
        arn: String,
        accountID: String,
        region: String,
        engagementArn: String,
        contactArn: String,
        resolution: [PageResolutionStep],
        isEssential: Bool,
        acceptCode: String,
        createdAt: Date,
        sentAt: Date? = nil,
        deliveredAt: Date? = nil,
        readAt: Date? = nil,
        stoppedAt: Date? = nil
    ) {
        self.arn = arn
        self.accountID = accountID
        self.region = region
        self.engagementArn = engagementArn
        self.contactArn = contactArn
        self.resolution = resolution
        self.isEssential = isEssential
        self.acceptCode = acceptCode
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.deliveredAt = deliveredAt
        self.readAt = readAt
        self.stoppedAt = stoppedAt
    }

    /// Where it stands, from its times: read and stopped end it; delivered and sent are on the way.
    public var status: PageStatus {
        if readAt != nil { return .read }
        if stoppedAt != nil { return .stopped }
        if deliveredAt != nil { return .delivered }
        if sentAt != nil { return .sent }
        return .pending
    }

    /// Whether the page still wants to reach its person.
    public var isOpen: Bool { status != .read && status != .stopped }
}

/// Where a page stands.
public enum PageStatus: Sendable, Equatable, CaseIterable {
    /// Made, nothing sent yet.
    case pending
    /// A message went out.
    case sent
    /// A provider or the person confirmed delivery.
    case delivered
    /// The person acknowledged.
    case read
    /// Stopped without acknowledgement.
    case stopped
}
