import Foundation
import HikeshiCore
import Storage

/// The texts a page sends, per channel type.
struct PageMessage {
    let page: Page
    let engagement: Engagement

    var emailSubject: String {
        "[Hikeshi] \(engagement.subject)"
    }

    var emailBody: String {
        var lines = [
            engagement.content,
            "",
            "Acknowledge this page with code \(page.acceptCode):",
            "  aws ssm-contacts accept-page --page-id \(page.arn) --accept-type READ --accept-code \(page.acceptCode)",
            "",
            "Sender: \(engagement.sender)",
            "Engagement: \(engagement.arn)",
        ]
        if let incident = engagement.incidentID {
            lines.append("Incident: \(incident)")
        }
        return lines.joined(separator: "\n")
    }

    var smsBody: String {
        let subject = engagement.publicSubject ?? engagement.subject
        let content = engagement.publicContent ?? engagement.content
        let text = "\(subject): \(content)"
        let limited = text.count > 1400 ? String(text.prefix(1400)) + "…" : text
        return "\(limited)\nReply \(page.acceptCode) to acknowledge."
    }

    var voiceText: String {
        let subject = engagement.publicSubject ?? engagement.subject
        let content = engagement.publicContent ?? engagement.content
        let code = page.acceptCode.map(String.init).joined(separator: " ")
        return "Hikeshi page. \(subject). \(content). To acknowledge, enter \(code) on your keypad."
    }
}
