import Foundation

/// A customer account's support plan, its case language and time zone.
public struct AccountSupportPlan: Sendable, Equatable {
    /// The customer account.
    public var accountID: String
    /// The plan.
    public var plan: SupportPlanKind
    /// The preferred case language.
    public var language: SupportLanguage
    /// The account's IANA time zone.
    public var timeZone: String
    /// When it was last set.
    public var updatedAt: Date

    /// Creates an account's plan.
    public init(accountID: String, plan: SupportPlanKind, language: SupportLanguage, timeZone: String, updatedAt: Date) {
        self.accountID = accountID
        self.plan = plan
        self.language = language
        self.timeZone = timeZone
        self.updatedAt = updatedAt
    }
}
