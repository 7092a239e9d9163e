import ContactsAPI
import Delivery
import Foundation
import HTTPTypes
import HikeshiCore
import Hummingbird
import Logging
import NIOCore

/// Twilio's callbacks: SMS replies (acknowledge, STOP, START, activation codes) and keypad digits
/// during a page call. Every request must carry a valid `X-Twilio-Signature`.
struct TwilioWebhooks: Sendable {
    let contacts: ContactsHandler
    let signature: TwilioSignature
    /// The public base URL Twilio calls (signatures cover the full URL); the request's own URL if nil.
    let publicURL: String?
    let logger: Logger

    static let signatureField = HTTPField.Name.known("X-Twilio-Signature")

    func register(on router: Router<HikeshiRequestContext>) {
        registerStatus(on: router)
        router.post("/webhooks/twilio/sms") { request, _ in
            try await handle(request) { form in
                let from = form.first { $0.name == "From" }?.value ?? ""
                let body = form.first { $0.name == "Body" }?.value ?? ""
                let outcome = try await contacts.handleSMSReply(from: from, body: body, logger: logger)
                logger.info("sms reply", metadata: ["reply.outcome": .string(String(describing: outcome))])
                return TwiML.messageXML(outcome.replyText)
            }
        }
        router.post("/webhooks/twilio/voice") { request, _ in
            try await handle(request) { form in
                let digits = form.first { $0.name == "Digits" }?.value ?? ""
                let page = request.uri.queryParameters.get("page").map { String($0) } ?? ""
                let channel = request.uri.queryParameters.get("channel").map { String($0) }
                let outcome = try await contacts.handleVoiceDigits(pageArn: page, channelArn: channel, digits: digits, logger: logger)
                logger.info("voice reply", metadata: ["reply.outcome": .string(String(describing: outcome))])
                let text = outcome == .notRecognized ? "That code is not correct. Goodbye." : "Acknowledged. Thank you."
                return TwiML([.say(text, language: .english)]).xml
            }
        }
    }

    private func registerStatus(on router: Router<HikeshiRequestContext>) {
        router.post("/webhooks/twilio/status") { request, _ in
            try await handle(request) { form in
                let value = { (name: String) in form.first { $0.name == name }?.value }
                let page = request.uri.queryParameters.get("page").map { String($0) } ?? ""
                let channel = request.uri.queryParameters.get("channel").map { String($0) } ?? ""
                let status = value("MessageStatus") ?? value("CallStatus") ?? ""
                let sid = value("MessageSid") ?? value("CallSid") ?? ""
                try await contacts.recordDeliveryStatus(pageArn: page, channelArn: channel, status: status, providerID: sid, logger: logger)
                return #"<?xml version="1.0" encoding="UTF-8"?><Response></Response>"#
            }
        }
    }

    private func handle(_ request: Request, _ body: ([(name: String, value: String)]) async throws -> String) async throws -> Response {
        var request = request
        let buffer = try await request.readBody(upTo: 64 * 1024)
        let formBody = String(buffer: buffer)
        let url = (publicURL ?? "http://\(request.head.authority ?? "localhost")") + request.uri.description
        guard let provided = request.headers[Self.signatureField], signature.isValid(provided, url: url, formBody: formBody) else {
            logger.warning("twilio webhook with a bad signature", metadata: ["http.path": .string(request.uri.path)])
            return Response(status: .forbidden)
        }
        let xml = try await body(FormEncoding.decode(formBody))
        var headers = HTTPFields()
        headers[.contentType] = "text/xml; charset=utf-8"
        return Response(status: .ok, headers: headers, body: .init(byteBuffer: ByteBuffer(string: xml)))
    }
}

extension TwiML {
    /// A messaging reply: `<Response><Message>text</Message></Response>`.
    static func messageXML(_ text: String) -> String {
        #"<?xml version="1.0" encoding="UTF-8"?><Response><Message>"# + TwiML.escape(text) + "</Message></Response>"
    }
}
