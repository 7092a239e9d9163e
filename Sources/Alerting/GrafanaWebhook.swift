import Foundation
import HikeshiCore

/// A Grafana alerting webhook notification: unified alerting (Grafana 8 and later: Alertmanager's shape plus
/// `orgId`, `title`, `state`, `message` and per-alert `values`, `silenceURL`, `dashboardURL`, `panelURL`), or legacy
/// dashboard alerting (`ruleId`, `ruleName`, `ruleUrl`, `state`, `evalMatches`). Either becomes one
/// ``IncomingAlert``: deduplicated by `grafana:<groupKey>` (unified) or `grafana:rule:<ruleId>` (legacy).
public struct GrafanaWebhook: Sendable, Hashable {
    /// A legacy alert's matched series.
    public struct EvalMatch: Sendable, Hashable {
        /// The series name.
        public var metric: String
        /// The value that matched.
        public var value: Double?
        /// The series' tags.
        public var tags: [String: String]

        /// Creates a match.
        ///
        /// - Parameters:
        ///   - metric: The series name.
        ///   - value: The value.
        ///   - tags: The tags.
        public init(metric: String, value: Double?, tags: [String: String] = [:]) {
            self.metric = metric
            self.value = value
            self.tags = tags
        }
    }

    /// Whether the body was a legacy (dashboard alerting) notification.
    public var isLegacy: Bool
    /// `groupKey` (unified alerting).
    public var groupKey: String?
    /// `status`, or for legacy notifications the status `state` maps to.
    public var status: IncomingAlert.Status
    /// `state`: `alerting`, `ok`, `no_data`, `paused`, `pending`….
    public var state: String?
    /// `orgId`.
    public var orgId: Int?
    /// `title`, e.g. `[FIRING:1] High memory usage (blue)`.
    public var title: String?
    /// `message`: the rendered notification text.
    public var message: String?
    /// `receiver` (unified alerting).
    public var receiver: String?
    /// `groupLabels` (unified alerting).
    public var groupLabels: [String: String]
    /// `commonLabels` (unified alerting).
    public var commonLabels: [String: String]
    /// `commonAnnotations` (unified alerting).
    public var commonAnnotations: [String: String]
    /// `externalURL` (unified alerting): Grafana's own URL.
    public var externalURL: String?
    /// `truncatedAlerts` (unified alerting).
    public var truncatedAlerts: Int
    /// `alerts` (unified alerting).
    public var alerts: [GroupedAlert]
    /// `ruleId` (legacy).
    public var ruleId: Int?
    /// `ruleName` (legacy).
    public var ruleName: String?
    /// `ruleUrl` (legacy).
    public var ruleURL: String?
    /// `evalMatches` (legacy).
    public var evalMatches: [EvalMatch]
    /// The notification as one alert.
    public var incomingAlert: IncomingAlert

    /// The source recorded on alerts from Grafana.
    public static let source = "grafana"

    /// Reads a webhook body, unified or legacy.
    ///
    /// - Parameter body: The request body.
    /// - Returns: The notification.
    /// - Throws: ``AlertingError`` when it is neither shape of Grafana notification.
    public static func parse(_ body: some Collection<UInt8>) throws(AlertingError) -> GrafanaWebhook {
        let payload = JSONValue.object(try JSONValue.parseObject(body))
        let rawData = String(decoding: Array(body), as: UTF8.self)
        if payload["alerts"] != nil || payload["groupKey"] != nil {
            return try unified(payload, rawData: rawData)
        }
        if payload["ruleId"] != nil || payload["ruleName"] != nil || payload["evalMatches"] != nil {
            return try legacy(payload, rawData: rawData)
        }
        throw .missingField("alerts")
    }

    private static func unified(_ payload: JSONValue, rawData: String) throws(AlertingError) -> GrafanaWebhook {
        guard let groupKey = payload["groupKey"]?.nonEmptyString else { throw .missingField("groupKey") }
        let state = payload["state"]?.nonEmptyString
        let status: IncomingAlert.Status
        if let text = payload["status"]?.nonEmptyString {
            guard let parsed = IncomingAlert.Status(rawValue: text.lowercased()) else {
                throw .invalidField("status", reason: "'\(text)' is not firing or resolved.")
            }
            status = parsed
        } else if let state {
            status = Self.status(state: state)
        } else {
            throw .missingField("status")
        }
        let group = AlertGroup(
            status: status,
            receiver: payload["receiver"]?.nonEmptyString,
            groupLabels: payload["groupLabels"]?.stringMap ?? [:],
            commonLabels: payload["commonLabels"]?.stringMap ?? [:],
            commonAnnotations: payload["commonAnnotations"]?.stringMap ?? [:],
            alerts: try GroupedAlert.list(payload["alerts"], groupStatus: status)
        )
        let title = payload["title"]?.nonEmptyString
        let message = payload["message"]?.nonEmptyString
        let truncated = payload["truncatedAlerts"]?.intValue ?? 0
        let alert = IncomingAlert(
            source: source,
            title: group.title(fallback: title.map(Self.strippingStatePrefix)),
            summary: group.summary ?? message,
            dedupeKey: "grafana:" + groupKey,
            status: status,
            resources: group.resources,
            timestamp: group.timestamp,
            impactHint: group.impactHint,
            rawData: rawData,
            detailsSummary: group.detailsSummary(truncatedAlerts: truncated)
        ).bounded(dedupePrefix: "grafana:")
        return GrafanaWebhook(
            isLegacy: false,
            groupKey: groupKey,
            status: status,
            state: state,
            orgId: payload["orgId"]?.intValue,
            title: title,
            message: message,
            receiver: group.receiver,
            groupLabels: group.groupLabels,
            commonLabels: group.commonLabels,
            commonAnnotations: group.commonAnnotations,
            externalURL: payload["externalURL"]?.nonEmptyString,
            truncatedAlerts: truncated,
            alerts: group.alerts,
            ruleId: nil,
            ruleName: nil,
            ruleURL: nil,
            evalMatches: [],
            incomingAlert: alert
        )
    }

    private static func legacy(_ payload: JSONValue, rawData: String) throws(AlertingError) -> GrafanaWebhook {
        guard let state = payload["state"]?.nonEmptyString else { throw .missingField("state") }
        let ruleId = payload["ruleId"]?.intValue
        let ruleName = payload["ruleName"]?.nonEmptyString
        let title = payload["title"]?.nonEmptyString
        guard let identity = ruleId.map(String.init) ?? ruleName else { throw .missingField("ruleId") }
        let status = Self.status(state: state)
        var matches: [EvalMatch] = []
        for entry in payload["evalMatches"]?.arrayValue ?? [] {
            guard let metric = entry["metric"]?.scalarText else { continue }
            matches.append(EvalMatch(metric: metric, value: entry["value"]?.numberValue, tags: entry["tags"]?.stringMap ?? [:]))
        }
        let tags = payload["tags"]?.stringMap ?? [:]
        let ruleURL = payload["ruleUrl"]?.nonEmptyString
        let message = payload["message"]?.nonEmptyString
        var details = "Rule \(ruleName ?? identity) is \(state)"
        if !matches.isEmpty {
            details += ": " + matches.map { "\($0.metric)=\($0.value.map { String($0) } ?? "null")" }.joined(separator: ", ")
        }
        let alert = IncomingAlert(
            source: source,
            title: ruleName ?? title.map(Self.strippingStatePrefix) ?? "Grafana rule \(identity)",
            summary: message,
            dedupeKey: "grafana:rule:" + identity,
            status: status,
            resources: [ruleURL].compactMap { $0 },
            timestamp: nil,
            impactHint: (tags["severity"] ?? tags["Severity"]).flatMap(IncomingAlert.impactHint(severity:)),
            rawData: rawData,
            detailsSummary: details
        ).bounded(dedupePrefix: "grafana:rule:")
        return GrafanaWebhook(
            isLegacy: true,
            groupKey: nil,
            status: status,
            state: state,
            orgId: payload["orgId"]?.intValue,
            title: title,
            message: message,
            receiver: nil,
            groupLabels: [:],
            commonLabels: tags,
            commonAnnotations: [:],
            externalURL: nil,
            truncatedAlerts: 0,
            alerts: [],
            ruleId: ruleId,
            ruleName: ruleName,
            ruleURL: ruleURL,
            evalMatches: matches,
            incomingAlert: alert
        )
    }

    /// `ok` (and `normal`) resolve; every other state (`alerting`, `no_data`, `error`, `pending`, `paused`) fires.
    private static func status(state: String) -> IncomingAlert.Status {
        switch state.lowercased() {
        case "ok", "normal", "resolved": .resolved
        default: .firing
        }
    }

    /// A title without Grafana's leading state tag: `[FIRING:2] CPU high` → `CPU high`, `[Alerting] CPU` → `CPU`.
    static func strippingStatePrefix(_ title: String) -> String {
        let trimmed = title.trimmingWhitespace()
        guard trimmed.hasPrefix("["), let close = trimmed.firstIndex(of: "]") else { return trimmed }
        let rest = String(trimmed[trimmed.index(after: close)...]).trimmingWhitespace()
        return rest.isEmpty ? trimmed : rest
    }
}
