import Foundation

/// An Amazon EventBridge event (`version`, `id`, `detail-type`, `source`, `account`, `time`, `region`, `resources`,
/// `detail`), as an EventBridge API destination or an SNS/HTTP target delivers it.
///
/// A CloudWatch `CloudWatch Alarm State Change` event becomes an alert from the alarm: its name as title, its ARN as
/// trigger and dedupe key (the same key an SNS alarm notification gets), `ALARM` and `INSUFFICIENT_DATA` firing,
/// `OK` resolved. Any other event becomes a firing alert titled by `detail.title` or its `detail-type`.
public enum EventBridgeEvent {
    /// The `detail-type` of CloudWatch alarm state changes.
    public static let cloudWatchAlarmStateChange = "CloudWatch Alarm State Change"

    /// Reads an EventBridge event.
    ///
    /// - Parameter body: The event's JSON.
    /// - Returns: The alert it raises.
    /// - Throws: ``AlertingError`` when the body is not an EventBridge event or lacks what the alert needs.
    public static func parse(_ body: some Collection<UInt8>) throws(AlertingError) -> IncomingAlert {
        let event = JSONValue.object(try JSONValue.parseObject(body))
        let rawData = String(decoding: Array(body), as: UTF8.self)
        guard let source = event["source"]?.nonEmptyString else { throw .missingField("source") }
        guard let detailType = event["detail-type"]?.nonEmptyString else { throw .missingField("detail-type") }
        var resources: [String] = []
        if let list = event["resources"] {
            guard let elements = list.arrayValue else { throw .invalidField("resources", reason: "not an array.") }
            resources = elements.compactMap(\.nonEmptyString)
        }
        let detail = event["detail"] ?? .object([:])
        guard detail.objectValue != nil else { throw .invalidField("detail", reason: "not an object.") }
        let time = event["time"]?.stringValue.flatMap(ISO8601Timestamp.date(from:))
        if source == "aws.cloudwatch" && detailType == cloudWatchAlarmStateChange {
            return try cloudWatchAlarm(event: event, detail: detail, resources: resources, time: time, rawData: rawData)
        }
        let identity = resources.isEmpty ? (event["id"]?.nonEmptyString ?? Alerting.sha256Hex(rawData)) : resources.sorted().joined(separator: ",")
        let severity = detail["severity"]?.stringValue ?? detail["Severity"]?.stringValue
        return IncomingAlert(
            source: source,
            triggerArn: nil,
            title: detail["title"]?.nonEmptyString ?? detail["Title"]?.nonEmptyString ?? detailType,
            summary: detail["description"]?.nonEmptyString ?? detail["Description"]?.nonEmptyString,
            dedupeKey: "eventbridge:\(source):\(detailType):\(identity)",
            status: .firing,
            resources: resources,
            timestamp: time,
            impactHint: severity.flatMap(IncomingAlert.impactHint(severity:)),
            rawData: rawData,
            detailsSummary: "\(detailType) from \(source)" + (event["region"]?.nonEmptyString.map { " in \($0)" } ?? "")
        ).bounded(dedupePrefix: "eventbridge:")
    }

    private static func cloudWatchAlarm(
        event: JSONValue, detail: JSONValue, resources: [String], time: Date?, rawData: String
    ) throws(AlertingError) -> IncomingAlert {
        guard let alarmName = detail["alarmName"]?.nonEmptyString else { throw .missingField("detail.alarmName") }
        guard let state = detail["state"]?["value"]?.nonEmptyString else { throw .missingField("detail.state.value") }
        let configuration = detail["configuration"]
        var metrics: [CloudWatchAlarmContext.Metric] = []
        for entry in configuration?["metrics"]?.arrayValue ?? [] {
            guard let metric = entry["metricStat"]?["metric"] else { continue }
            let dimensions = metric["dimensions"]?.stringMap.sorted { $0.key < $1.key }.map { (name: $0.key, value: $0.value) } ?? []
            metrics.append(.init(namespace: metric["namespace"]?.nonEmptyString, name: metric["name"]?.nonEmptyString, dimensions: dimensions))
        }
        let alarmArn = resources.first { $0.contains(":cloudwatch:") && $0.contains(":alarm:") }
        let context = CloudWatchAlarmContext(
            alarmName: alarmName,
            alarmArn: alarmArn,
            description: configuration?["description"]?.nonEmptyString,
            state: state,
            reason: detail["state"]?["reason"]?.nonEmptyString,
            region: event["region"]?.nonEmptyString,
            account: event["account"]?.nonEmptyString,
            metrics: metrics,
            tags: detail["alarmTags"]?.stringMap ?? [:]
        )
        let stateTime = detail["state"]?["timestamp"]?.stringValue.flatMap(ISO8601Timestamp.date(from:))
        var alert = try context.incomingAlert(timestamp: stateTime ?? time, rawData: rawData, statePath: "detail.state.value")
        var seen: Set<String> = []
        alert.resources = (resources + alert.resources).filter { seen.insert($0).inserted }
        return alert
    }
}
