import Foundation

/// What a support plan offers: its hours, whether it takes technical cases, its channels and its response targets.
public struct SupportPlanDefinition: Sendable, Codable, Hashable {
    /// The plan this defines.
    public var plan: SupportPlanKind
    /// Whether cases are answered only in business hours; `false` means around the clock.
    public var businessHoursOnly: Bool
    /// Whether the plan may open technical cases; without them only account and billing cases are allowed.
    public var technicalCases: Bool
    /// The channels customers on the plan can use.
    public var channels: [CommunicationChannel]
    /// The first-response target in minutes for each severity; a severity without a target is not available on the plan.
    public var targets: [SupportSeverity: Int]

    /// Creates a plan definition.
    public init(
        plan: SupportPlanKind,
        businessHoursOnly: Bool,
        technicalCases: Bool,
        channels: [CommunicationChannel],
        targets: [SupportSeverity: Int]
    ) {
        self.plan = plan
        self.businessHoursOnly = businessHoursOnly
        self.technicalCases = technicalCases
        self.channels = channels
        self.targets = targets
    }

    /// The severities available on the plan, least severe first.
    public var severities: [SupportSeverity] {
        targets.keys.sorted()
    }

    /// The first-response target in minutes for `severity`, or `nil` when the plan does not offer it.
    public func target(for severity: SupportSeverity) -> Int? {
        targets[severity]
    }
}
