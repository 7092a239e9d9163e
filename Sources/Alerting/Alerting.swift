/// Alert intake and chat: parsing monitoring payloads into ``IncomingAlert`` values, verifying SNS and Slack
/// signatures, and rendering chat messages. No I/O: the App module receives and sends.
///
/// The parsers (``EventBridgeEvent``, ``SNSMessage``, ``AlertmanagerWebhook``, ``GrafanaWebhook``,
/// ``GenericWebhook``) all throw ``AlertingError`` for malformed input, read bodies of at most
/// ``maximumPayloadBytes`` bytes and ignore fields they do not know.
public enum Alerting {
    /// The largest body, in bytes, that any parser in this module reads: 4 MiB. SNS and EventBridge cap their
    /// messages at 256 KiB; Alertmanager and Grafana groups can be larger when they carry many alerts.
    public static let maximumPayloadBytes = 4 * 1024 * 1024

    /// The most Unicode scalars an incident title may have (ssm-incidents `StartIncident.title`).
    public static let maximumTitleLength = 200

    /// The most Unicode scalars an incident summary may have (ssm-incidents `IncidentRecord.summary`).
    public static let maximumSummaryLength = 8000

    /// The most UTF-8 bytes kept of a trigger's original payload (ssm-incidents `TriggerDetails.rawData` allows
    /// 10,000 characters; 10,000 bytes are never more characters than that).
    public static let maximumRawDataBytes = 10_000

    /// The most Unicode scalars a dedupe key may have (ssm-incidents `IncidentRecord.dedupeString`).
    public static let maximumDedupeKeyLength = 1000

    /// The most Unicode scalars a trigger source may have (ssm-incidents `TriggerDetails.source`).
    public static let maximumSourceLength = 50
}
