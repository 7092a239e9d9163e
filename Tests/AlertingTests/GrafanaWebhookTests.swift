import Foundation
import Testing

@testable import Alerting

@Suite("GrafanaWebhook")
struct GrafanaWebhookTests {
    @Test("The documented unified alerting notification becomes one alert")
    func unified() throws {
        let body = try Fixture.bytes("grafana-unified.json")
        let webhook = try GrafanaWebhook.parse(body)
        #expect(!webhook.isLegacy)
        #expect(webhook.groupKey == "{}:{}")
        #expect(webhook.status == .firing)
        #expect(webhook.state == "alerting")
        #expect(webhook.orgId == 1)
        #expect(webhook.title == "[FIRING:2]  (blue)")
        #expect(webhook.receiver == "My Super Webhook")
        #expect(webhook.commonLabels == ["team": "blue"])
        #expect(webhook.externalURL == "https://play.grafana.org/")
        #expect(webhook.alerts.count == 2)
        let first = try #require(webhook.alerts.first)
        #expect(first.fingerprint == "c6eadffa33fcdf37")
        #expect(first.values == ["B": 44.23943737541908, "C": 1])
        #expect(first.panelURL == nil)
        #expect(first.dashboardURL == nil)
        #expect(first.silenceURL?.hasPrefix("https://play.grafana.org/alerting/silence/new") == true)
        #expect(first.endsAt == nil)
        let second = try #require(webhook.alerts.last)
        #expect(second.valueString == "[ var='B' labels={} value=44.23943737541908 ], [ var='C' labels={} value=1 ]")
        #expect(second.panelURL == "https://play.grafana.org/d/ZvcGhT7Vz?viewPanel=4")

        let alert = webhook.incomingAlert
        #expect(alert.source == "grafana")
        #expect(alert.dedupeKey == "grafana:{}:{}")
        #expect(alert.status == .firing)
        #expect(alert.title == "(blue)")
        #expect(alert.summary == "The system has high memory usage\nThe system has high CPU usage")
        #expect(
            alert.resources == [
                "https://play.grafana.org/alerting/1afz29v7z/edit", "https://play.grafana.org/alerting/d1rdpdv7k/edit",
                "https://play.grafana.org/d/ZvcGhT7Vz?viewPanel=4", "https://play.grafana.org/d/ZvcGhT7Vz",
            ])
        #expect(sameInstant(alert.timestamp, Fixture.date(2021, 10, 12, 7, 51, 3.157076)))
        #expect(alert.impactHint == nil)
        #expect(alert.rawData == String(decoding: body, as: UTF8.self))
    }

    @Test("A common alertname and summary make the title; severity the impact")
    func unifiedTitle() throws {
        var object = try Fixture.object("grafana-unified.json")
        object["commonLabels"] = ["alertname": "High memory usage", "severity": "critical"]
        object["groupLabels"] = ["alertname": "High memory usage", "zone": "us-1"]
        #expect(try GrafanaWebhook.parse(Fixture.encode(object)).incomingAlert.title == "High memory usage (zone=us-1)")
        #expect(try GrafanaWebhook.parse(Fixture.encode(object)).incomingAlert.impactHint == 1)
        object["commonAnnotations"] = ["summary": "Memory is high in us-1"]
        #expect(try GrafanaWebhook.parse(Fixture.encode(object)).incomingAlert.title == "Memory is high in us-1")
    }

    @Test("Without status, the state decides; ok resolves")
    func unifiedState() throws {
        var object = try Fixture.object("grafana-unified.json")
        object["status"] = nil
        object["state"] = "ok"
        let webhook = try GrafanaWebhook.parse(Fixture.encode(object))
        #expect(webhook.status == .resolved)
        #expect(webhook.alerts.map(\.status) == [.firing, .firing])
    }

    @Test("A legacy dashboard alert becomes an alert for its rule")
    func legacy() throws {
        let webhook = try GrafanaWebhook.parse(Fixture.bytes("grafana-legacy.json"))
        #expect(webhook.isLegacy)
        #expect(webhook.ruleId == 0)
        #expect(webhook.ruleName == "Test notification")
        #expect(webhook.ruleURL == "https://grafana.example.com/d/abc/dashboard?viewPanel=1")
        #expect(webhook.state == "alerting")
        #expect(webhook.evalMatches == [.init(metric: "High value", value: 100), .init(metric: "Higher Value", value: 200)])
        let alert = webhook.incomingAlert
        #expect(alert.title == "Test notification")
        #expect(alert.summary == "Someone is testing the alert notification within Grafana.")
        #expect(alert.dedupeKey == "grafana:rule:0")
        #expect(alert.status == .firing)
        #expect(alert.impactHint == 3)
        #expect(alert.resources == ["https://grafana.example.com/d/abc/dashboard?viewPanel=1"])
        #expect(alert.detailsSummary == "Rule Test notification is alerting: High value=100.0, Higher Value=200.0")
    }

    @Test("A legacy ok resolves; a legacy title loses its state tag")
    func legacyOK() throws {
        var object = try Fixture.object("grafana-legacy.json")
        object["state"] = "ok"
        object["ruleName"] = nil
        let webhook = try GrafanaWebhook.parse(Fixture.encode(object))
        #expect(webhook.status == .resolved)
        #expect(webhook.incomingAlert.title == "Test notification")
        #expect(webhook.incomingAlert.dedupeKey == "grafana:rule:0")
    }

    @Test(
        "State tags are stripped from titles",
        arguments: [
            ("[FIRING:2] CPU high (blue)", "CPU high (blue)"),
            ("[Alerting] Panel Title alert", "Panel Title alert"),
            ("[OK]", "[OK]"),
            ("No tag", "No tag"),
        ])
    func stateTags(title: String, expected: String) {
        #expect(GrafanaWebhook.strippingStatePrefix(title) == expected)
    }

    static let malformed: [(String, AlertingError)] = [
        ("{}", .missingField("alerts")),
        (#"{"alerts":[]}"#, .missingField("groupKey")),
        (#"{"groupKey":"k","alerts":[]}"#, .missingField("status")),
        (#"{"groupKey":"k","status":"weird","alerts":[]}"#, .invalidField("status", reason: "'weird' is not firing or resolved.")),
        (#"{"groupKey":"k","status":"firing","alerts":"none"}"#, .invalidField("alerts", reason: "not an array.")),
        (#"{"ruleName":"r"}"#, .missingField("state")),
        (#"{"evalMatches":[],"state":"alerting"}"#, .missingField("ruleId")),
        ("", .malformedPayload("the body is empty.")),
    ]

    @Test("Malformed notifications are refused with the reason", arguments: malformed)
    func malformedNotifications(body: String, expected: AlertingError) {
        #expect(throws: expected) { try GrafanaWebhook.parse(Array(body.utf8)) }
    }
}
