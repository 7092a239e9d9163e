import Delivery
import Foundation
import Logging
import Paging

/// Sends pages by SMTP and Twilio, as configured; a channel type without a provider fails permanently.
struct DeliveryPageSender: PageSender {
    let smtp: SMTPClient?
    let twilio: TwilioClient?
    /// The server's public base URL, for the voice call's keypad callback.
    let publicURL: String?

    func sendEmail(to address: String, subject: String, body: String) async throws -> String {
        guard let smtp else {
            throw PageSendFailure(isPermanent: true, "email delivery is not configured (set HIKESHI_SMTP_URL and HIKESHI_SMTP_FROM)")
        }
        return try await translating {
            let receipt = try await smtp.send(to: [address], subject: subject, body: body)
            return receipt.queueID ?? receipt.messageID ?? "smtp-\(receipt.replyCode)"
        }
    }

    func sendSMS(to number: String, body: String, page: PageReference?) async throws -> String {
        guard let twilio else {
            throw PageSendFailure(isPermanent: true, "SMS delivery is not configured (set HIKESHI_TWILIO_ACCOUNT_SID, _AUTH_TOKEN and _FROM)")
        }
        let callback = page.flatMap(statusCallback)
        return try await translating { try await twilio.sendSMS(to: number, body: body, statusCallback: callback).sid }
    }

    func placeCall(to number: String, message: String, page: PageReference?) async throws -> String {
        guard let twilio else {
            throw PageSendFailure(isPermanent: true, "voice delivery is not configured (set HIKESHI_TWILIO_ACCOUNT_SID, _AUTH_TOKEN and _FROM)")
        }
        let twiml: TwiML
        if let page, let publicURL {
            twiml = TwiML.page(
                message: message,
                language: .english,
                numDigits: page.acceptCode.count,
                action: "\(publicURL)/webhooks/twilio/voice?page=\(Self.encode(page.pageArn))&channel=\(Self.encode(page.channelArn))",
                repeatCount: 2,
                timeout: 10,
                closing: "No code was entered. Goodbye."
            )
        } else {
            twiml = TwiML([.say(message, language: .english, loop: 2)])
        }
        let callback = page.flatMap(statusCallback)
        return try await translating { try await twilio.placeCall(to: number, twiml: twiml, statusCallback: callback).sid }
    }

    /// Where Twilio reports what happened to a page's message.
    private func statusCallback(_ page: PageReference) -> String? {
        publicURL.map { "\($0)/webhooks/twilio/status?page=\(Self.encode(page.pageArn))&channel=\(Self.encode(page.channelArn))" }
    }

    private static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? text
    }

    private func translating(_ body: () async throws -> String) async throws -> String {
        do {
            return try await body()
        } catch let error as DeliveryError {
            throw PageSendFailure(isPermanent: error.isPermanent, error.description)
        }
    }
}
