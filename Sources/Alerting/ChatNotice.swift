/// A message about something other than an incident (an OpsItem created or changed), for the same chat channels: a
/// headline and a few lines, rendered for each platform without incident buttons.
public struct ChatNotice: Sendable, Equatable {
    /// The headline.
    public var headline: String
    /// Further lines (plain text).
    public var lines: [String]

    /// Creates a notice.
    public init(headline: String, lines: [String]) {
        self.headline = headline
        self.lines = lines
    }

    /// Slack: `{"text": …, "blocks": [a section with the headline in bold and the lines]}`, escaped for `mrkdwn`.
    public var slack: [UInt8] {
        let text = Alerting.truncate(([headline] + lines).joined(separator: "\n"), toScalars: ChatRenderer.slackSectionLimit)
        let body = (["*" + ChatRenderer.slackEscape(headline) + "*"] + lines.map(ChatRenderer.slackEscape)).joined(separator: "\n")
        let section = JSONValue.object([
            "type": .string("section"),
            "text": .object(["type": .string("mrkdwn"), "text": .string(Alerting.truncate(body, toScalars: ChatRenderer.slackSectionLimit))]),
        ])
        return Array(JSONValue.object(["text": .string(text), "blocks": .array([section])]).serialized.utf8)
    }

    /// Teams: a MessageCard with the headline as title and summary and the lines as paragraphs.
    public var teams: [UInt8] {
        let card: [String: JSONValue] = [
            "@type": .string("MessageCard"),
            "@context": .string("https://schema.org/extensions"),
            "summary": .string(Alerting.truncate(headline, toScalars: 250)),
            "title": .string(headline),
            "text": .string(lines.joined(separator: "\n\n")),
        ]
        return Array(JSONValue.object(card).serialized.utf8)
    }

    /// Chime: `{"Content": …}`, the headline and lines one per line.
    public var chime: [UInt8] {
        let content = Alerting.truncate(([headline] + lines).joined(separator: "\n"), toScalars: ChatRenderer.chimeContentLimit)
        return Array(JSONValue.object(["Content": .string(content)]).serialized.utf8)
    }
}
