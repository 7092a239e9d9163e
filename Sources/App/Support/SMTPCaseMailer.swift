import Delivery
import SupportAPI

/// Sends the support desk's case emails through the configured SMTP server.
struct SMTPCaseMailer: CaseMailer {
    let smtp: SMTPClient

    func send(to recipients: [String], subject: String, body: String) async throws {
        _ = try await smtp.send(to: recipients, subject: subject, body: body)
    }
}
