import Foundation
import Testing

@testable import Alerting

@Suite("EventBridgeEvent")
struct EventBridgeEventTests {
    static let alarmArn = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh"

    @Test("The documented CloudWatch alarm state change event becomes a firing alert for the alarm")
    func cloudWatchAlarm() throws {
        let body = try Fixture.bytes("eventbridge-cloudwatch-alarm.json")
        let alert = try EventBridgeEvent.parse(body)
        #expect(alert.source == "aws.cloudwatch")
        #expect(alert.triggerArn == Self.alarmArn)
        #expect(alert.title == "ServerCpuTooHigh")
        #expect(alert.summary == "Goes into alarm when server CPU utilization is too high!")
        #expect(alert.dedupeKey == Self.alarmArn)
        #expect(alert.status == .firing)
        #expect(alert.resources == [Self.alarmArn, "arn:aws:ec2:us-east-1:123456789012:instance/i-12345678901234567"])
        #expect(sameInstant(alert.timestamp, Fixture.date(2019, 10, 2, 17, 4, 40.989)))
        #expect(alert.impactHint == nil)
        #expect(alert.rawData == String(decoding: body, as: UTF8.self))
        let details = try #require(alert.detailsSummary)
        #expect(details.contains("CPUUtilization (AWS/EC2) InstanceId=i-12345678901234567"))
        #expect(details.contains("State: ALARM"))
        #expect(details.contains("Threshold Crossed"))
    }

    @Test("OK resolves, with the same dedupe key; an alarm tag gives the impact")
    func cloudWatchOK() throws {
        let firing = try EventBridgeEvent.parse(Fixture.bytes("eventbridge-cloudwatch-alarm.json"))
        let resolved = try EventBridgeEvent.parse(Fixture.bytes("eventbridge-cloudwatch-ok.json"))
        #expect(resolved.status == .resolved)
        #expect(resolved.dedupeKey == firing.dedupeKey)
        #expect(resolved.impactHint == 2)
        #expect(sameInstant(resolved.timestamp, Fixture.date(2019, 10, 2, 17, 20, 3.642)))
    }

    @Test("INSUFFICIENT_DATA fires")
    func insufficientData() throws {
        let text = try Fixture.text("eventbridge-cloudwatch-alarm.json")
            .replacingOccurrences(of: "\"value\": \"ALARM\"", with: "\"value\": \"INSUFFICIENT_DATA\"")
        let alert = try EventBridgeEvent.parse(Array(text.utf8))
        #expect(alert.status == .firing)
        #expect(alert.detailsSummary?.contains("State: INSUFFICIENT_DATA") == true)
    }

    @Test("An alarm event without resources gets an ARN built from region, account and name")
    func alarmWithoutResources() throws {
        var object = try Fixture.object("eventbridge-cloudwatch-alarm.json")
        object["resources"] = []
        let alert = try EventBridgeEvent.parse(Fixture.encode(object))
        #expect(alert.triggerArn == Self.alarmArn)
        #expect(alert.dedupeKey == Self.alarmArn)
    }

    @Test("Any other event becomes a firing alert titled by its detail")
    func otherEvent() throws {
        let alert = try EventBridgeEvent.parse(Fixture.bytes("eventbridge-guardduty-finding.json"))
        #expect(alert.source == "aws.guardduty")
        #expect(alert.triggerArn == nil)
        #expect(alert.title == "198.51.100.7 is performing SSH brute force attacks against i-99999999.")
        #expect(alert.summary?.hasPrefix("198.51.100.7 is performing SSH brute force") == true)
        #expect(alert.status == .firing)
        #expect(alert.dedupeKey == "eventbridge:aws.guardduty:GuardDuty Finding:cd2d702e-ab31-411b-9344-793ce56b1bc7")
        #expect(alert.resources.isEmpty)
        #expect(sameInstant(alert.timestamp, Fixture.date(2024, 3, 1, 8, 15, 30)))
        #expect(alert.detailsSummary == "GuardDuty Finding from aws.guardduty in eu-west-1")
    }

    @Test("An event with resources is deduplicated by them, whatever their order")
    func resourcesDedupe() throws {
        let first = #"{"source":"my.app","detail-type":"Job Failed","id":"1","resources":["b","a"],"detail":{}}"#
        let second = #"{"source":"my.app","detail-type":"Job Failed","id":"2","resources":["a","b"],"detail":{"severity":"warning"}}"#
        let one = try EventBridgeEvent.parse(Array(first.utf8))
        let two = try EventBridgeEvent.parse(Array(second.utf8))
        #expect(one.dedupeKey == two.dedupeKey)
        #expect(one.title == "Job Failed")
        #expect(two.impactHint == 3)
    }

    static let malformed: [(String, AlertingError)] = [
        ("", .malformedPayload("the body is empty.")),
        ("not json", .malformedPayload("the body is not valid JSON.")),
        ("[1,2]", .malformedPayload("the body is not a JSON object.")),
        (#"{"detail-type":"X"}"#, .missingField("source")),
        (#"{"source":"a.b"}"#, .missingField("detail-type")),
        (#"{"source":"a.b","detail-type":"X","detail":[]}"#, .invalidField("detail", reason: "not an object.")),
        (#"{"source":"a.b","detail-type":"X","resources":"arn"}"#, .invalidField("resources", reason: "not an array.")),
        (#"{"source":"aws.cloudwatch","detail-type":"CloudWatch Alarm State Change","detail":{}}"#, .missingField("detail.alarmName")),
        (
            #"{"source":"aws.cloudwatch","detail-type":"CloudWatch Alarm State Change","detail":{"alarmName":"A"}}"#,
            .missingField("detail.state.value")
        ),
        (
            #"{"source":"aws.cloudwatch","detail-type":"CloudWatch Alarm State Change","detail":{"alarmName":"A","state":{"value":"WEIRD"}}}"#,
            .invalidField("detail.state.value", reason: "'WEIRD' is not ALARM, OK or INSUFFICIENT_DATA.")
        ),
    ]

    @Test("Malformed events are refused with the reason", arguments: malformed)
    func malformedEvents(body: String, expected: AlertingError) {
        #expect(throws: expected) { try EventBridgeEvent.parse(Array(body.utf8)) }
    }

    @Test("A body over the limit is refused before it is read")
    func tooLarge() {
        let body = [UInt8](repeating: UInt8(ascii: " "), count: Alerting.maximumPayloadBytes + 1)
        #expect(throws: AlertingError.payloadTooLarge(size: Alerting.maximumPayloadBytes + 1, limit: Alerting.maximumPayloadBytes)) {
            try EventBridgeEvent.parse(body)
        }
    }

    @Test("A large event keeps at most 10,000 bytes of raw data, cut between characters")
    func largeRawData() throws {
        var object = try Fixture.object("eventbridge-guardduty-finding.json")
        object["padding"] = String(repeating: "é🚒", count: 5000)
        let body = try Fixture.encode(object)
        let alert = try EventBridgeEvent.parse(body)
        #expect(alert.rawData.utf8.count <= 10_000)
        #expect(alert.rawData.utf8.count > 9_990)
        #expect(String(decoding: body, as: UTF8.self).hasPrefix(alert.rawData))
    }

    @Test("Deeply nested JSON is refused, not a crash")
    func deeplyNested() {
        let body = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: AlertingError.self) { try EventBridgeEvent.parse(Array(body.utf8)) }
    }
}
