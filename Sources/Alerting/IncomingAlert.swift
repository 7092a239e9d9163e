import Foundation

/// An alert from any monitoring source, in the one form that becomes an ssm-incidents `StartIncident` (with
/// `triggerDetails`) or, when its ``dedupeKey`` matches an open incident, is absorbed into it.
public struct IncomingAlert: Sendable, Hashable {
    /// Whether the alert condition is happening or is over.
    public enum Status: String, Sendable, Hashable, CaseIterable {
        /// The condition holds: start (or keep) an incident.
        case firing
        /// The condition has cleared.
        case resolved
    }

    /// The trigger's source, at most ``Alerting/maximumSourceLength`` scalars: `aws.cloudwatch`, an EventBridge
    /// event source such as `aws.guardduty`, `prometheus.alertmanager`, `grafana`, `generic`, or a generic
    /// webhook's own `source`.
    public var source: String
    /// The ARN of what raised the alert (a CloudWatch alarm ARN), when there is one; always matches ssm-incidents'
    /// `triggerArn` pattern.
    public var triggerArn: String?
    /// A title for the incident, at most ``Alerting/maximumTitleLength`` scalars.
    public var title: String
    /// A longer description (alarm description, annotations' `description`), at most
    /// ``Alerting/maximumSummaryLength`` scalars.
    public var summary: String?
    /// What identifies the alert across notifications, so repeats join one incident: an alarm ARN,
    /// `alertmanager:<groupKey>`, `grafana:<groupKey>`, a generic webhook's `dedupeKey`. At most
    /// ``Alerting/maximumDedupeKeyLength`` scalars.
    public var dedupeKey: String
    /// Firing or resolved.
    public var status: Status
    /// The resources involved, deduplicated in order of appearance: ARNs for AWS, URLs (Alertmanager
    /// `generatorURL`, Grafana panel and dashboard URLs) elsewhere.
    public var resources: [String]
    /// When the alert condition began (or, for a resolved group, ended), when the payload says.
    public var timestamp: Date?
    /// The impact (1 critical … 5 no impact) the payload suggests, e.g. from a `severity` label.
    public var impactHint: Int?
    /// The original payload as text, at most ``Alerting/maximumRawDataBytes`` UTF-8 bytes, cut between characters.
    public var rawData: String
    /// A line of further detail for the incident's timeline: an alarm's state reason, the alerts of a group.
    public var detailsSummary: String?

    /// Creates an alert from its parts, taken as they are.
    ///
    /// - Parameters:
    ///   - source: The trigger's source.
    ///   - triggerArn: The ARN of what raised the alert.
    ///   - title: The incident title.
    ///   - summary: A longer description.
    ///   - dedupeKey: What identifies the alert across notifications.
    ///   - status: Firing or resolved.
    ///   - resources: The resources involved.
    ///   - timestamp: When the condition began.
    ///   - impactHint: The impact the payload suggests, 1…5.
    ///   - rawData: The original payload.
    ///   - detailsSummary: A line of further detail.
    public init(
        source: String,
        triggerArn: String? = nil,
        title: String,
        summary: String? = nil,
        dedupeKey: String,
        status: Status = .firing,
        resources: [String] = [],
        timestamp: Date? = nil,
        impactHint: Int? = nil,
        rawData: String,
        detailsSummary: String? = nil
    ) {
        self.source = source
        self.triggerArn = triggerArn
        self.title = title
        self.summary = summary
        self.dedupeKey = dedupeKey
        self.status = status
        self.resources = resources
        self.timestamp = timestamp
        self.impactHint = impactHint
        self.rawData = rawData
        self.detailsSummary = detailsSummary
    }
}
