import HikeshiCore

/// A Slack interaction: a press of one of the buttons that ``ChatRenderer/slack(_:)`` renders, posted as
/// `payload=<url-encoded JSON>` of type `block_actions`.
public struct SlackInteraction: Sendable, Hashable {
    /// The `action_id` of the Acknowledge button.
    public static let acknowledgeActionID = "hikeshi.acknowledge"
    /// The `action_id` of the Resolve button.
    public static let resolveActionID = "hikeshi.resolve"

    /// `user.id`.
    public var userID: String
    /// `user.username`, else `user.name`.
    public var userName: String?
    /// `team.id` (or `user.team_id`).
    public var teamID: String?
    /// `channel.id`.
    public var channelID: String?
    /// `response_url`: where to post a reply or replace the message.
    public var responseURL: String?
    /// `trigger_id`.
    public var triggerID: String?
    /// What the button asks for: ``ChatAction/acknowledge(incident:)`` or ``ChatAction/resolve(incident:)``, the
    /// incident being the button's `value` (the incident record ARN).
    public var action: ChatAction

    /// Creates an interaction.
    ///
    /// - Parameters:
    ///   - userID: The user id.
    ///   - userName: The user name.
    ///   - teamID: The team id.
    ///   - channelID: The channel id.
    ///   - responseURL: The response URL.
    ///   - triggerID: The trigger id.
    ///   - action: The action.
    public init(
        userID: String, userName: String? = nil, teamID: String? = nil, channelID: String? = nil, responseURL: String? = nil,
        triggerID: String? = nil, action: ChatAction
    ) {
        self.userID = userID
        self.userName = userName
        self.teamID = teamID
        self.channelID = channelID
        self.responseURL = responseURL
        self.triggerID = triggerID
        self.action = action
    }

    /// Reads an interaction body.
    ///
    /// - Parameter formBody: The raw `application/x-www-form-urlencoded` body, `payload=…`.
    /// - Returns: The interaction.
    /// - Throws: ``AlertingError`` when there is no JSON `payload`, it is not `block_actions`, has no user, or its
    ///   first action is not one of this module's buttons with an incident as value.
    public static func parse(formBody: String) throws(AlertingError) -> SlackInteraction {
        guard formBody.utf8.count <= Alerting.maximumPayloadBytes else {
            throw .payloadTooLarge(size: formBody.utf8.count, limit: Alerting.maximumPayloadBytes)
        }
        guard let payloadText = FormEncoding.fields(formBody)["payload"], !payloadText.isEmpty else { throw .missingField("payload") }
        let payload = JSONValue.object(try JSONValue.parseObject(Array(payloadText.utf8)))
        guard let type = payload["type"]?.nonEmptyString else { throw .missingField("payload.type") }
        guard type == "block_actions" else { throw .invalidChatCommand("Interactions of type \(type) are not supported.") }
        guard let userID = payload["user"]?["id"]?.nonEmptyString else { throw .missingField("payload.user.id") }
        guard let actions = payload["actions"]?.arrayValue, let first = actions.first else { throw .missingField("payload.actions") }
        guard let actionID = first["action_id"]?.nonEmptyString else { throw .missingField("payload.actions[0].action_id") }
        guard let incident = first["value"]?.nonEmptyString else { throw .missingField("payload.actions[0].value") }
        guard ChatAction.isIncidentReference(incident) else {
            throw .invalidField("payload.actions[0].value", reason: "not an incident ARN or id.")
        }
        let action: ChatAction
        switch actionID {
        case acknowledgeActionID: action = .acknowledge(incident: incident)
        case resolveActionID: action = .resolve(incident: incident)
        default: throw .invalidChatCommand("Unknown action \(actionID).")
        }
        return SlackInteraction(
            userID: userID,
            userName: payload["user"]?["username"]?.nonEmptyString ?? payload["user"]?["name"]?.nonEmptyString,
            teamID: payload["team"]?["id"]?.nonEmptyString ?? payload["user"]?["team_id"]?.nonEmptyString,
            channelID: payload["channel"]?["id"]?.nonEmptyString ?? payload["container"]?["channel_id"]?.nonEmptyString,
            responseURL: payload["response_url"]?.nonEmptyString,
            triggerID: payload["trigger_id"]?.nonEmptyString,
            action: action
        )
    }
}
