import Foundation

/// What Alertmanager and Grafana group notifications have in common, and how both become one ``IncomingAlert``.
struct AlertGroup: Sendable {
    var status: IncomingAlert.Status
    var receiver: String?
    var groupLabels: [String: String]
    var commonLabels: [String: String]
    var commonAnnotations: [String: String]
    var alerts: [GroupedAlert]

    /// The title: the common `summary` annotation; else the common (or group) `alertname` with the other group
    /// labels; else `fallback`; else the first alert's name; else the receiver.
    func title(fallback: String?) -> String {
        if let summary = Alerting.nonEmpty(commonAnnotations["summary"]) { return summary }
        if let name = Alerting.nonEmpty(commonLabels["alertname"] ?? groupLabels["alertname"]) {
            let others = groupLabels.filter { $0.key != "alertname" }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            return others.isEmpty ? name : "\(name) (\(others.joined(separator: ", ")))"
        }
        if let fallback = Alerting.nonEmpty(fallback) { return fallback }
        if let name = alerts.lazy.compactMap({ Alerting.nonEmpty($0.name) }).first { return name }
        return "Alert for \(receiver ?? "unknown receiver")"
    }

    /// The summary: the common `description` annotation, else the alerts' distinct descriptions one per line.
    var summary: String? {
        if let description = Alerting.nonEmpty(commonAnnotations["description"]) { return description }
        var seen: Set<String> = []
        let descriptions = alerts.compactMap { Alerting.nonEmpty($0.annotations["description"]) }.filter { seen.insert($0).inserted }
        return descriptions.isEmpty ? nil : descriptions.joined(separator: "\n")
    }

    /// Generator, panel and dashboard URLs, then label values that are ARNs (common labels first).
    var resources: [String] {
        var resources: [String] = []
        for alert in alerts {
            resources += [alert.generatorURL, alert.panelURL, alert.dashboardURL].compactMap { $0 }
        }
        resources += Self.arns(in: commonLabels)
        for alert in alerts { resources += Self.arns(in: alert.labels) }
        return resources
    }

    /// The common `severity` label's impact, else the most severe alert's.
    var impactHint: Int? {
        if let severity = commonLabels["severity"] ?? commonLabels["Severity"] { return IncomingAlert.impactHint(severity: severity) }
        return alerts.compactMap { ($0.labels["severity"] ?? $0.labels["Severity"]).flatMap(IncomingAlert.impactHint(severity:)) }.min()
    }

    /// For a firing group the earliest start, for a resolved one the latest end.
    var timestamp: Date? {
        switch status {
        case .firing: alerts.compactMap(\.startsAt).min()
        case .resolved: alerts.compactMap(\.endsAt).max() ?? alerts.compactMap(\.startsAt).max()
        }
    }

    /// A line counting the alerts and naming each by the labels that set it apart.
    func detailsSummary(truncatedAlerts: Int) -> String {
        let firing = alerts.filter { $0.status == .firing }.count
        var text = "\(alerts.count) alert\(alerts.count == 1 ? "" : "s") (\(firing) firing, \(alerts.count - firing) resolved)"
        if truncatedAlerts > 0 { text += ", \(truncatedAlerts) more not sent" }
        if let receiver { text += " for receiver \(receiver)" }
        let names = alerts.map { alert -> String in
            let distinct = alert.labels.filter { commonLabels[$0.key] != $0.value }.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            let name = alert.name ?? "alert"
            return distinct.isEmpty
                ? "\(name) [\(alert.status.rawValue)]" : "\(name) {\(distinct.joined(separator: ", "))} [\(alert.status.rawValue)]"
        }
        if !names.isEmpty { text += ": " + names.joined(separator: "; ") }
        return text
    }

    private static func arns(in labels: [String: String]) -> [String] {
        labels.sorted { $0.key < $1.key }.map(\.value).filter(IncomingAlert.looksLikeArn)
    }
}
