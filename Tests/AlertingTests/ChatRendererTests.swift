import Foundation
import Testing

@testable import Alerting

@Suite("ChatRenderer")
struct ChatRendererTests {
    static let arn = "arn:aws:ssm-incidents::123456789012:incident-record/checkout-plan/6ac1a5a4"

    static let kinds: [ChatEvent.Kind] = [
        .created, .impactChanged(old: 3, new: 1), .note(author: "amy", text: "Rolled back"), .acknowledged(by: "amy"),
        .statusChanged(old: .open, new: .resolved), .resolved, .absorbed(source: "aws.cloudwatch", title: "ServerCpuTooHigh"),
        .engagementStarted(contact: "arn:aws:ssm-contacts:us-east-1:123456789012:contact/oncall"),
    ]

    static func event(_ kind: ChatEvent.Kind, link: String? = "https://hikeshi.example.com/incidents/6ac1a5a4") -> ChatEvent {
        ChatEvent(kind: kind, incidentTitle: "Checkout <down> & out", incidentArn: arn, impact: 1, status: .open, link: link)
    }

    @Test("Slack: fallback text, a section, the ARN and, while open, the two buttons")
    func slackCreated() throws {
        let message = try Fixture.decodeObject(ChatRenderer.slack(Self.event(.created)))
        #expect(message["text"] as? String == "Incident started: Checkout <down> & out")
        let blocks = try #require(message["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["section", "context", "actions"])
        let section = try #require(blocks[0]["text"] as? [String: Any])
        #expect(section["type"] as? String == "mrkdwn")
        #expect(
            section["text"] as? String
                == "Incident started: <https://hikeshi.example.com/incidents/6ac1a5a4|Checkout &lt;down&gt; &amp; out>\n"
                + "*Impact:* 1 (Critical)    *Status:* OPEN"
        )
        let context = try #require(blocks[1]["elements"] as? [[String: Any]])
        #expect(context.first?["text"] as? String == "Incident `\(Self.arn)`")
        let buttons = try #require(blocks[2]["elements"] as? [[String: Any]])
        #expect(buttons.map { $0["action_id"] as? String } == ["hikeshi.acknowledge", "hikeshi.resolve"])
        #expect(buttons.map { $0["value"] as? String } == [Self.arn, Self.arn])
        #expect(buttons.map { $0["type"] as? String } == ["button", "button"])
        #expect(buttons.map { ($0["text"] as? [String: Any])?["text"] as? String } == ["Acknowledge", "Resolve"])
    }

    @Test("Slack: no buttons once resolved; notes are quoted; no link means a bold title")
    func slackResolvedAndNote() throws {
        let resolved = try Fixture.decodeObject(ChatRenderer.slack(Self.event(.resolved)))
        let blocks = try #require(resolved["blocks"] as? [[String: Any]])
        #expect(blocks.map { $0["type"] as? String } == ["section", "context"])
        var closed = Self.event(.acknowledged(by: "amy"))
        closed.status = .resolved
        #expect((try Fixture.decodeObject(ChatRenderer.slack(closed))["blocks"] as? [Any])?.count == 2)

        let note = try Fixture.decodeObject(ChatRenderer.slack(Self.event(.note(author: "<amy>", text: "line 1\nline <2>"), link: nil)))
        #expect(note["text"] as? String == "<amy> added a note to Checkout <down> & out: line 1\nline <2>")
        let noteBlocks = try #require(note["blocks"] as? [[String: Any]])
        let text = try #require((noteBlocks[0]["text"] as? [String: Any])?["text"] as? String)
        #expect(
            text
                == "&lt;amy&gt; added a note to *Checkout &lt;down&gt; &amp; out*\n>line 1\n>line &lt;2&gt;\n*Impact:* 1 (Critical)    *Status:* OPEN"
        )
    }

    @Test("Teams: a MessageCard with summary, title, text, colour and a link")
    func teams() throws {
        let card = try Fixture.decodeObject(ChatRenderer.teams(Self.event(.impactChanged(old: 3, new: 1))))
        #expect(card["@type"] as? String == "MessageCard")
        #expect(card["@context"] as? String == "https://schema.org/extensions")
        #expect(card["summary"] as? String == "Impact of Checkout <down> & out changed from 3 (Medium) to 1 (Critical)")
        #expect(card["title"] as? String == card["summary"] as? String)
        #expect(card["text"] as? String == "**Impact:** 1 (Critical)\n\n**Status:** OPEN\n\n**Incident:** \(Self.arn)")
        #expect(card["themeColor"] as? String == "D13212")
        let actions = try #require(card["potentialAction"] as? [[String: Any]])
        #expect(actions.first?["@type"] as? String == "OpenUri")
        let targets = try #require(actions.first?["targets"] as? [[String: Any]])
        #expect(targets.first?["uri"] as? String == "https://hikeshi.example.com/incidents/6ac1a5a4")

        let resolved = try Fixture.decodeObject(ChatRenderer.teams(Self.event(.resolved, link: nil)))
        #expect(resolved["themeColor"] as? String == "2EB67D")
        #expect(resolved["potentialAction"] == nil)
        #expect((resolved["text"] as? String)?.contains("**Status:** RESOLVED") == true)
    }

    @Test("Chime: one Content field, byte for byte")
    func chime() {
        let event = ChatEvent(kind: .created, incidentTitle: "DB \"primary\" down", incidentArn: Self.arn, impact: 2)
        let expected = #"{"Content":"Incident started: DB \"primary\" down\nImpact: 2 (High) · Status: OPEN\n"# + Self.arn + #""}"#
        #expect(String(decoding: ChatRenderer.chime(event), as: UTF8.self) == expected)
    }

    @Test("Every kind renders valid JSON on every platform, the same bytes each time", arguments: kinds)
    func everyKind(kind: ChatEvent.Kind) throws {
        let event = Self.event(kind)
        for render in [ChatRenderer.slack, ChatRenderer.teams, ChatRenderer.chime] {
            let bytes = render(event)
            #expect(bytes == render(event))
            _ = try Fixture.decodeObject(bytes)
        }
        let chime = try Fixture.decodeObject(ChatRenderer.chime(event))
        #expect((chime["Content"] as? String)?.hasPrefix(ChatRenderer.headline(event, title: event.incidentTitle, escape: { $0 })) == true)
    }

    @Test("Slack keys are sorted")
    func sortedKeys() {
        let text = String(decoding: ChatRenderer.slack(Self.event(.created)), as: UTF8.self)
        #expect(text.hasPrefix(#"{"blocks":[{"text":{"text":"#))
        #expect(text.hasSuffix(#""text":"Incident started: Checkout <down> & out"}"#))
    }

    @Test("Long notes are cut to the platforms' limits")
    func limits() throws {
        let event = Self.event(.note(author: "amy", text: String(repeating: "x", count: 10_000)))
        let slack = try Fixture.decodeObject(ChatRenderer.slack(event))
        let blocks = try #require(slack["blocks"] as? [[String: Any]])
        let text = try #require((blocks[0]["text"] as? [String: Any])?["text"] as? String)
        #expect(text.count == 3000)
        let chime = try Fixture.decodeObject(ChatRenderer.chime(event))
        #expect((chime["Content"] as? String)?.count == 4096)
    }
}
