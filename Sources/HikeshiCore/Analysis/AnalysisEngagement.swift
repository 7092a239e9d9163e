import Foundation

/// An engagement an incident started, as an analysis records it.
public struct AnalysisEngagement: Sendable, Equatable {
    /// The engagement's ARN.
    public var arn: String
    /// The contact engaged.
    public var contactArn: String
    /// Who sent it.
    public var sender: String
    /// When it started.
    public var startedAt: Date
    /// When it stopped.
    public var stoppedAt: Date?

    /// Creates an entry.
    public init(arn: String, contactArn: String, sender: String, startedAt: Date, stoppedAt: Date?) {
        self.arn = arn
        self.contactArn = contactArn
        self.sender = sender
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
    }

    /// The entry of an engagement.
    public init(_ engagement: Engagement) {
        self.init(
            arn: engagement.arn, contactArn: engagement.contactArn, sender: engagement.sender, startedAt: engagement.startedAt,
            stoppedAt: engagement.stoppedAt)
    }
}
