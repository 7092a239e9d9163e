/// Where an OpsItem stands. The raw values are the stored and the wire form: every status of the `ssm` model, so a
/// stored value always reads back. Ordinary OpsItems (``OpsItemKind``) move between ``open``, ``inProgress`` and
/// ``resolved``; the others belong to change and access requests, which Hikeshi does not create.
public enum OpsItemStatus: String, Sendable, Equatable, Codable, CaseIterable {
    /// Needs attention.
    case open = "Open"
    /// Being worked on.
    case inProgress = "InProgress"
    /// Done.
    case resolved = "Resolved"
    /// A change request waiting to start.
    case pending = "Pending"
    /// A change request that ran out of time.
    case timedOut = "TimedOut"
    /// A change request being cancelled.
    case cancelling = "Cancelling"
    /// A cancelled change request.
    case cancelled = "Cancelled"
    /// A change request that failed.
    case failed = "Failed"
    /// A change request whose runbook succeeded.
    case completedWithSuccess = "CompletedWithSuccess"
    /// A change request whose runbook failed.
    case completedWithFailure = "CompletedWithFailure"
    /// A change request with a start time.
    case scheduled = "Scheduled"
    /// A change request whose runbook runs.
    case runbookInProgress = "RunbookInProgress"
    /// A change request waiting for a change-calendar override.
    case pendingChangeCalendarOverride = "PendingChangeCalendarOverride"
    /// A change request whose calendar override was granted.
    case changeCalendarOverrideApproved = "ChangeCalendarOverrideApproved"
    /// A change request whose calendar override was refused.
    case changeCalendarOverrideRejected = "ChangeCalendarOverrideRejected"
    /// A request waiting for approvers.
    case pendingApproval = "PendingApproval"
    /// An approved request.
    case approved = "Approved"
    /// An access request whose grant was withdrawn.
    case revoked = "Revoked"
    /// A refused request.
    case rejected = "Rejected"
    /// A closed request.
    case closed = "Closed"

    /// The statuses an ordinary OpsItem (an issue or an insight) may take.
    public static let ordinary: [OpsItemStatus] = [.open, .inProgress, .resolved]

    /// Whether the item still needs work: an open or in-progress item holds its dedup string, so an equal one is refused.
    public var isActive: Bool { self == .open || self == .inProgress }
}
