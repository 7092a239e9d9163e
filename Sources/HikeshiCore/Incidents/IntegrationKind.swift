/// The kinds of inbound alert integrations and of chat channels.
public enum IntegrationKind: String, Sendable, CaseIterable, Codable {
    /// Prometheus Alertmanager's webhook receiver (payload version 4).
    case alertmanager
    /// Amazon EventBridge events (API destination or any forwarder posting the event JSON).
    case eventbridge
    /// CloudWatch alarm notifications delivered by SNS over HTTP(S).
    case cloudwatchSNS = "cloudwatch-sns"
    /// Grafana alerting's webhook contact point.
    case grafana
    /// Any tool posting `{"title": …}` JSON.
    case generic
    /// A Slack incoming webhook (chat channel).
    case slack
    /// A Microsoft Teams incoming webhook (chat channel).
    case teams
    /// An Amazon Chime webhook (chat channel).
    case chime

    /// The alert kinds.
    public static let alertKinds: [IntegrationKind] = [.alertmanager, .eventbridge, .cloudwatchSNS, .grafana, .generic]
    /// The chat kinds.
    public static let chatKinds: [IntegrationKind] = [.slack, .teams, .chime]

    /// Whether it is a chat channel.
    public var isChat: Bool { Self.chatKinds.contains(self) }
}
