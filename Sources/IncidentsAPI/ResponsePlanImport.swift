import SSMIncidentsModel

/// A response plan as read from the source of a migration, with its tags and resource policies: what
/// ``IncidentsHandler/importResponsePlan(_:fingerprint:context:)`` writes into an account.
///
/// The plan keeps the source's ARNs (engagements, chat channel, notification targets, runbook roles); the import
/// rewrites them for the account it writes into.
public struct ResponsePlanImport: Sendable, Codable, Equatable {
    /// The plan as `GetResponsePlan` answered at the source.
    public var plan: SSMIncidents.GetResponsePlanOutput
    /// The plan's tags at the source.
    public var tags: [String: String]
    /// The plan's resource policies at the source (`GetResourcePolicies`).
    public var policies: [SSMIncidents.ResourcePolicy]

    /// A plan to import.
    public init(plan: SSMIncidents.GetResponsePlanOutput, tags: [String: String] = [:], policies: [SSMIncidents.ResourcePolicy] = []) {
        self.plan = plan
        self.tags = tags
        self.policies = policies
    }
}
