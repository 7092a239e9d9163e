/// Renders a ``ChatEvent`` as the JSON body that a chat webhook takes: Slack (text and Block Kit blocks, with
/// Acknowledge and Resolve buttons while the incident is open), Microsoft Teams (a MessageCard) and Amazon Chime
/// (`{"Content": …}`). Keys are sorted and the output depends on nothing but the event, so equal events render to
/// equal bytes.
public enum ChatRenderer {
    /// The most characters of a Slack section's text.
    static let slackSectionLimit = 3000
    /// The most characters of a Chime message.
    static let chimeContentLimit = 4096

    /// A Slack message: `text` (the notification fallback) and `blocks`: a `section` with the headline, a note's
    /// text, impact and status; a `context` with the incident ARN; and, while the incident is open, an `actions`
    /// block with buttons whose `action_id` is ``SlackInteraction/acknowledgeActionID`` or
    /// ``SlackInteraction/resolveActionID`` and whose `value` is the incident ARN.
    ///
    /// - Parameter event: The event.
    /// - Returns: The JSON body.
    public static func slack(_ event: ChatEvent) -> [UInt8] {
        let title: String
        if let link = event.link {
            let url = link.replacing("|", with: "%7C").replacing(">", with: "%3E").replacing("<", with: "%3C")
            title = "<\(url)|\(slackEscape(event.incidentTitle))>"
        } else {
            title = "*\(slackEscape(event.incidentTitle))*"
        }
        var lines = [headline(event, title: title, escape: slackEscape)]
        if case .note(_, let text) = event.kind {
            lines.append(text.split(separator: "\n", omittingEmptySubsequences: false).map { ">" + slackEscape(String($0)) }.joined(separator: "\n"))
        }
        lines.append("*Impact:* \(impactText(event.impact))    *Status:* \(event.isOpen ? "OPEN" : "RESOLVED")")
        var blocks: [JSONValue] = [
            .object([
                "type": .string("section"),
                "text": .object([
                    "type": .string("mrkdwn"),
                    "text": .string(Alerting.truncate(lines.joined(separator: "\n"), toScalars: slackSectionLimit)),
                ]),
            ]),
            .object([
                "type": .string("context"),
                "elements": .array([
                    .object([
                        "type": .string("mrkdwn"),
                        "text": .string(Alerting.truncate("Incident `\(event.incidentArn)`", toScalars: slackSectionLimit)),
                    ])
                ]),
            ]),
        ]
        if event.isOpen {
            blocks.append(
                .object([
                    "type": .string("actions"),
                    "block_id": .string("hikeshi.incident"),
                    "elements": .array([
                        button(SlackInteraction.acknowledgeActionID, label: "Acknowledge", value: event.incidentArn, style: "primary"),
                        button(SlackInteraction.resolveActionID, label: "Resolve", value: event.incidentArn, style: nil),
                    ]),
                ]))
        }
        let document = JSONValue.object([
            "text": .string(Alerting.truncate(plainText(event), toScalars: slackSectionLimit)),
            "blocks": .array(blocks),
        ])
        return Array(document.serialized.utf8)
    }

    /// A Microsoft Teams MessageCard: `@type` `MessageCard`, `@context` `https://schema.org/extensions`, `summary`
    /// and `title` (the headline), `text` (Markdown: a note's text, impact, status, ARN), `themeColor` (green once
    /// resolved, else by impact), and an `OpenUri` action when the event has a link.
    ///
    /// - Parameter event: The event.
    /// - Returns: The JSON body.
    public static func teams(_ event: ChatEvent) -> [UInt8] {
        let headline = headline(event, title: event.incidentTitle, escape: { $0 })
        var paragraphs: [String] = []
        if case .note(_, let text) = event.kind { paragraphs.append(text) }
        paragraphs.append("**Impact:** \(impactText(event.impact))")
        paragraphs.append("**Status:** \(event.isOpen ? "OPEN" : "RESOLVED")")
        paragraphs.append("**Incident:** \(event.incidentArn)")
        var card: [String: JSONValue] = [
            "@type": .string("MessageCard"),
            "@context": .string("https://schema.org/extensions"),
            "summary": .string(Alerting.truncate(headline, toScalars: 250)),
            "title": .string(headline),
            "text": .string(paragraphs.joined(separator: "\n\n")),
            "themeColor": .string(themeColor(event)),
        ]
        if let link = event.link {
            card["potentialAction"] = .array([
                .object([
                    "@type": .string("OpenUri"),
                    "name": .string("Open incident"),
                    "targets": .array([.object(["os": .string("default"), "uri": .string(link)])]),
                ])
            ])
        }
        return Array(JSONValue.object(card).serialized.utf8)
    }

    /// An Amazon Chime webhook message: `{"Content": …}` with the headline, a note's text, impact and status, the ARN
    /// and the link, one per line, at most 4096 characters.
    ///
    /// - Parameter event: The event.
    /// - Returns: The JSON body.
    public static func chime(_ event: ChatEvent) -> [UInt8] {
        var lines = [headline(event, title: event.incidentTitle, escape: { $0 })]
        if case .note(_, let text) = event.kind { lines.append(text) }
        lines.append("Impact: \(impactText(event.impact)) · Status: \(event.isOpen ? "OPEN" : "RESOLVED")")
        lines.append(event.incidentArn)
        if let link = event.link { lines.append(link) }
        let content = Alerting.truncate(lines.joined(separator: "\n"), toScalars: chimeContentLimit)
        return Array(JSONValue.object(["Content": .string(content)]).serialized.utf8)
    }

    /// The event in one line of plain text (a note's text included), as a notification fallback.
    ///
    /// - Parameter event: The event.
    /// - Returns: The text.
    public static func plainText(_ event: ChatEvent) -> String {
        let line = headline(event, title: event.incidentTitle, escape: { $0 })
        if case .note(_, let text) = event.kind { return line + ": " + text }
        return line
    }

    /// The headline, `title` already formatted for the platform and other event text passed through `escape`.
    static func headline(_ event: ChatEvent, title: String, escape: (String) -> String) -> String {
        switch event.kind {
        case .created:
            "Incident started: \(title)"
        case .impactChanged(let old, let new):
            "Impact of \(title) changed from \(impactText(old)) to \(impactText(new))"
        case .note(let author, _):
            "\(escape(author)) added a note to \(title)"
        case .acknowledged(let by):
            "\(escape(by)) acknowledged \(title)"
        case .statusChanged(let old, let new):
            "Status of \(title) changed from \(old.rawValue) to \(new.rawValue)"
        case .resolved:
            "Incident resolved: \(title)"
        case .absorbed(let source, let alertTitle):
            "Another alert joined \(title): \(escape(alertTitle)) (from \(escape(source)))"
        case .engagementStarted(let contact):
            "Engaging \(escape(contact)) for \(title)"
        }
    }

    /// `1 (Critical)`.
    static func impactText(_ impact: Int) -> String {
        "\(impact) (\(ChatEvent.impactName(impact)))"
    }

    /// Slack's `mrkdwn` escapes: `&`, `<` and `>`.
    static func slackEscape(_ text: String) -> String {
        text.replacing("&", with: "&amp;").replacing("<", with: "&lt;").replacing(">", with: "&gt;")
    }

    /// Green once resolved; else red, orange, yellow, blue or grey by impact.
    static func themeColor(_ event: ChatEvent) -> String {
        guard event.isOpen else { return "2EB67D" }
        switch event.impact {
        case 1: return "D13212"
        case 2: return "FF9900"
        case 3: return "F2C744"
        case 4: return "3B73B9"
        default: return "7D8998"
        }
    }

    private static func button(_ actionID: String, label: String, value: String, style: String?) -> JSONValue {
        var button: [String: JSONValue] = [
            "type": .string("button"),
            "action_id": .string(actionID),
            "text": .object(["type": .string("plain_text"), "text": .string(label)]),
            "value": .string(value),
        ]
        if let style { button["style"] = .string(style) }
        return .object(button)
    }
}
