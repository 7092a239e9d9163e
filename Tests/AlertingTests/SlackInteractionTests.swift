import Foundation
import Testing

@testable import Alerting

@Suite("SlackInteraction")
struct SlackInteractionTests {
    static let arn = "arn:aws:ssm-incidents::123456789012:incident-record/checkout-plan/6ac1a5a4-0f3e-4c2b-9a7f-2f1d0c9b8e7d"

    /// A `block_actions` payload as Slack posts it when a button is pressed.
    static func payload(actionID: String, value: String = arn, type: String = "block_actions") -> [String: Any] {
        [
            "type": type,
            "user": ["id": "U0CA5", "username": "amy.mcdonald", "name": "amy", "team_id": "T3MDE"],
            "api_app_id": "A0CA5",
            "token": "Shh_its_a_seekrit",
            "container": ["type": "message", "message_ts": "1548261231.000200", "channel_id": "C0CA5", "is_ephemeral": false],
            "trigger_id": "12466734323.1395872398",
            "team": ["id": "T0CAG", "domain": "acme-creamery"],
            "channel": ["id": "C0CA5", "name": "incidents"],
            "response_url": "https://hooks.slack.com/actions/T0CAG/ABC123/XYZ",
            "actions": [
                [
                    "action_id": actionID, "block_id": "hikeshi.incident", "text": ["type": "plain_text", "text": "Acknowledge"],
                    "value": value, "type": "button", "action_ts": "1548426417.840180",
                ]
            ],
        ]
    }

    static func body(_ payload: [String: Any]) throws -> String {
        let json = String(decoding: try Fixture.encode(payload), as: UTF8.self)
        return "payload=" + formEscape(json)
    }

    @Test("The Acknowledge and Resolve buttons become actions on the incident in their value")
    func buttons() throws {
        let ack = try SlackInteraction.parse(formBody: Self.body(Self.payload(actionID: "hikeshi.acknowledge")))
        #expect(ack.action == .acknowledge(incident: Self.arn))
        #expect(ack.userID == "U0CA5")
        #expect(ack.userName == "amy.mcdonald")
        #expect(ack.teamID == "T0CAG")
        #expect(ack.channelID == "C0CA5")
        #expect(ack.responseURL == "https://hooks.slack.com/actions/T0CAG/ABC123/XYZ")
        #expect(ack.triggerID == "12466734323.1395872398")
        let resolve = try SlackInteraction.parse(formBody: Self.body(Self.payload(actionID: SlackInteraction.resolveActionID)))
        #expect(resolve.action == .resolve(incident: Self.arn))
    }

    @Test("Buttons from the renderer round-trip into interactions")
    func renderedButtons() throws {
        let event = ChatEvent(kind: .created, incidentTitle: "Checkout down", incidentArn: Self.arn, impact: 1)
        let message = try Fixture.decodeObject(ChatRenderer.slack(event))
        let blocks = try #require(message["blocks"] as? [[String: Any]])
        let elements = try #require(blocks.last?["elements"] as? [[String: Any]])
        for element in elements {
            let actionID = try #require(element["action_id"] as? String)
            let value = try #require(element["value"] as? String)
            let interaction = try SlackInteraction.parse(formBody: Self.body(Self.payload(actionID: actionID, value: value)))
            #expect(interaction.action.incident == Self.arn)
        }
    }

    @Test("Interactions that are not these buttons are refused")
    func refusals() throws {
        #expect(throws: AlertingError.missingField("payload")) { try SlackInteraction.parse(formBody: "other=1") }
        #expect(throws: AlertingError.malformedPayload("the body is not valid JSON.")) { try SlackInteraction.parse(formBody: "payload=%7Bnope") }
        #expect(throws: AlertingError.invalidChatCommand("Interactions of type view_submission are not supported.")) {
            try SlackInteraction.parse(formBody: Self.body(Self.payload(actionID: "hikeshi.acknowledge", type: "view_submission")))
        }
        #expect(throws: AlertingError.invalidChatCommand("Unknown action other.button.")) {
            try SlackInteraction.parse(formBody: Self.body(Self.payload(actionID: "other.button")))
        }
        #expect(throws: AlertingError.invalidField("payload.actions[0].value", reason: "not an incident ARN or id.")) {
            try SlackInteraction.parse(formBody: Self.body(Self.payload(actionID: "hikeshi.resolve", value: "rm -rf /")))
        }
        var noUser = Self.payload(actionID: "hikeshi.resolve")
        noUser["user"] = nil
        #expect(throws: AlertingError.missingField("payload.user.id")) { try SlackInteraction.parse(formBody: Self.body(noUser)) }
        var noActions = Self.payload(actionID: "hikeshi.resolve")
        noActions["actions"] = []
        #expect(throws: AlertingError.missingField("payload.actions")) { try SlackInteraction.parse(formBody: Self.body(noActions)) }
    }
}
