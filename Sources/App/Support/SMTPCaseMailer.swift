import Delivery
import SupportAPI

/// Sends the support desk's emails through the configured SMTP server.
struct SMTPCaseMailer: CaseMailer {
    let smtp: SMTPClient

    func send(_ mail: DeskMail) async throws {
        let from = smtp.configuration.from
        // The random id's domain is the From address's: the desk's own ids share it.
        let domain = EmailMessage.makeMessageID(from: from).split(separator: "@").last.map { String($0.dropLast()) } ?? "hikeshi.invalid"
        let message = EmailMessage(
            from: from, to: mail.recipients, subject: mail.subject, body: mail.body,
            headers: mail.headers.map { EmailMessage.Header(name: $0.name, value: $0.value) },
            messageID: mail.messageIDLocalPart.map { "<\($0)@\(domain)>" })
        _ = try await smtp.send(message)
    }
}
