import Foundation

/// One event on an incident's timeline.
public struct TimelineEvent: Sendable, Equatable {
    /// The event's id (primary key).
    public var eventID: String
    /// The incident it belongs to.
    public var incidentArn: String
    /// The incident's account.
    public var accountID: String
    /// When the event happened.
    public var eventTime: Date
    /// `Custom Event`, `Note`, or one of the system's types.
    public var eventType: String
    /// The event's data (often JSON), as given.
    public var eventData: String
    /// What the event refers to: resources and related items.
    public var eventReferences: [TimelineReference]
    /// When the event was last written.
    public var updatedAt: Date

    /// Creates an event.
    public init(
        eventID: String,
        incidentArn: String,
        accountID: String,
        eventTime: Date,
        eventType: String,
        eventData: String,
        eventReferences: [TimelineReference],
        updatedAt: Date
    ) {
        self.eventID = eventID
        self.incidentArn = incidentArn
        self.accountID = accountID
        self.eventTime = eventTime
        self.eventType = eventType
        self.eventData = eventData
        self.eventReferences = eventReferences
        self.updatedAt = updatedAt
    }
}
