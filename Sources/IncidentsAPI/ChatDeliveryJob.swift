import Foundation

/// One chat channel's copy of an ``IncidentNotification``, retried on its own.
public struct ChatDeliveryJob: Codable, Sendable, Equatable {
    /// The job kind.
    public static let jobKind = "incident.chat"

    /// The channel's id (its topic ARN).
    public var channelID: String
    /// What to tell it.
    public var notification: IncidentNotification

    /// Creates a job payload.
    public init(channelID: String, notification: IncidentNotification) {
        self.channelID = channelID
        self.notification = notification
    }
}
