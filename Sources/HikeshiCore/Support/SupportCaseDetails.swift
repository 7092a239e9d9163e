import Foundation

/// What a case keeps beyond its indexed fields: the plan snapshot and clock, the coach's advice, the resolution, the survey.
public struct SupportCaseDetails: Codable, Sendable, Equatable {
    /// The subject.
    public var subject: String
    /// Who opened it.
    public var submittedBy: String
    /// Technical, or account and billing.
    public var issueType: SupportIssueType
    /// CC addresses given at creation.
    public var ccEmailAddresses: [String]
    /// The plan at creation.
    public var plan: SupportPlanKind
    /// Whether the clock counts business hours only.
    public var businessHoursOnly: Bool
    /// The account's time zone at creation.
    public var timeZone: String
    /// The first-response clock (its calendar is a snapshot taken at creation).
    public var clock: FirstResponseClock
    /// The coach's advice on the case as filed.
    public var coach: [CoachFinding]
    /// The resolution note an agent wrote.
    public var resolutionNote: String?
    /// The case this one replaces at a higher severity.
    public var supersedes: String?
    /// The case that replaced this one at a higher severity.
    public var supersededBy: String?
    /// The customer's survey answer on resolution.
    public var surveyRating: Int?
    /// The survey comment.
    public var surveyComment: String?

    /// Creates a value.
    public init(
        subject: String,
        submittedBy: String,
        issueType: SupportIssueType,
        ccEmailAddresses: [String],
        plan: SupportPlanKind,
        businessHoursOnly: Bool,
        timeZone: String,
        clock: FirstResponseClock,
        coach: [CoachFinding],
        resolutionNote: String? = nil,
        supersedes: String? = nil,
        supersededBy: String? = nil,
        surveyRating: Int? = nil,
        surveyComment: String? = nil
    ) {
        self.subject = subject
        self.submittedBy = submittedBy
        self.issueType = issueType
        self.ccEmailAddresses = ccEmailAddresses
        self.plan = plan
        self.businessHoursOnly = businessHoursOnly
        self.timeZone = timeZone
        self.clock = clock
        self.coach = coach
        self.resolutionNote = resolutionNote
        self.supersedes = supersedes
        self.supersededBy = supersededBy
        self.surveyRating = surveyRating
        self.surveyComment = surveyComment
    }
}

/// Whether a case is about the service or about the account. The raw values are the stored and the wire form.
public enum SupportIssueType: String, Sendable, Equatable, Codable, CaseIterable {
    /// A technical question about a service.
    case technical
    /// Account and billing.
    case customerService = "customer-service"
}
