import Foundation

/// A Prometheus Alertmanager webhook notification (payload version 4): one group of alerts, which becomes one
/// ``IncomingAlert`` deduplicated by `alertmanager:<groupKey>`.
public struct AlertmanagerWebhook: Sendable, Hashable {
    /// `version`: always `4`.
    public var version: String
    /// `groupKey`: what identifies the group across notifications.
    public var groupKey: String
    /// `truncatedAlerts`: how many alerts the group had beyond those sent (the receiver's `max_alerts`).
    public var truncatedAlerts: Int
    /// `status`: `firing` while any alert of the group fires, else `resolved`.
    public var status: IncomingAlert.Status
    /// `receiver`: the receiver's name in the Alertmanager configuration.
    public var receiver: String
    /// `groupLabels`: the labels the group is formed by.
    public var groupLabels: [String: String]
    /// `commonLabels`: the labels all alerts share.
    public var commonLabels: [String: String]
    /// `commonAnnotations`: the annotations all alerts share.
    public var commonAnnotations: [String: String]
    /// `externalURL`: the Alertmanager's own URL.
    public var externalURL: String?
    /// `alerts`: the alerts of the group.
    public var alerts: [GroupedAlert]
    /// The group as one alert: titled by the common `summary` annotation or `alertname` (with the group labels),
    /// summarized by `description`, with generator URLs and ARN-valued labels as resources and the `severity`
    /// label as impact hint.
    public var incomingAlert: IncomingAlert

    /// The source recorded on alerts from Alertmanager.
    public static let source = "prometheus.alertmanager"

    /// Reads a webhook body.
    ///
    /// - Parameter body: The request body.
    /// - Returns: The notification.
    /// - Throws: ``AlertingError`` when it is not a version 4 Alertmanager notification.
    public static func parse(_ body: some Collection<UInt8>) throws(AlertingError) -> AlertmanagerWebhook {
        let payload = JSONValue.object(try JSONValue.parseObject(body))
        let rawData = String(decoding: Array(body), as: UTF8.self)
        let version = payload["version"]?.scalarText ?? ""
        guard !version.isEmpty else { throw .missingField("version") }
        guard version == "4" else { throw .unsupportedVersion(version) }
        guard let groupKey = payload["groupKey"]?.nonEmptyString else { throw .missingField("groupKey") }
        guard let statusText = payload["status"]?.nonEmptyString else { throw .missingField("status") }
        guard let status = IncomingAlert.Status(rawValue: statusText.lowercased()) else {
            throw .invalidField("status", reason: "'\(statusText)' is not firing or resolved.")
        }
        let group = AlertGroup(
            status: status,
            receiver: payload["receiver"]?.nonEmptyString,
            groupLabels: payload["groupLabels"]?.stringMap ?? [:],
            commonLabels: payload["commonLabels"]?.stringMap ?? [:],
            commonAnnotations: payload["commonAnnotations"]?.stringMap ?? [:],
            alerts: try GroupedAlert.list(payload["alerts"], groupStatus: status)
        )
        let truncated = payload["truncatedAlerts"]?.intValue ?? 0
        let alert = IncomingAlert(
            source: source,
            title: group.title(fallback: nil),
            summary: group.summary,
            dedupeKey: "alertmanager:" + groupKey,
            status: status,
            resources: group.resources,
            timestamp: group.timestamp,
            impactHint: group.impactHint,
            rawData: rawData,
            detailsSummary: group.detailsSummary(truncatedAlerts: truncated)
        ).bounded(dedupePrefix: "alertmanager:")
        return AlertmanagerWebhook(
            version: version,
            groupKey: groupKey,
            truncatedAlerts: truncated,
            status: status,
            receiver: group.receiver ?? "",
            groupLabels: group.groupLabels,
            commonLabels: group.commonLabels,
            commonAnnotations: group.commonAnnotations,
            externalURL: payload["externalURL"]?.nonEmptyString,
            alerts: group.alerts,
            incomingAlert: alert
        )
    }
}
