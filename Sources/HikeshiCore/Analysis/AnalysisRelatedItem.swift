/// A related item of an incident, as an analysis records it.
public struct AnalysisRelatedItem: Sendable, Equatable {
    /// The item's kind.
    public var kind: RelatedItemKind
    /// Its title.
    public var title: String?
    /// What it points at, as text: an ARN, a URL, a metric definition or a PagerDuty incident id.
    public var value: String

    /// Creates an entry.
    public init(kind: RelatedItemKind, title: String?, value: String) {
        self.kind = kind
        self.title = title
        self.value = value
    }

    /// The entry of a related item.
    public init(_ item: RelatedItem) {
        let value: String =
            switch item.value {
            case .arn(let arn): arn
            case .url(let url): url
            case .metricDefinition(let definition): definition
            case .pagerDutyIncident(let incident): incident.id
            }
        self.init(kind: item.kind, title: item.title, value: value)
    }
}
