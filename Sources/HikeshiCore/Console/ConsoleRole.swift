/// What a console user may do in their account. Each page and each action names the roles it admits.
public enum ConsoleRole: String, CaseIterable, Sendable, Codable, Hashable {
    /// Everything in the account: console users, access keys, and every other role's pages; in the provider's account
    /// also the desk's plans and calendars.
    case admin
    /// Incidents: start, notes, timeline, resolve, runbook steps; their own pages and overrides.
    case responder
    /// Contacts, channels, escalation plans, rotations, overrides and response plans.
    case oncallManager = "oncall-manager"
    /// The desk in the provider's account: the queue, replies, requests for information, resolutions.
    case supportAgent = "support-agent"
    /// Support cases of the user's own (customer) account.
    case customer

    /// Whether a user with this role may be created in an account that is (or is not) the provider's.
    public func allowed(inProviderAccount isProvider: Bool) -> Bool {
        switch self {
        case .supportAgent: isProvider
        case .customer: !isProvider
        case .admin, .responder, .oncallManager: true
        }
    }
}
