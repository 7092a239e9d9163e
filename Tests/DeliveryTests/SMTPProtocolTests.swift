import NIOCore
import NIOEmbedded
import Testing

@testable import Delivery

/// The SMTP pieces below the client: reply decoding, dot-stuffing, capabilities, receipts, error mapping.
@Suite("SMTP protocol")
struct SMTPProtocolTests {
    static func decode(_ chunks: [String]) throws -> [SMTPReply] {
        let channel = EmbeddedChannel(handler: ByteToMessageHandler(SMTPReplyDecoder()))
        for chunk in chunks {
            try channel.writeInbound(ByteBuffer(string: chunk))
        }
        var replies: [SMTPReply] = []
        while let reply = try channel.readInbound(as: SMTPReply.self) {
            replies.append(reply)
        }
        _ = try channel.finish()
        return replies
    }

    @Test("Single-line, multi-line and split replies")
    func decoding() throws {
        let replies = try Self.decode([
            "220 mail.example.com ESMTP\r\n250-mail.example.com\r\n250-PIPE",
            "LINING\r\n250-AUTH PLAIN LOGIN\r\n250 STARTTLS\r\n",
            "354\r\n",
            "221 bye\n",
        ])
        #expect(
            replies == [
                SMTPReply(code: 220, lines: ["mail.example.com ESMTP"]),
                SMTPReply(code: 250, lines: ["mail.example.com", "PIPELINING", "AUTH PLAIN LOGIN", "STARTTLS"]),
                SMTPReply(code: 354, lines: [""]),
                SMTPReply(code: 221, lines: ["bye"]),
            ]
        )
        #expect(replies[1].text == "mail.example.com PIPELINING AUTH PLAIN LOGIN STARTTLS")
    }

    @Test("Malformed and oversized replies are protocol violations")
    func malformed() throws {
        #expect(throws: DeliveryError.protocolViolation()) { try Self.decode(["hello\r\n"]) }
        #expect(throws: DeliveryError.protocolViolation()) { try Self.decode(["25x ok\r\n"]) }
        #expect(throws: DeliveryError.protocolViolation()) { try Self.decode(["250_ok\r\n"]) }
        #expect(throws: DeliveryError.protocolViolation()) { try Self.decode([String(repeating: "2", count: 5000)]) }
    }

    @Test("Capabilities from an EHLO reply")
    func capabilities() {
        let reply = SMTPReply(code: 250, lines: ["mx.example greets you", "PIPELINING", "auth=LOGIN", "AUTH PLAIN CRAM-MD5", "STARTTLS"])
        let capabilities = SMTPSession.Capabilities(ehloReply: reply)
        #expect(capabilities.startTLS)
        #expect(capabilities.authMechanisms == ["PLAIN", "LOGIN", "CRAM-MD5"])
        #expect(capabilities.keywords.contains("PIPELINING"))
        #expect(!SMTPSession.Capabilities(ehloReply: SMTPReply(code: 250, lines: ["hi", "STARTTLSX"])).startTLS)
    }

    @Test("Dot-stuffing and CRLF normalization")
    func dotStuffing() {
        func encoded(_ text: String) -> String { String(decoding: SMTPDotStuffing.encode(text), as: UTF8.self) }
        #expect(encoded("a\r\n.b\r\n") == "a\r\n..b\r\n.\r\n")
        #expect(encoded(".") == "..\r\n.\r\n")
        #expect(encoded("a\nb\rc") == "a\r\nb\r\nc\r\n.\r\n")
        #expect(encoded("x\n\n.\n") == "x\r\n\r\n..\r\n.\r\n")
        #expect(encoded("") == ".\r\n")
        #expect(encoded("no. dots. here.") == "no. dots. here.\r\n.\r\n")
    }

    @Test("Queue ids from common servers' replies")
    func queueIDs() {
        func queueID(_ reply: String) -> String? {
            SMTPReceipt(messageID: nil, replyCode: 250, reply: reply, recipients: []).queueID
        }
        #expect(queueID("2.0.0 Ok: queued as 4BX7Q21ZKHz") == "4BX7Q21ZKHz")
        #expect(queueID("OK id=1qAbCd-0001Xy-2Z") == "1qAbCd-0001Xy-2Z")
        #expect(queueID("2.0.0 5A1B2C3D4E Message accepted for delivery") == "5A1B2C3D4E")
        #expect(queueID("2.0.0 OK  1717171717 x12-20020a170902") == nil)
        #expect(queueID("Ok") == nil)
    }

    @Test("SMTP reply codes decide permanence")
    func permanence() {
        #expect(DeliveryError.smtpRejected(replyCode: 550).isPermanent)
        #expect(DeliveryError.smtpRejected(replyCode: 554).isPermanent)
        #expect(DeliveryError.smtpRejected(replyCode: 421).isTransient)
        #expect(DeliveryError.smtpRejected(replyCode: 452).isTransient)
        #expect(DeliveryError.httpRejected(status: 400).isPermanent)
        #expect(DeliveryError.httpRejected(status: 404).isPermanent)
        #expect(DeliveryError.httpRejected(status: 408).isTransient)
        #expect(DeliveryError.httpRejected(status: 429).isTransient)
        #expect(DeliveryError.httpRejected(status: 503).isTransient)
        #expect(DeliveryError.timeout().isTransient)
        #expect(DeliveryError.connectionFailed().isTransient)
        #expect(DeliveryError.invalidConfiguration().isPermanent)
        #expect(DeliveryError.invalidMessage().isPermanent)
    }

    @Test("Errors compare by kind and describe themselves")
    func errorIdentity() {
        #expect(DeliveryError.smtpRejected(replyCode: 550, "a") == DeliveryError.smtpRejected(replyCode: 421, "b"))
        #expect(DeliveryError.timeout() != DeliveryError.connectionFailed())
        #expect(
            "\(DeliveryError.httpRejected(status: 400, providerCode: 21211, "bad To"))"
                == "DeliveryError(rejected by the HTTP API, status 400, code 21211, permanent): bad To"
        )
        #expect("\(DeliveryError.timeout())" == "DeliveryError(timed out, transient)")
        #expect(Set([DeliveryError.timeout("a"), DeliveryError.timeout("b")]).count == 1)
    }
}
