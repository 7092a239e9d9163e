import Foundation

/// An engagement: a request to reach a contact, with its message.
public struct Engagement: Sendable, Equatable {
    /// The engagement's ARN.
    public var arn: String
    /// The owning account.
    public var accountID: String
    /// The region of the ARN.
    public var region: String
    /// The contact engaged (person, escalation plan or schedule).
    public var contactArn: String
    /// Who sent it.
    public var sender: String
    /// The subject of the message.
    public var subject: String
    /// The message.
    public var content: String
    /// The subject for public channels (SMS, voice).
    public var publicSubject: String?
    /// The message for public channels.
    public var publicContent: String?
    /// The incident this engagement belongs to.
    public var incidentID: String?
    /// When it started.
    public var startedAt: Date
    /// When it was stopped.
    public var stoppedAt: Date?
    /// Why it was stopped.
    public var stopReason: String?
    /// When an essential contact acknowledged, ending the escalation.
    public var escalationStoppedAt: Date?

    /// Creates an engagement.
    public init(
        arn: String,
        accountID: String,
        region: String,
        contactArn: String,
        sender: String,
        subject: String,
        content: String,
        publicSubject: String? = nil,
        publicContent: String? = nil,
        incidentID: String? = nil,
        startedAt: Date,
        stoppedAt: Date? = nil,
        stopReason: String? = nil,
        escalationStoppedAt: Date? = nil
    ) {
        self.arn = arn
        self.accountID = accountID
        self.region = region
        self.contactArn = contactArn
        self.sender = sender
        self.subject = subject
        self.content = content
        self.publicSubject = publicSubject
        self.publicContent = publicContent
        self.incidentID = incidentID
        self.startedAt = startedAt
        self.stoppedAt = stoppedAt
        self.stopReason = stopReason
        self.escalationStoppedAt = escalationStoppedAt
    }

    /// Where it stands, from its times. (Stopping is a single conditional update in storage, so two stops racing on
    /// different connections settle to one without a lost write.)
    public var status: EngagementStatus {
        if stoppedAt != nil { return .stopped }
        if escalationStoppedAt != nil { return .acknowledged }
        return .escalating
    }

    /// Whether it is still running: not stopped.
    public var isActive: Bool { status != .stopped }

    /// Whether it still escalates: running, and no one has stopped its escalation.
    public var escalates: Bool { status == .escalating }
}

/// Where an engagement stands.
public enum EngagementStatus: Sendable, Equatable, CaseIterable {
    /// Running through its stages.
    case escalating
    /// Someone acknowledged: pages already sent stay, no further stage runs.
    case acknowledged
    /// Stopped: open pages stopped too.
    case stopped
}
