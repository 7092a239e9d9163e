import Foundation

/// An approver's decision on an `aws:approve` step.
public struct ApprovalDecision: Sendable, Equatable, Codable {
    /// The approver, as the principal ARN that signalled.
    public var approver: String
    /// Approved or rejected.
    public var approved: Bool
    /// The comment given.
    public var comment: String?
    /// When.
    public var at: Date

    /// Creates a decision.
    public init(approver: String, approved: Bool, comment: String?, at: Date) {
        self.approver = approver
        self.approved = approved
        self.comment = comment
        self.at = at
    }
}
