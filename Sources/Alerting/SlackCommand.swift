import HikeshiCore

/// A Slack slash command (e.g. `/hikeshi ack <incident>`), as Slack posts it form-encoded.
///
/// The text grammar: `ack <incident>` (or `acknowledge`), `note <incident> <text…>`, `resolve <incident>`, and
/// `help` or nothing; `<incident>` is an incident record ARN or its last path component (the id). Verbs are
/// case-insensitive.
public struct SlackCommand: Sendable, Hashable {
    /// `command`, e.g. `/hikeshi`.
    public var command: String
    /// `text`: what followed the command.
    public var text: String
    /// `user_id`.
    public var userID: String
    /// `user_name`.
    public var userName: String?
    /// `team_id`.
    public var teamID: String?
    /// `channel_id`.
    public var channelID: String?
    /// `response_url`: where to post replies for the next 30 minutes.
    public var responseURL: String?
    /// `trigger_id`.
    public var triggerID: String?
    /// What the text asks for.
    public var action: ChatAction

    /// Creates a command.
    ///
    /// - Parameters:
    ///   - command: The command name.
    ///   - text: The text.
    ///   - userID: The user id.
    ///   - userName: The user name.
    ///   - teamID: The team id.
    ///   - channelID: The channel id.
    ///   - responseURL: The response URL.
    ///   - triggerID: The trigger id.
    ///   - action: The action.
    public init(
        command: String, text: String, userID: String, userName: String? = nil, teamID: String? = nil, channelID: String? = nil,
        responseURL: String? = nil, triggerID: String? = nil, action: ChatAction
    ) {
        self.command = command
        self.text = text
        self.userID = userID
        self.userName = userName
        self.teamID = teamID
        self.channelID = channelID
        self.responseURL = responseURL
        self.triggerID = triggerID
        self.action = action
    }

    /// Reads a slash command body.
    ///
    /// - Parameter formBody: The raw `application/x-www-form-urlencoded` body.
    /// - Returns: The command.
    /// - Throws: ``AlertingError/missingField(_:)`` without `command` or `user_id`;
    ///   ``AlertingError/invalidChatCommand(_:)`` (whose description includes the usage) for text that does not
    ///   follow the grammar.
    public static func parse(formBody: String) throws(AlertingError) -> SlackCommand {
        guard formBody.utf8.count <= Alerting.maximumPayloadBytes else {
            throw .payloadTooLarge(size: formBody.utf8.count, limit: Alerting.maximumPayloadBytes)
        }
        let fields = FormEncoding.fields(formBody)
        guard let command = Alerting.nonEmpty(fields["command"]) else { throw .missingField("command") }
        guard let userID = Alerting.nonEmpty(fields["user_id"]) else { throw .missingField("user_id") }
        let text = fields["text"] ?? ""
        return SlackCommand(
            command: command,
            text: text,
            userID: userID,
            userName: Alerting.nonEmpty(fields["user_name"]),
            teamID: Alerting.nonEmpty(fields["team_id"]),
            channelID: Alerting.nonEmpty(fields["channel_id"]),
            responseURL: Alerting.nonEmpty(fields["response_url"]),
            triggerID: Alerting.nonEmpty(fields["trigger_id"]),
            action: try action(text: text, command: command)
        )
    }

    /// Reads a command's text.
    ///
    /// - Parameters:
    ///   - text: What followed the command.
    ///   - command: The command's name, for the usage in errors.
    /// - Returns: The action.
    /// - Throws: ``AlertingError/invalidChatCommand(_:)`` for text that does not follow the grammar.
    public static func action(text: String, command: String = "/hikeshi") throws(AlertingError) -> ChatAction {
        let trimmed = text.trimmingWhitespace()
        guard !trimmed.isEmpty else { return .help }
        let verbEnd = trimmed.firstIndex(where: \.isWhitespace) ?? trimmed.endIndex
        let verb = trimmed[..<verbEnd].lowercased()
        let afterVerb = String(trimmed[verbEnd...]).trimmingWhitespace()
        let incidentEnd = afterVerb.firstIndex(where: \.isWhitespace) ?? afterVerb.endIndex
        let incident = unwrapped(String(afterVerb[..<incidentEnd]))
        let rest = String(afterVerb[incidentEnd...]).trimmingWhitespace()
        func requireIncident() throws(AlertingError) -> String {
            guard !incident.isEmpty else {
                throw .invalidChatCommand("`\(verb)` needs an incident.\n" + ChatAction.usage(command: command))
            }
            guard ChatAction.isIncidentReference(incident) else {
                throw .invalidChatCommand("`\(incident)` is not an incident ARN or id.\n" + ChatAction.usage(command: command))
            }
            return incident
        }
        switch verb {
        case "help", "?":
            return .help
        case "ack", "acknowledge":
            let incident = try requireIncident()
            guard rest.isEmpty else { throw .invalidChatCommand("`\(verb)` takes only an incident.\n" + ChatAction.usage(command: command)) }
            return .acknowledge(incident: incident)
        case "resolve":
            let incident = try requireIncident()
            guard rest.isEmpty else { throw .invalidChatCommand("`\(verb)` takes only an incident.\n" + ChatAction.usage(command: command)) }
            return .resolve(incident: incident)
        case "note":
            let incident = try requireIncident()
            let note = unescaped(rest)
            guard !note.isEmpty else { throw .invalidChatCommand("`note` needs text after the incident.\n" + ChatAction.usage(command: command)) }
            return .note(incident: incident, text: note)
        case "resume", "approve", "reject":
            guard ChatAction.isExecutionID(incident) else {
                throw .invalidChatCommand("`\(verb)` needs a runbook execution id.\n" + ChatAction.usage(command: command))
            }
            let signal: RunbookChatSignal = verb == "resume" ? .resume : verb == "approve" ? .approve : .reject
            let comment = unescaped(rest)
            return .signal(execution: incident, signal, comment: comment.isEmpty ? nil : comment)
        default:
            throw .invalidChatCommand("Unknown command `\(verb)`.\n" + ChatAction.usage(command: command))
        }
    }

    /// A token without the `<…>` Slack puts around text it links.
    private static func unwrapped(_ token: String) -> String {
        guard token.hasPrefix("<"), token.hasSuffix(">"), token.count >= 2 else { return token }
        let inner = token.dropFirst().dropLast()
        return String(inner.split(separator: "|", maxSplits: 1).first ?? inner)
    }

    /// Text with Slack's escapes (`&amp;`, `&lt;`, `&gt;`) undone.
    private static func unescaped(_ text: String) -> String {
        text.replacing("&lt;", with: "<").replacing("&gt;", with: ">").replacing("&amp;", with: "&")
    }
}
