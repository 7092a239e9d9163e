import Foundation
import Testing

@testable import Alerting

@Suite("SNSMessage")
struct SNSMessageTests {
    static let alarmArn = "arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh"

    @Test("A notification's fields are read as sent")
    func notificationFields() throws {
        let message = try SNSMessage.parse(Fixture.bytes("sns-cloudwatch-alarm.json"))
        #expect(message.kind == .notification)
        #expect(message.messageId == "a1b2c3d4-5e6f-5a7b-8c9d-0e1f2a3b4c5d")
        #expect(message.topicArn == "arn:aws:sns:us-east-1:123456789012:hikeshi-alarms")
        #expect(message.subject == #"ALARM: "ServerCpuTooHigh" in US East (N. Virginia)"#)
        #expect(message.timestamp == "2019-10-02T17:04:41.142Z")
        #expect(sameInstant(message.date, Fixture.date(2019, 10, 2, 17, 4, 41.142)))
        #expect(message.signatureVersion == "1")
        #expect(message.signingCertURL == "https://sns.us-east-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem")
        #expect(message.unsubscribeURL?.hasPrefix("https://sns.us-east-1.amazonaws.com/?Action=Unsubscribe") == true)
        #expect(message.subscribeURL == nil)
        #expect(message.token == nil)
        #expect(message.message.hasPrefix(#"{"AlarmName":"ServerCpuTooHigh""#))
    }

    @Test("A notification's string to sign: Message, MessageId, Subject, Timestamp, TopicArn, Type")
    func notificationStringToSign() throws {
        let message = try SNSMessage.parse(Fixture.bytes("sns-cloudwatch-alarm.json"))
        let expected =
            "Message\n\(message.message)\n"
            + "MessageId\na1b2c3d4-5e6f-5a7b-8c9d-0e1f2a3b4c5d\n"
            + "Subject\nALARM: \"ServerCpuTooHigh\" in US East (N. Virginia)\n"
            + "Timestamp\n2019-10-02T17:04:41.142Z\n"
            + "TopicArn\narn:aws:sns:us-east-1:123456789012:hikeshi-alarms\n"
            + "Type\nNotification\n"
        #expect(message.stringToSign() == expected)
    }

    @Test("Without a Subject (or with a null one) the string to sign leaves it out")
    func notificationWithoutSubject() throws {
        let body = #"""
            {"Type":"Notification","MessageId":"m-1","TopicArn":"arn:aws:sns:eu-west-1:123456789012:t","Message":"hello\nworld",
             "Timestamp":"2024-01-01T00:00:00.000Z","SignatureVersion":"2","Signature":"c2ln","Subject":null,
             "SigningCertURL":"https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-x.pem","Unknown":{"a":1}}
            """#
        let message = try SNSMessage.parse(Array(body.utf8))
        #expect(message.subject == nil)
        #expect(
            message.stringToSign()
                == "Message\nhello\nworld\nMessageId\nm-1\nTimestamp\n2024-01-01T00:00:00.000Z\n"
                + "TopicArn\narn:aws:sns:eu-west-1:123456789012:t\nType\nNotification\n"
        )
    }

    @Test("A subscription confirmation's string to sign: Message, MessageId, SubscribeURL, Timestamp, Token, TopicArn, Type")
    func confirmationStringToSign() throws {
        let message = try SNSMessage.parse(Fixture.bytes("sns-subscription-confirmation.json"))
        #expect(message.kind == .subscriptionConfirmation)
        let token =
            "2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582"
            + "afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736"
        #expect(message.token == token)
        let subscribeURL =
            "https://sns.us-west-2.amazonaws.com/?Action=ConfirmSubscription&TopicArn=arn:aws:sns:us-west-2:123456789012:MyTopic&Token=\(token)"
        #expect(message.subscribeURL == subscribeURL)
        let expected =
            "Message\nYou have chosen to subscribe to the topic arn:aws:sns:us-west-2:123456789012:MyTopic.\n"
            + "To confirm the subscription, visit the SubscribeURL included in this message.\n"
            + "MessageId\n165545c9-2a5c-472c-8df2-7ff2be2b3b1b\n"
            + "SubscribeURL\n\(subscribeURL)\n"
            + "Timestamp\n2012-04-26T20:45:04.751Z\n"
            + "Token\n\(token)\n"
            + "TopicArn\narn:aws:sns:us-west-2:123456789012:MyTopic\n"
            + "Type\nSubscriptionConfirmation\n"
        #expect(message.stringToSign() == expected)
    }

    @Test("An unsubscribe confirmation signs like a subscription confirmation, with its own Type")
    func unsubscribeStringToSign() throws {
        var object = try Fixture.object("sns-subscription-confirmation.json")
        object["Type"] = "UnsubscribeConfirmation"
        let message = try SNSMessage.parse(Fixture.encode(object))
        #expect(message.kind == .unsubscribeConfirmation)
        #expect(message.stringToSign().hasSuffix("Type\nUnsubscribeConfirmation\n"))
        #expect(message.stringToSign().contains("\nToken\n"))
    }

    @Test("A CloudWatch alarm notification becomes the same alert as the EventBridge event")
    func cloudWatchAlarm() throws {
        let message = try SNSMessage.parse(Fixture.bytes("sns-cloudwatch-alarm.json"))
        let alert = try message.cloudWatchAlarm()
        #expect(alert.source == "aws.cloudwatch")
        #expect(alert.triggerArn == Self.alarmArn)
        #expect(alert.title == "ServerCpuTooHigh")
        #expect(alert.summary == "Goes into alarm when server CPU utilization is too high!")
        #expect(alert.dedupeKey == Self.alarmArn)
        #expect(alert.status == .firing)
        #expect(alert.resources == [Self.alarmArn, "arn:aws:ec2:us-east-1:123456789012:instance/i-12345678901234567"])
        #expect(sameInstant(alert.timestamp, Fixture.date(2019, 10, 2, 17, 4, 40.989)))
        #expect(alert.rawData == message.message)
        #expect(alert.detailsSummary?.contains("Reason: Threshold Crossed") == true)
        let bridged = try EventBridgeEvent.parse(Fixture.bytes("eventbridge-cloudwatch-alarm.json"))
        #expect(bridged.dedupeKey == alert.dedupeKey)
        #expect(bridged.resources == alert.resources)
        #expect(bridged.title == alert.title)
    }

    /// The fixture's alarm message, changed by `change`, wrapped in the fixture's notification.
    static func notification(changingAlarm change: (inout [String: Any]) -> Void) throws -> SNSMessage {
        var message = try SNSMessage.parse(Fixture.bytes("sns-cloudwatch-alarm.json"))
        let value = try JSONSerialization.jsonObject(with: Data(message.message.utf8))
        var alarm = try #require(value as? [String: Any])
        change(&alarm)
        message.message = String(decoding: try Fixture.encode(alarm), as: UTF8.self)
        return message
    }

    @Test("OK resolves and INSUFFICIENT_DATA fires")
    func states() throws {
        let ok = try Self.notification { $0["NewStateValue"] = "OK" }
        #expect(try ok.cloudWatchAlarm().status == .resolved)
        let missing = try Self.notification { $0["NewStateValue"] = "INSUFFICIENT_DATA" }
        #expect(try missing.cloudWatchAlarm().status == .firing)
        let odd = try Self.notification { $0["NewStateValue"] = "MAYBE" }
        #expect(throws: AlertingError.invalidField("Message.NewStateValue", reason: "'MAYBE' is not ALARM, OK or INSUFFICIENT_DATA.")) {
            try odd.cloudWatchAlarm()
        }
    }

    @Test("Without AlarmArn, the ARN is built from the region's display name, the account and the name")
    func displayNameRegion() throws {
        let message = try Self.notification {
            $0["AlarmArn"] = nil
            $0["Region"] = "EU (Ireland)"
            $0["Trigger"] = [
                "MetricName": "ApproximateAgeOfOldestMessage", "Namespace": "AWS/SQS",
                "Dimensions": [["name": "QueueName", "value": "orders"]],
            ]
        }
        let alert = try message.cloudWatchAlarm()
        #expect(alert.triggerArn == "arn:aws:cloudwatch:eu-west-1:123456789012:alarm:ServerCpuTooHigh")
        #expect(alert.resources == ["arn:aws:cloudwatch:eu-west-1:123456789012:alarm:ServerCpuTooHigh", "arn:aws:sqs:eu-west-1:123456789012:orders"])
    }

    @Test("An unknown display name falls back to the AlarmArn's region")
    func arnRegionFallback() throws {
        let message = try Self.notification {
            $0["AlarmArn"] = "arn:aws:cloudwatch:ap-southeast-2:123456789012:alarm:ServerCpuTooHigh"
            $0["Region"] = "Somewhere (New)"
        }
        let alert = try message.cloudWatchAlarm()
        #expect(alert.resources.last == "arn:aws:ec2:ap-southeast-2:123456789012:instance/i-12345678901234567")
    }

    @Test("Metric math alarms name the resources of each metric")
    func metricMath() throws {
        let message = try Self.notification {
            $0["Trigger"] = [
                "Metrics": [
                    ["Id": "e1", "Expression": "m1 / m2", "ReturnData": true],
                    [
                        "Id": "m1",
                        "MetricStat": [
                            "Metric": [
                                "Namespace": "AWS/Lambda", "MetricName": "Errors",
                                "Dimensions": [["name": "FunctionName", "value": "checkout-handler"]],
                            ],
                            "Period": 60, "Stat": "Sum",
                        ],
                    ],
                ]
            ]
        }
        let alert = try message.cloudWatchAlarm()
        #expect(alert.resources.contains("arn:aws:lambda:us-east-1:123456789012:function:checkout-handler"))
    }

    @Test("Only notifications hold alarms, and only JSON ones")
    func notAnAlarm() throws {
        let confirmation = try SNSMessage.parse(Fixture.bytes("sns-subscription-confirmation.json"))
        #expect(throws: AlertingError.unsupportedMessageType("SubscriptionConfirmation")) { try confirmation.cloudWatchAlarm() }
        var text = try SNSMessage.parse(Fixture.bytes("sns-cloudwatch-alarm.json"))
        text.message = "Hello world!"
        #expect(throws: AlertingError.malformedPayload("the SNS message is not a CloudWatch alarm's JSON.")) { try text.cloudWatchAlarm() }
        text.message = #"{"NewStateValue":"ALARM"}"#
        #expect(throws: AlertingError.missingField("Message.AlarmName")) { try text.cloudWatchAlarm() }
    }

    static let malformed: [(String, AlertingError)] = [
        ("{}", .missingField("Type")),
        (#"{"Type":"Bogus"}"#, .unsupportedMessageType("Bogus")),
        (#"{"Type":"Notification","Message":"x"}"#, .missingField("SigningCertURL")),
        (#"{"Type":"Notification","Message":1}"#, .invalidField("Message", reason: "not a string.")),
        (
            #"{"Type":"Notification","Message":"x","SigningCertURL":"https://sns.us-east-1.amazonaws.com/a.pem","MessageId":"1","TopicArn":"t","#
                + #""Timestamp":"2024-01-01T00:00:00Z","SignatureVersion":"1"}"#,
            .missingField("Signature")
        ),
        (
            #"{"Type":"SubscriptionConfirmation","Message":"x","SigningCertURL":"https://sns.us-east-1.amazonaws.com/a.pem","MessageId":"1","#
                + #""TopicArn":"t","Timestamp":"2024-01-01T00:00:00Z","SignatureVersion":"1","Signature":"c2ln","SubscribeURL":"https://x"}"#,
            .missingField("Token")
        ),
    ]

    @Test("Malformed messages are refused with the reason", arguments: malformed)
    func malformedMessages(body: String, expected: AlertingError) {
        #expect(throws: expected) { try SNSMessage.parse(Array(body.utf8)) }
    }

    static let certificateURLs: [(String, Bool)] = [
        ("https://sns.us-east-1.amazonaws.com/SimpleNotificationService-9c6465fa7f48f5cacd23014631ec1136.pem", true),
        ("https://sns.eu-west-1.amazonaws.com/SimpleNotificationService-a.pem", true),
        ("https://sns.us-gov-west-1.amazonaws.com/SimpleNotificationService-a.pem", true),
        ("https://sns.cn-north-1.amazonaws.com.cn/SimpleNotificationService-a.pem", true),
        ("https://SNS.US-EAST-1.AMAZONAWS.COM/SimpleNotificationService-a.pem", true),
        ("https://sns.us-east-1.amazonaws.com:443/SimpleNotificationService-a.pem", true),
        ("http://sns.us-east-1.amazonaws.com/SimpleNotificationService-a.pem", false),
        ("https://sns.us-east-1.amazonaws.com.evil.example/SimpleNotificationService-a.pem", false),
        ("https://evil.example/sns.us-east-1.amazonaws.com/a.pem", false),
        ("https://sns.us-east-1.amazonaws.com@evil.example/a.pem", false),
        ("https://user@sns.us-east-1.amazonaws.com/a.pem", false),
        ("https://sns.us-east-1.amazonaws.com:8443/a.pem", false),
        ("https://sns.us-east-1.amazonaws.com/a.crt", false),
        ("https://sns.us-east-1.amazonaws.com/a.pem?x=1", false),
        ("https://sns.us-east-1.amazonaws.com/.pem", false),
        ("https://sqs.us-east-1.amazonaws.com/a.pem", false),
        ("https://sns.amazonaws.com/a.pem", false),
        ("https://sns.not_a_region.amazonaws.com/a.pem", false),
        ("not a url", false),
        ("", false),
    ]

    @Test("Signing certificate URLs are trusted only on SNS hosts over https", arguments: certificateURLs)
    func certificateURL(url: String, trusted: Bool) {
        #expect(SNSMessage.isTrustedCertificateURL(url) == trusted)
    }
}
