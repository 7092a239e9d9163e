/// Kind-specific settings of an integration or chat channel, stored as JSON.
public struct IntegrationSettings: Codable, Sendable, Equatable {
    /// Alerts: resolve the incident when the source says the problem is over.
    public var autoResolve: Bool?
    /// Chat: the incoming-webhook URL messages are posted to (a secret; never logged). Stored sealed; see
    /// ``IntegrationRegistry/settings(of:)``.
    public var webhookURL: String?
    /// Slack: the app's signing secret, to check slash-command and interactive requests. Stored sealed.
    public var signingSecret: String?

    /// Creates settings.
    public init(autoResolve: Bool? = nil, webhookURL: String? = nil, signingSecret: String? = nil) {
        self.autoResolve = autoResolve
        self.webhookURL = webhookURL
        self.signingSecret = signingSecret
    }
}
