import Foundation

/// The generic alert webhook, for any sender that can post JSON:
///
/// ```json
/// {"title": "Checkout is down", "summary": "…", "dedupeKey": "checkout-down", "status": "firing",
///  "impact": 2, "resources": ["arn:aws:…", "https://…"], "source": "uptime-robot", "timestamp": "2024-05-01T10:00:00Z"}
/// ```
///
/// Only `title` is required. `status` is `firing` (default) or `resolved`; `impact` an integer 1…5; `source`
/// defaults to `generic`; `dedupeKey` defaults to `generic:` and the first 32 hex digits of the title's SHA-256.
public enum GenericWebhook {
    /// The source recorded when the body names none.
    public static let defaultSource = "generic"

    /// Reads a generic webhook body.
    ///
    /// - Parameter body: The request body.
    /// - Returns: The alert.
    /// - Throws: ``AlertingError`` when the body is not a JSON object, has no `title`, or a field has the wrong type
    ///   or value.
    public static func parse(_ body: some Collection<UInt8>) throws(AlertingError) -> IncomingAlert {
        let payload = JSONValue.object(try JSONValue.parseObject(body))
        func string(_ key: String) throws(AlertingError) -> String? {
            guard let value = payload[key], value != .null else { return nil }
            guard let text = value.stringValue else { throw .invalidField(key, reason: "not a string.") }
            return Alerting.nonEmpty(text)
        }
        guard let title = try string("title") else { throw .missingField("title") }
        var status = IncomingAlert.Status.firing
        if let text = try string("status") {
            guard let parsed = IncomingAlert.Status(rawValue: text.lowercased()) else {
                throw .invalidField("status", reason: "'\(text)' is not firing or resolved.")
            }
            status = parsed
        }
        var impact: Int?
        if let value = payload["impact"], value != .null {
            guard let number = value.intValue ?? value.stringValue.flatMap({ Int($0) }), (1...5).contains(number) else {
                throw .invalidField("impact", reason: "not an integer from 1 to 5.")
            }
            impact = number
        }
        var resources: [String] = []
        if let value = payload["resources"], value != .null {
            guard let elements = value.arrayValue else { throw .invalidField("resources", reason: "not an array of strings.") }
            for element in elements {
                guard let text = element.stringValue else { throw .invalidField("resources", reason: "not an array of strings.") }
                resources.append(text)
            }
        }
        var timestamp: Date?
        if let text = try string("timestamp") {
            guard let date = ISO8601Timestamp.date(from: text) else {
                throw .invalidField("timestamp", reason: "not an ISO 8601 timestamp.")
            }
            timestamp = date
        }
        let dedupeKey = try string("dedupeKey") ?? "generic:" + String(Alerting.sha256Hex(title).prefix(32))
        return IncomingAlert(
            source: try string("source") ?? defaultSource,
            triggerArn: nil,
            title: title,
            summary: try string("summary"),
            dedupeKey: dedupeKey,
            status: status,
            resources: resources,
            timestamp: timestamp,
            impactHint: impact,
            rawData: String(decoding: Array(body), as: UTF8.self),
            detailsSummary: nil
        ).bounded(dedupePrefix: "generic:")
    }
}
