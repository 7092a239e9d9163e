import Foundation
import Testing

@testable import Alerting

@Suite("AlertmanagerWebhook")
struct AlertmanagerWebhookTests {
    static let groupKey = #"{}/{severity="critical"}:{alertname="HighErrorRate", service="checkout"}"#
    static let generatorURL = "http://prometheus.example.com:9090/graph?g0.expr=job%3Acheckout_errors%3Aratio5m+%3E+0.05&g0.tab=1"

    @Test("A firing group of two alerts becomes one alert, with the two listed")
    func firing() throws {
        let body = try Fixture.bytes("alertmanager-firing.json")
        let webhook = try AlertmanagerWebhook.parse(body)
        #expect(webhook.version == "4")
        #expect(webhook.groupKey == Self.groupKey)
        #expect(webhook.status == .firing)
        #expect(webhook.receiver == "hikeshi")
        #expect(webhook.truncatedAlerts == 0)
        #expect(webhook.groupLabels == ["alertname": "HighErrorRate", "service": "checkout"])
        #expect(webhook.commonLabels["severity"] == "critical")
        #expect(webhook.externalURL == "http://alertmanager.example.com:9093")
        #expect(webhook.alerts.map(\.fingerprint) == ["1f0d2c6a8b3e4d5f", "9a8b7c6d5e4f3a2b"])
        #expect(webhook.alerts.map(\.status) == [.firing, .firing])
        #expect(webhook.alerts.map { $0.labels["instance"] } == ["10.0.1.17:8080", "10.0.2.23:8080"])
        #expect(webhook.alerts.allSatisfy { $0.endsAt == nil })
        #expect(webhook.alerts.first?.name == "HighErrorRate")

        let alert = webhook.incomingAlert
        #expect(alert.source == "prometheus.alertmanager")
        #expect(alert.triggerArn == nil)
        #expect(alert.title == "HighErrorRate (service=checkout)")
        #expect(alert.summary == "5xx ratio on 10.0.1.17:8080 is 12.5% over 5m.\n5xx ratio on 10.0.2.23:8080 is 9.1% over 5m.")
        #expect(alert.dedupeKey == "alertmanager:" + Self.groupKey)
        #expect(alert.status == .firing)
        #expect(
            alert.resources == [Self.generatorURL, "arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/checkout/73e2d6bc24d8a067"])
        #expect(alert.impactHint == 1)
        // The earliest start: 10:00:00.5+02:00 is 08:00:00.5Z.
        #expect(sameInstant(alert.timestamp, Fixture.date(2024, 5, 1, 8, 0, 0.5)))
        #expect(sameInstant(webhook.alerts.first?.startsAt, Fixture.date(2024, 5, 1, 10, 0, 30.123456789)))
        #expect(alert.rawData == String(decoding: body, as: UTF8.self))
        let details = try #require(alert.detailsSummary)
        #expect(details.hasPrefix("2 alerts (2 firing, 0 resolved) for receiver hikeshi: "))
        #expect(details.contains("instance=10.0.1.17:8080"))
        #expect(details.contains("instance=10.0.2.23:8080"))
    }

    @Test("The resolved notification of the same group resolves the same dedupe key")
    func resolved() throws {
        let firing = try AlertmanagerWebhook.parse(Fixture.bytes("alertmanager-firing.json"))
        let webhook = try AlertmanagerWebhook.parse(Fixture.bytes("alertmanager-resolved.json"))
        #expect(webhook.status == .resolved)
        #expect(webhook.alerts.map(\.status) == [.resolved, .resolved])
        #expect(sameInstant(webhook.alerts.first?.endsAt, Fixture.date(2024, 5, 1, 10, 25, 30)))
        let alert = webhook.incomingAlert
        #expect(alert.status == .resolved)
        #expect(alert.dedupeKey == firing.incomingAlert.dedupeKey)
        #expect(alert.title == "Checkout 5xx ratio above 5%")
        #expect(alert.summary == nil)
        #expect(sameInstant(alert.timestamp, Fixture.date(2024, 5, 1, 10, 27, 0)))
        #expect(alert.resources == [Self.generatorURL])
    }

    @Test("Truncated alerts are counted; without a common severity the most severe alert's counts")
    func truncatedAndMixedSeverity() throws {
        let body = #"""
            {"version":"4","groupKey":"{}:{}","truncatedAlerts":7,"status":"firing","receiver":"r",
             "groupLabels":{},"commonLabels":{},"commonAnnotations":{},
             "alerts":[{"status":"firing","labels":{"alertname":"A","severity":"warning"}},
                       {"status":"resolved","labels":{"alertname":"B","severity":"error"}},
                       {"labels":{"alertname":"C"}}]}
            """#
        let webhook = try AlertmanagerWebhook.parse(Array(body.utf8))
        #expect(webhook.truncatedAlerts == 7)
        #expect(webhook.alerts.map(\.status) == [.firing, .resolved, .firing])
        #expect(webhook.incomingAlert.impactHint == 2)
        #expect(webhook.incomingAlert.title == "A")
        #expect(webhook.incomingAlert.detailsSummary?.contains("3 alerts (2 firing, 1 resolved), 7 more not sent") == true)
    }

    @Test("A very long group key is hashed into a dedupe key that fits")
    func longGroupKey() throws {
        let key = String(repeating: "k", count: 2000)
        let body = #"{"version":"4","groupKey":"\#(key)","status":"firing","alerts":[]}"#
        let alert = try AlertmanagerWebhook.parse(Array(body.utf8)).incomingAlert
        #expect(alert.dedupeKey.hasPrefix("alertmanager:sha256:"))
        #expect(alert.dedupeKey.count <= Alerting.maximumDedupeKeyLength)
        #expect(alert.title == "Alert for unknown receiver")
    }

    @Test("A large group (2,000 alerts) is read, its raw data bounded")
    func largeGroup() throws {
        let alert =
            #"{"status":"firing","labels":{"alertname":"DiskFull","instance":"host-%d"},"annotations":{},"startsAt":"2024-05-01T10:00:00Z","#
            + #""endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://p/graph","fingerprint":"%d"}"#
        let alerts = (0..<2000).map { alert.replacingOccurrences(of: "%d", with: String($0)) }.joined(separator: ",")
        let body =
            #"{"version":"4","groupKey":"{}:{alertname=\"DiskFull\"}","status":"firing","receiver":"r","#
            + #""groupLabels":{"alertname":"DiskFull"},"commonLabels":{"alertname":"DiskFull"},"alerts":["#
            + alerts + "]}"
        let webhook = try AlertmanagerWebhook.parse(Array(body.utf8))
        #expect(webhook.alerts.count == 2000)
        #expect(webhook.incomingAlert.rawData.utf8.count <= Alerting.maximumRawDataBytes)
        #expect(webhook.incomingAlert.resources == ["http://p/graph"])
        #expect((webhook.incomingAlert.detailsSummary?.unicodeScalars.count ?? 0) <= Alerting.maximumSummaryLength)
    }

    static let malformed: [(String, AlertingError)] = [
        (#"{"groupKey":"k","status":"firing"}"#, .missingField("version")),
        (#"{"version":"3","groupKey":"k","status":"firing"}"#, .unsupportedVersion("3")),
        (#"{"version":4,"groupKey":"k","status":"pending"}"#, .invalidField("status", reason: "'pending' is not firing or resolved.")),
        (#"{"version":"4","status":"firing"}"#, .missingField("groupKey")),
        (#"{"version":"4","groupKey":"k"}"#, .missingField("status")),
        (#"{"version":"4","groupKey":"k","status":"firing","alerts":{}}"#, .invalidField("alerts", reason: "not an array.")),
        (#"{"version":"4","groupKey":"k","status":"firing","alerts":[1]}"#, .invalidField("alerts[0]", reason: "not an object.")),
        (
            #"{"version":"4","groupKey":"k","status":"firing","alerts":[{"status":"silenced"}]}"#,
            .invalidField("alerts[0].status", reason: "'silenced' is not firing or resolved.")
        ),
        ("\"4\"", .malformedPayload("the body is not a JSON object.")),
    ]

    @Test("Malformed notifications are refused with the reason", arguments: malformed)
    func malformedNotifications(body: String, expected: AlertingError) {
        #expect(throws: expected) { try AlertmanagerWebhook.parse(Array(body.utf8)) }
    }
}
