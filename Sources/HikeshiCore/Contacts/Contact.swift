import Foundation

/// A contact: a person, an escalation plan or an on-call schedule.
public struct Contact: Sendable, Equatable {
    /// The contact's ARN (primary key).
    public var arn: String
    /// The owning account.
    public var accountID: String
    /// The region of the ARN.
    public var region: String
    /// The unique alias within account and region.
    public var alias: String
    /// The display name.
    public var displayName: String?
    /// `PERSONAL`, `ESCALATION` or `ONCALL_SCHEDULE`.
    public var type: ContactType
    /// Who is engaged, in stages.
    public var plan: ContactPlan
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a contact.
    public init(
        arn: String,
        accountID: String,
        region: String,
        alias: String,
        displayName: String?,
        type: ContactType,
        plan: ContactPlan,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.arn = arn
        self.accountID = accountID
        self.region = region
        self.alias = alias
        self.displayName = displayName
        self.type = type
        self.plan = plan
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// What a list of contacts shows of each: its identity, without the plan (which a list never needs to read).
public struct ContactSummary: Sendable, Equatable {
    /// The contact's ARN.
    public var arn: String
    /// The unique alias within account and region.
    public var alias: String
    /// The display name.
    public var displayName: String?
    /// `PERSONAL`, `ESCALATION` or `ONCALL_SCHEDULE`.
    public var type: ContactType

    /// Creates a summary.
    public init(arn: String, alias: String, displayName: String?, type: ContactType) {
        self.arn = arn
        self.alias = alias
        self.displayName = displayName
        self.type = type
    }
}
