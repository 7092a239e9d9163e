import Foundation
import HikeshiCore

/// What the two CloudWatch alarm shapes (EventBridge's `CloudWatch Alarm State Change` and the JSON message that
/// an alarm publishes to SNS) have in common, and how both become an ``IncomingAlert`` the same way: the alarm ARN as
/// trigger and dedupe key, `ALARM`/`INSUFFICIENT_DATA` firing and `OK` resolved.
struct CloudWatchAlarmContext: Sendable {
    /// One metric the alarm watches.
    struct Metric: Sendable {
        /// The metric namespace, e.g. `AWS/EC2`.
        var namespace: String?
        /// The metric name, e.g. `CPUUtilization`.
        var name: String?
        /// The dimensions, in the order given.
        var dimensions: [(name: String, value: String)]
    }

    var alarmName: String
    var alarmArn: String?
    var description: String?
    var state: String
    var reason: String?
    var region: String?
    var account: String?
    var metrics: [Metric]
    var tags: [String: String]

    /// The alarm's status: `OK` resolves; `ALARM` and `INSUFFICIENT_DATA` fire (missing data is treated as a problem:
    /// the alarm's own `TreatMissingData` setting decides whether missing data ever reaches this state).
    func status(path: String) throws(AlertingError) -> IncomingAlert.Status {
        switch state.uppercased() {
        case "ALARM", "INSUFFICIENT_DATA": .firing
        case "OK": .resolved
        default: throw .invalidField(path, reason: "'\(state)' is not ALARM, OK or INSUFFICIENT_DATA.")
        }
    }

    /// The partition: the alarm ARN's, else the region's.
    var partition: String {
        if let alarmArn, let arn = ARN(alarmArn) { return arn.partition }
        return AWSRegions.partition(forRegion: region ?? "")
    }

    /// The alarm ARN given, else one built from region, account and name when all are known.
    var effectiveAlarmArn: String? {
        if let alarmArn { return alarmArn }
        guard let region, let account, !region.isEmpty, !account.isEmpty else { return nil }
        return "arn:\(partition):cloudwatch:\(region):\(account):alarm:\(alarmName)"
    }

    /// The dedupe key: the alarm ARN, so that the same alarm through EventBridge and SNS joins one incident.
    var dedupeKey: String {
        effectiveAlarmArn ?? "cloudwatch:\(account ?? "unknown"):\(region ?? "unknown"):\(alarmName)"
    }

    /// The alarm ARN, then ARNs of the resources named by the metrics' dimensions.
    var resources: [String] {
        var resources: [String] = []
        if let arn = effectiveAlarmArn { resources.append(arn) }
        for metric in metrics {
            resources += AWSRegions.resourceArns(
                namespace: metric.namespace, dimensions: metric.dimensions, partition: partition, region: region, account: account)
        }
        return resources
    }

    /// The impact from an alarm tag named `severity`, `Severity`, `impact` or `Impact` (EventBridge carries tags when
    /// tag propagation is on).
    var impactHint: Int? {
        for key in ["severity", "Severity", "SEVERITY", "impact", "Impact", "IMPACT"] {
            if let value = tags[key], let impact = IncomingAlert.impactHint(severity: value) { return impact }
        }
        return nil
    }

    /// A line naming the metrics and the state change reason.
    var detailsSummary: String? {
        var parts: [String] = []
        let described = metrics.compactMap { metric -> String? in
            guard let name = metric.name else { return nil }
            var text = name
            if let namespace = metric.namespace { text += " (\(namespace))" }
            if !metric.dimensions.isEmpty {
                text += " " + metric.dimensions.map { "\($0.name)=\($0.value)" }.joined(separator: ", ")
            }
            return text
        }
        if !described.isEmpty { parts.append("Metric: " + described.joined(separator: "; ")) }
        parts.append("State: \(state)")
        if let reason { parts.append("Reason: \(reason)") }
        return parts.joined(separator: ". ")
    }
}

extension CloudWatchAlarmContext {
    /// The alert this alarm state change raises.
    ///
    /// - Parameters:
    ///   - timestamp: When the state changed.
    ///   - rawData: The payload as text.
    ///   - statePath: The path of the state field, for errors.
    func incomingAlert(timestamp: Date?, rawData: String, statePath: String) throws(AlertingError) -> IncomingAlert {
        IncomingAlert(
            source: "aws.cloudwatch",
            triggerArn: effectiveAlarmArn,
            title: alarmName,
            summary: description,
            dedupeKey: dedupeKey,
            status: try status(path: statePath),
            resources: resources,
            timestamp: timestamp,
            impactHint: impactHint,
            rawData: rawData,
            detailsSummary: detailsSummary
        ).bounded(dedupePrefix: "cloudwatch:")
    }
}
