import HikeshiCore

extension SNSMessage {
    /// Reads a `Notification` whose `Message` is the JSON a CloudWatch alarm publishes (`AlarmName`,
    /// `AlarmDescription`, `AWSAccountId`, `NewStateValue`, `NewStateReason`, `StateChangeTime`, `Region`,
    /// `AlarmArn`, `Trigger`).
    ///
    /// The alert has the alarm ARN as trigger and dedupe key (the key an EventBridge alarm event gets too; an
    /// older message without `AlarmArn` has one built from region, account and name), `ALARM` and
    /// `INSUFFICIENT_DATA` firing, `OK` resolved, the alarm ARN and the ARNs of the resources the dimensions name
    /// (an EC2 instance for `InstanceId`, …) as resources, and the alarm's JSON as raw data.
    ///
    /// - Returns: The alert.
    /// - Throws: ``AlertingError/unsupportedMessageType(_:)`` for confirmations, or another ``AlertingError`` when the
    ///   message is not a CloudWatch alarm notification.
    public func cloudWatchAlarm() throws(AlertingError) -> IncomingAlert {
        guard kind == .notification else { throw .unsupportedMessageType(kind.rawValue) }
        let alarm: JSONValue
        do {
            alarm = try JSONValue.parse(Array(message.utf8))
        } catch {
            throw .malformedPayload("the SNS message is not a CloudWatch alarm's JSON.")
        }
        guard alarm.objectValue != nil else { throw .malformedPayload("the SNS message is not a CloudWatch alarm's JSON.") }
        guard let alarmName = alarm["AlarmName"]?.nonEmptyString else { throw .missingField("Message.AlarmName") }
        guard let state = alarm["NewStateValue"]?.nonEmptyString else { throw .missingField("Message.NewStateValue") }
        let alarmArn = alarm["AlarmArn"]?.nonEmptyString.flatMap { ARN($0) == nil ? nil : $0 }
        let arnRegion = alarmArn.flatMap { ARN($0)?.region }.flatMap { $0.isEmpty ? nil : $0 }
        let region = alarm["Region"]?.nonEmptyString.flatMap(AWSRegions.code(forDisplayName:)) ?? arnRegion
        let account = alarm["AWSAccountId"]?.nonEmptyString ?? alarmArn.flatMap { ARN($0)?.account }
        let context = CloudWatchAlarmContext(
            alarmName: alarmName,
            alarmArn: alarmArn,
            description: alarm["AlarmDescription"]?.nonEmptyString,
            state: state,
            reason: alarm["NewStateReason"]?.nonEmptyString,
            region: region,
            account: account,
            metrics: Self.metrics(trigger: alarm["Trigger"]),
            tags: [:]
        )
        let timestamp = alarm["StateChangeTime"]?.stringValue.flatMap(ISO8601Timestamp.date(from:)) ?? date
        return try context.incomingAlert(timestamp: timestamp, rawData: message, statePath: "Message.NewStateValue")
    }

    /// The metrics of an alarm's `Trigger`: the single metric (`MetricName`, `Namespace`, `Dimensions`) or, for
    /// metric math alarms, each of `Metrics[].MetricStat.Metric`.
    private static func metrics(trigger: JSONValue?) -> [CloudWatchAlarmContext.Metric] {
        guard let trigger else { return [] }
        var metrics: [CloudWatchAlarmContext.Metric] = []
        if trigger["MetricName"]?.nonEmptyString != nil || trigger["Dimensions"] != nil {
            metrics.append(
                .init(
                    namespace: trigger["Namespace"]?.nonEmptyString,
                    name: trigger["MetricName"]?.nonEmptyString,
                    dimensions: dimensions(trigger["Dimensions"])
                ))
        }
        for entry in trigger["Metrics"]?.arrayValue ?? [] {
            guard let metric = entry["MetricStat"]?["Metric"] else { continue }
            metrics.append(
                .init(
                    namespace: metric["Namespace"]?.nonEmptyString,
                    name: metric["MetricName"]?.nonEmptyString,
                    dimensions: dimensions(metric["Dimensions"])
                ))
        }
        return metrics
    }

    /// Dimensions written as `[{"name": …, "value": …}]` (either case of the keys).
    private static func dimensions(_ value: JSONValue?) -> [(name: String, value: String)] {
        (value?.arrayValue ?? []).compactMap { entry in
            guard let name = (entry["name"] ?? entry["Name"])?.nonEmptyString,
                let value = (entry["value"] ?? entry["Value"])?.scalarText
            else { return nil }
            return (name: name, value: value)
        }
    }
}
