import Foundation
import HikeshiCore
import Testing

@testable import Alerting

@Suite("SlackCommand")
struct SlackCommandTests {
    static let arn = "arn:aws:ssm-incidents::123456789012:incident-record/checkout-plan/6ac1a5a4-0f3e-4c2b-9a7f-2f1d0c9b8e7d"

    /// A slash command body as Slack posts it.
    static func body(text: String) -> String {
        let fields = [
            ("token", "gIkuvaNzQIHg97ATvDxqgjtO"), ("team_id", "T0001"), ("team_domain", "example"), ("channel_id", "C2147483705"),
            ("channel_name", "incidents"), ("user_id", "U2147483697"), ("user_name", "Steve"), ("command", "/hikeshi"), ("text", text),
            ("api_app_id", "A123456"), ("response_url", "https://hooks.slack.com/commands/1234/5678"),
            ("trigger_id", "13345224609.738474920.8088930838d88f008e0"),
        ]
        return fields.map { "\(formEscape($0.0))=\(formEscape($0.1))" }.joined(separator: "&")
    }

    @Test("A slash command's fields and action are read")
    func fields() throws {
        let command = try SlackCommand.parse(formBody: Self.body(text: "ack \(Self.arn)"))
        #expect(command.command == "/hikeshi")
        #expect(command.text == "ack \(Self.arn)")
        #expect(command.userID == "U2147483697")
        #expect(command.userName == "Steve")
        #expect(command.teamID == "T0001")
        #expect(command.channelID == "C2147483705")
        #expect(command.responseURL == "https://hooks.slack.com/commands/1234/5678")
        #expect(command.triggerID == "13345224609.738474920.8088930838d88f008e0")
        #expect(command.action == .acknowledge(incident: Self.arn))
        #expect(command.action.incident == Self.arn)
    }

    static let texts: [(String, ChatAction)] = [
        ("", .help),
        ("   ", .help),
        ("help", .help),
        ("HELP me", .help),
        ("ack \(arn)", .acknowledge(incident: arn)),
        ("ACK 6ac1a5a4-0f3e-4c2b-9a7f-2f1d0c9b8e7d", .acknowledge(incident: "6ac1a5a4-0f3e-4c2b-9a7f-2f1d0c9b8e7d")),
        ("acknowledge   abc_123 ", .acknowledge(incident: "abc_123")),
        ("resolve \(arn)", .resolve(incident: arn)),
        ("resolve <\(arn)>", .resolve(incident: arn)),
        ("note \(arn) Rolled back deploy 42", .note(incident: arn, text: "Rolled back deploy 42")),
        ("note abc  p99 &lt; 200ms &amp; falling\nwatching", .note(incident: "abc", text: "p99 < 200ms & falling\nwatching")),
        ("Note abc ✓ ünïcödé", .note(incident: "abc", text: "✓ ünïcödé")),
    ]

    @Test("The text grammar", arguments: texts)
    func grammar(text: String, expected: ChatAction) throws {
        #expect(try SlackCommand.action(text: text) == expected)
        #expect(try SlackCommand.parse(formBody: Self.body(text: text)).action == expected)
    }

    static let invalidTexts = [
        "ack", "resolve", "note", "note abc", "note abc    ", "ack a b", "resolve a b", "frobnicate abc", "ack not/an/id",
        "ack arn:aws:ssm-contacts:us-east-1:123456789012:contact/alice", "ack arn:aws:ssm-incidents::123456789012:response-plan/p",
        "ack \(String(repeating: "x", count: 129))",
    ]

    @Test("Texts outside the grammar are refused with the usage", arguments: invalidTexts)
    func invalid(text: String) {
        let error = #expect(throws: AlertingError.self) { try SlackCommand.action(text: text, command: "/ir") }
        guard case .invalidChatCommand(let message) = error else {
            Issue.record("expected invalidChatCommand, got \(String(describing: error))")
            return
        }
        #expect(message.contains("/ir ack <incident>"))
        #expect(error?.description == message)
    }

    @Test("A body without command or user is refused")
    func missingFields() {
        #expect(throws: AlertingError.missingField("command")) { try SlackCommand.parse(formBody: "user_id=U1&text=help") }
        #expect(throws: AlertingError.missingField("user_id")) { try SlackCommand.parse(formBody: "command=%2Fhikeshi&text=help") }
        #expect(throws: AlertingError.missingField("command")) { try SlackCommand.parse(formBody: "") }
    }

    @Test("Form decoding: + and %XX, UTF-8, malformed escapes kept, empty pairs skipped, first repeat wins")
    func formDecoding() {
        let fields = FormEncoding.decode("a=1+2%2B3&&b=%E2%9C%93&c&d=%zz%4&a=again")
        #expect(fields.map(\.name) == ["a", "b", "c", "d", "a"])
        #expect(fields.map(\.value) == ["1 2+3", "✓", "", "%zz%4", "again"])
        #expect(FormEncoding.fields("a=1&a=2") == ["a": "1"])
        #expect(FormEncoding.unescape("%FF") == "\u{FFFD}")
    }
}

/// Form-encodes text the way browsers and Slack do.
func formEscape(_ text: String) -> String {
    var out = ""
    for byte in text.utf8 {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "*"):
            out.unicodeScalars.append(Unicode.Scalar(byte))
        case UInt8(ascii: " "):
            out += "+"
        default:
            out += String(format: "%%%02X", byte)
        }
    }
    return out
}
