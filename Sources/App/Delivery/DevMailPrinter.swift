import Foundation
import Logging
import Paging
import SupportAPI

/// Development delivery (`hikeshi serve --dev-mail=log`): every email, SMS and voice message the server would send —
/// activation codes, pages with their accept codes, support mail — is printed to standard output as one readable block
/// and counts as delivered (the page gets its `SENT` receipt with a `dev-mail-…` id, so its printed code accepts it).
///
/// It replaces SMTP and Twilio even when they are configured: someone who turns it on expects nothing to leave the
/// machine, so sending as well would surprise them; start-up says so loudly instead of refusing. Only what a message
/// itself says is printed (the codes are the point); provider credentials never reach this type.
struct DevMailPrinter: PageSender, CaseMailer {
    /// Where blocks go: one call per message.
    let output: @Sendable (String) -> Void
    let logger: Logger

    /// A printer writing to standard output (one `write(2)` per message, so concurrent messages do not interleave).
    init(logger: Logger, output: @escaping @Sendable (String) -> Void = DevMailPrinter.standardOutput) {
        self.output = output
        self.logger = logger
    }

    func sendEmail(to address: String, subject: String, body: String) async throws -> String {
        emit(channel: "EMAIL", to: [address], subject: subject, body: body, acceptCode: nil)
    }

    func sendSMS(to number: String, body: String, page: PageReference?) async throws -> String {
        emit(channel: "SMS", to: [number], subject: nil, body: body, acceptCode: page?.acceptCode)
    }

    func placeCall(to number: String, message: String, page: PageReference?) async throws -> String {
        emit(channel: "VOICE", to: [number], subject: nil, body: message, acceptCode: page?.acceptCode)
    }

    func send(_ mail: DeskMail) async throws {
        _ = emit(channel: "EMAIL", to: mail.recipients, subject: mail.subject, body: mail.body, acceptCode: nil)
    }

    private func emit(channel: String, to recipients: [String], subject: String?, body: String, acceptCode: String?) -> String {
        let id = "dev-mail-\(UUID().uuidString.lowercased())"
        output(Self.block(id: id, channel: channel, to: recipients, subject: subject, body: body, acceptCode: acceptCode))
        logger.info(
            "dev mail printed", metadata: ["delivery.channel": .string(channel), "delivery.message_id": .string(id)])
        return id
    }

    /// One message as printed: a header line naming the channel, `To:`, `Subject:` and `Accept code:` when there are
    /// any, a blank line, the body, and an end line. Control characters other than newline and tab are shown as `?`, so
    /// a message cannot drive the terminal.
    static func block(id: String, channel: String, to recipients: [String], subject: String?, body: String, acceptCode: String?) -> String {
        var lines = ["----- hikeshi dev mail: \(channel) (printed, not sent; \(id)) -----", "To: \(clean(recipients.joined(separator: ", ")))"]
        if let subject { lines.append("Subject: \(clean(subject))") }
        if let acceptCode { lines.append("Accept code: \(clean(acceptCode))") }
        lines.append("")
        lines.append(clean(body, keepingLines: true))
        lines.append("----- end of dev mail \(id) -----")
        return lines.joined(separator: "\n") + "\n"
    }

    private static func clean(_ text: String, keepingLines: Bool = false) -> String {
        let kept = text.replacingOccurrences(of: "\r\n", with: "\n")
        return String(
            String.UnicodeScalarView(
                kept.unicodeScalars.map { scalar in
                    if keepingLines && (scalar == "\n" || scalar == "\t") { return scalar }
                    let isControl = scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                    return isControl ? "?" : scalar
                }))
    }

    /// Writes `text` to standard output in one `write(2)`.
    @Sendable static func standardOutput(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let written = write(STDOUT_FILENO, bytes.baseAddress.map { $0 + offset }, bytes.count - offset)
                if written <= 0 { return }
                offset += written
            }
        }
    }
}
