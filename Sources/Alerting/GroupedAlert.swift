import Foundation

/// One alert of a grouped notification (a Prometheus Alertmanager or Grafana webhook), for the caller to list in
/// the incident's timeline.
public struct GroupedAlert: Sendable, Hashable {
    /// Whether this alert is firing or resolved (a group can hold both).
    public var status: IncomingAlert.Status
    /// The alert's labels (`alertname`, `severity`, `instance`, …).
    public var labels: [String: String]
    /// The alert's annotations (`summary`, `description`, `runbook_url`, …).
    public var annotations: [String: String]
    /// When the alert began firing.
    public var startsAt: Date?
    /// When the alert ended; `nil` while it fires (Go's zero time and absent both read as `nil`).
    public var endsAt: Date?
    /// The link to what generated the alert (a Prometheus graph, a Grafana rule).
    public var generatorURL: String?
    /// The alert's fingerprint: a hash of its labels.
    public var fingerprint: String?
    /// Grafana: the link that silences the alert.
    public var silenceURL: String?
    /// Grafana: the dashboard the rule belongs to.
    public var dashboardURL: String?
    /// Grafana: the panel the rule belongs to.
    public var panelURL: String?
    /// Grafana: the values of the rule's queries and expressions, by reference id (`B`, `C`).
    public var values: [String: Double]
    /// Grafana: the values as one line of text.
    public var valueString: String?

    /// Creates an alert.
    ///
    /// - Parameters:
    ///   - status: Firing or resolved.
    ///   - labels: The labels.
    ///   - annotations: The annotations.
    ///   - startsAt: When it began.
    ///   - endsAt: When it ended.
    ///   - generatorURL: The generator link.
    ///   - fingerprint: The fingerprint.
    ///   - silenceURL: Grafana's silence link.
    ///   - dashboardURL: Grafana's dashboard link.
    ///   - panelURL: Grafana's panel link.
    ///   - values: Grafana's values.
    ///   - valueString: Grafana's value text.
    public init(
        status: IncomingAlert.Status,
        labels: [String: String] = [:],
        annotations: [String: String] = [:],
        startsAt: Date? = nil,
        endsAt: Date? = nil,
        generatorURL: String? = nil,
        fingerprint: String? = nil,
        silenceURL: String? = nil,
        dashboardURL: String? = nil,
        panelURL: String? = nil,
        values: [String: Double] = [:],
        valueString: String? = nil
    ) {
        self.status = status
        self.labels = labels
        self.annotations = annotations
        self.startsAt = startsAt
        self.endsAt = endsAt
        self.generatorURL = generatorURL
        self.fingerprint = fingerprint
        self.silenceURL = silenceURL
        self.dashboardURL = dashboardURL
        self.panelURL = panelURL
        self.values = values
        self.valueString = valueString
    }

    /// The `alertname` label.
    public var name: String? {
        labels["alertname"]
    }

    /// Reads a webhook's `alerts` array.
    ///
    /// - Parameters:
    ///   - value: The array.
    ///   - groupStatus: The status of alerts that do not say theirs.
    static func list(_ value: JSONValue?, groupStatus: IncomingAlert.Status) throws(AlertingError) -> [GroupedAlert] {
        guard let value, value != .null else { return [] }
        guard let elements = value.arrayValue else { throw .invalidField("alerts", reason: "not an array.") }
        var alerts: [GroupedAlert] = []
        alerts.reserveCapacity(elements.count)
        for (index, element) in elements.enumerated() {
            guard element.objectValue != nil else { throw .invalidField("alerts[\(index)]", reason: "not an object.") }
            var status = groupStatus
            if let text = element["status"]?.nonEmptyString {
                guard let parsed = IncomingAlert.Status(rawValue: text.lowercased()) else {
                    throw .invalidField("alerts[\(index)].status", reason: "'\(text)' is not firing or resolved.")
                }
                status = parsed
            }
            var values: [String: Double] = [:]
            for (key, number) in element["values"]?.objectValue ?? [:] {
                if let number = number.numberValue { values[key] = number }
            }
            alerts.append(
                GroupedAlert(
                    status: status,
                    labels: element["labels"]?.stringMap ?? [:],
                    annotations: element["annotations"]?.stringMap ?? [:],
                    startsAt: Self.date(element["startsAt"]),
                    endsAt: Self.date(element["endsAt"]),
                    generatorURL: element["generatorURL"]?.nonEmptyString,
                    fingerprint: element["fingerprint"]?.nonEmptyString,
                    silenceURL: element["silenceURL"]?.nonEmptyString,
                    dashboardURL: element["dashboardURL"]?.nonEmptyString,
                    panelURL: element["panelURL"]?.nonEmptyString,
                    values: values,
                    valueString: element["valueString"]?.nonEmptyString
                ))
        }
        return alerts
    }

    private static func date(_ value: JSONValue?) -> Date? {
        guard let text = value?.stringValue, let date = ISO8601Timestamp.date(from: text), !ISO8601Timestamp.isZeroTime(date) else {
            return nil
        }
        return date
    }
}
