import Foundation

/// A request to start an incident from a response plan, from the API or from an alert integration.
public struct IncidentTrigger: Sendable {
    /// The response plan.
    public var responsePlanArn: String
    /// Where it came from: `aws.ssm-incidents.custom` for the API, `aws.cloudwatch`, `prometheus.alertmanager`…
    public var source: String
    /// The alarm or rule that fired, when there is one.
    public var triggerArn: String?
    /// Overrides the plan's title.
    public var title: String?
    /// Overrides the plan's impact.
    public var impact: Int?
    /// The identity of the problem, used for dedupe when the plan has no dedupe string.
    public var dedupeKey: String?
    /// When the trigger fired.
    public var timestamp: Date
    /// The original payload (at most 10,000 characters).
    public var rawData: String?
    /// Involved resources: ARNs, or URLs.
    public var resources: [String]
    /// Who started it (an IAM principal, or an integration).
    public var createdBy: String
    /// The service or integration that invoked the start.
    public var invokedBy: String?
    /// What the alert says about the problem (an alarm's description, annotations): used when the plan has no summary,
    /// and in the page.
    public var summary: String?
    /// A line of further detail for the timeline (an alarm's state reason, a group's alerts).
    public var details: String?

    /// Creates a trigger.
    public init(
        responsePlanArn: String,
        source: String,
        triggerArn: String? = nil,
        title: String? = nil,
        impact: Int? = nil,
        dedupeKey: String? = nil,
        timestamp: Date,
        rawData: String? = nil,
        resources: [String] = [],
        createdBy: String,
        invokedBy: String? = nil,
        summary: String? = nil,
        details: String? = nil
    ) {
        self.responsePlanArn = responsePlanArn
        self.source = source
        self.triggerArn = triggerArn
        self.title = title
        self.impact = impact
        self.dedupeKey = dedupeKey
        self.timestamp = timestamp
        self.rawData = rawData
        self.resources = resources
        self.createdBy = createdBy
        self.invokedBy = invokedBy
        self.summary = summary
        self.details = details
    }
}

/// What a trigger did.
public enum TriggerOutcome: Sendable, Equatable {
    /// A new incident opened.
    case started(incidentArn: String)
    /// An open incident with the same dedupe string absorbed the trigger: no new record, no page.
    case absorbed(incidentArn: String)

    /// The incident concerned.
    public var incidentArn: String {
        switch self {
        case .started(let arn), .absorbed(let arn): arn
        }
    }
}
