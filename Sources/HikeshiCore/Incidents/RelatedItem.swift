/// Something related to an incident: an involved resource, a metric, a runbook execution, the parent OpsItem…
public struct RelatedItem: Sendable, Equatable {
    /// The id the service gave it.
    public var id: String
    /// What kind of item it is.
    public var kind: RelatedItemKind
    /// What it points at.
    public var value: RelatedItemValue
    /// The title shown for it.
    public var title: String?

    /// Creates an item.
    public init(id: String, kind: RelatedItemKind, value: RelatedItemValue, title: String?) {
        self.id = id
        self.kind = kind
        self.value = value
        self.title = title
    }

    /// The text that identifies the item within its kind: an incident holds one item per kind and key.
    public var key: String { value.key }
}

/// The kind of a related item. The raw values are the stored and the wire form.
public enum RelatedItemKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// A post-incident analysis.
    case analysis = "ANALYSIS"
    /// Another incident.
    case incident = "INCIDENT"
    /// A metric.
    case metric = "METRIC"
    /// The parent OpsItem.
    case parent = "PARENT"
    /// An attachment.
    case attachment = "ATTACHMENT"
    /// Anything else.
    case other = "OTHER"
    /// A runbook execution.
    case automation = "AUTOMATION"
    /// A resource the incident involves.
    case involvedResource = "INVOLVED_RESOURCE"
    /// A task.
    case task = "TASK"
}

/// What a related item points at.
public enum RelatedItemValue: Sendable, Equatable, Codable {
    /// An ARN.
    case arn(String)
    /// A URL.
    case url(String)
    /// A CloudWatch metric definition.
    case metricDefinition(String)
    /// A PagerDuty incident.
    case pagerDutyIncident(PagerDutyIncidentLink)

    /// The text that identifies the value within an item kind.
    public var key: String {
        switch self {
        case .arn(let arn): "arn:" + arn
        case .url(let url): "url:" + url
        case .metricDefinition(let definition): "metric:" + definition
        case .pagerDutyIncident(let incident): "pagerduty:" + incident.id
        }
    }
}

/// A PagerDuty incident linked to an incident.
public struct PagerDutyIncidentLink: Sendable, Equatable, Codable {
    /// The PagerDuty incident's id.
    public var id: String
    /// Whether resolving one resolves the other.
    public var autoResolve: Bool?
    /// The secret holding the PagerDuty credentials.
    public var secretID: String?

    /// Creates a link.
    public init(id: String, autoResolve: Bool? = nil, secretID: String? = nil) {
        self.id = id
        self.autoResolve = autoResolve
        self.secretID = secretID
    }
}
