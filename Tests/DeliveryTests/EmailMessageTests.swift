import Foundation
import Testing

@testable import Delivery

/// Rendering messages to RFC 5322 text.
@Suite("EmailMessage")
struct EmailMessageTests {
    static let date = Date(timeIntervalSince1970: 1_717_577_043)  // 2024-06-05 08:44:03 UTC, a Wednesday.

    static func message(subject: String = "Hello", body: String = "Body", from: String = "alerts@hikeshi.test") -> EmailMessage {
        EmailMessage(
            from: from,
            to: ["oncall@example.com"],
            subject: subject,
            body: body,
            date: Self.date,
            messageID: "<fixed@hikeshi.test>"
        )
    }

    static func headerValue(_ rendered: String, _ name: String) -> String? {
        let lines = rendered.components(separatedBy: "\r\n")
        return MessageReader.split(lines).headers.first { $0.name == name }?.value
    }

    @Test("An ASCII message renders exactly")
    func exactRendering() throws {
        let rendered = try Self.message(body: "Line 1\nLine 2").rendered()
        #expect(
            rendered
                == [
                    "Date: Wed, 05 Jun 2024 08:44:03 +0000",
                    "Message-ID: <fixed@hikeshi.test>",
                    "From: alerts@hikeshi.test",
                    "To: oncall@example.com",
                    "Subject: Hello",
                    "MIME-Version: 1.0",
                    "Content-Type: text/plain; charset=utf-8",
                    "Content-Transfer-Encoding: base64",
                    "",
                    "TGluZSAxDQpMaW5lIDI=",
                    "",
                ].joined(separator: "\r\n")
        )
    }

    @Test("Every line ends with CRLF; no bare CR or LF")
    func crlfOnly() throws {
        let rendered = try Self.message(subject: "a\nb\rc", body: "x\ny\rz\r\n").rendered()
        let bytes = Array(rendered.utf8)
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") {
                #expect(index > 0 && bytes[index - 1] == UInt8(ascii: "\r"))
            }
            if byte == UInt8(ascii: "\r") {
                #expect(index + 1 < bytes.count && bytes[index + 1] == UInt8(ascii: "\n"))
            }
        }
        #expect(Self.headerValue(rendered, "Subject") == "a b c")
    }

    @Test(
        "Non-ASCII subjects are RFC 2047 words, long ones folded; every line within limits; all decode back",
        arguments: [
            "【障害】データベースが応答しません",
            "데이터베이스 장애: 즉시 확인이 필요합니다 — 데이터베이스 장애: 즉시 확인이 필요합니다",
            "数据库故障 🔥🔥🔥 👩‍👩‍👧‍👦 e\u{301}",
            String(repeating: "Very long ASCII subject ", count: 10),
            "Looks like =?UTF-8?B?x?= an encoded word",
        ]
    )
    func encodedSubjects(_ subject: String) throws {
        let rendered = try Self.message(subject: subject).rendered()
        let lines = rendered.components(separatedBy: "\r\n")
        let start = try #require(lines.firstIndex { $0.hasPrefix("Subject: ") })
        var subjectLines = [lines[start]]
        for line in lines[(start + 1)...] {
            guard line.hasPrefix(" ") else { break }
            subjectLines.append(line)
        }
        #expect(subjectLines.allSatisfy { $0.count <= ($0.contains("=?UTF-8?B?") ? 76 : 78) })
        #expect(subjectLines.allSatisfy { $0.allSatisfy(\.isASCII) })
        let value = try #require(Self.headerValue(rendered, "Subject"))
        #expect(try MessageReader.decodeEncodedWords(value) == subject)
    }

    @Test("Long ASCII is folded at spaces, not encoded; a word too long for any line is encoded")
    func folding() throws {
        let subject = "Incident   INC-42:  " + String(repeating: "the primary database cluster is not answering ", count: 4)
        let rendered = try Self.message(subject: subject).rendered()
        #expect(!rendered.contains("=?UTF-8?B?"))
        #expect(rendered.components(separatedBy: "\r\n").allSatisfy { $0.count <= 78 })
        #expect(Self.headerValue(rendered, "Subject") == subject)
        let arn = "arn:aws:ssm-contacts:us-east-1:111122223333:engagement/very-long-contact-name/0123456789abcdef0123456789abcdef"
        #expect(MIMEEncoding.unstructured(arn, headerName: "X-Hikeshi-Engagement") == arn)
        let huge = String(repeating: "x", count: 1200)
        let encoded = MIMEEncoding.unstructured(huge, headerName: "Subject")
        #expect(encoded.hasPrefix("=?UTF-8?B?"))
        #expect(try MessageReader.decodeEncodedWords(encoded.replacingOccurrences(of: "\r\n", with: "")) == huge)
    }

    @Test("Display names are quoted or encoded")
    func displayNames() throws {
        #expect(Self.headerValue(try Self.message(from: "Hikeshi Alerts <a@hikeshi.test>").rendered(), "From") == "Hikeshi Alerts <a@hikeshi.test>")
        #expect(Self.headerValue(try Self.message(from: "\"Ops, Inc.\" <a@hikeshi.test>").rendered(), "From") == "\"Ops, Inc.\" <a@hikeshi.test>")
        #expect(Self.headerValue(try Self.message(from: "Say \"hi\" <a@hikeshi.test>").rendered(), "From") == "\"Say \\\"hi\\\"\" <a@hikeshi.test>")
        let japanese = try #require(Self.headerValue(try Self.message(from: "火消し <a@hikeshi.test>").rendered(), "From"))
        #expect(japanese == "=?UTF-8?B?54Gr5raI44GX?= <a@hikeshi.test>")
    }

    @Test("Extra headers: ASCII as is, Unicode encoded, reserved and invalid names refused")
    func extraHeaders() throws {
        var message = Self.message()
        message.headers = [
            EmailMessage.Header(name: "X-Hikeshi-Engagement", value: "arn:aws:ssm-contacts:us-east-1:111122223333:engagement/x/y"),
            EmailMessage.Header(name: "X-Hikeshi-Title", value: "障害"),
        ]
        let rendered = try message.rendered()
        #expect(Self.headerValue(rendered, "X-Hikeshi-Engagement") == "arn:aws:ssm-contacts:us-east-1:111122223333:engagement/x/y")
        #expect(try MessageReader.decodeEncodedWords(Self.headerValue(rendered, "X-Hikeshi-Title") ?? "") == "障害")
        for name in ["Subject", "content-type", "Bad Name", "Bad:Name", "", "X-\r\nBcc"] {
            message.headers = [EmailMessage.Header(name: name, value: "v")]
            #expect(throws: DeliveryError.invalidMessage()) { try message.rendered() }
        }
        message.headers = [EmailMessage.Header(name: "X-Injected", value: "v\r\nBcc: evil@example.com")]
        let injected = try message.rendered()
        #expect(!injected.contains("\r\nBcc:"))
    }

    @Test("Invalid addresses and Message-IDs are refused")
    func invalidAddresses() {
        for from in ["", "nobody", "a@b", "a b@example.com", "a@example.com\r\nBcc: x@example.com", "火@example.com", "<>"] {
            #expect(throws: DeliveryError.invalidMessage()) { try Self.message(from: from).rendered() }
        }
        var message = Self.message()
        message.messageID = "no-brackets@x"
        #expect(throws: DeliveryError.invalidMessage()) { try message.rendered() }
        message.messageID = "<a b@x>"
        #expect(throws: DeliveryError.invalidMessage()) { try message.rendered() }
    }

    @Test("A generated Message-ID uses the From domain")
    func generatedMessageID() {
        let message = EmailMessage(from: "Hikeshi <alerts@mail.hikeshi.test>", to: ["a@example.com"], subject: "s", body: "b")
        #expect(message.messageID.hasPrefix("<"))
        #expect(message.messageID.hasSuffix("@mail.hikeshi.test>"))
        #expect(UUID(uuidString: String(message.messageID.dropFirst().prefix(36))) != nil)
        #expect(EmailMessage.makeMessageID(from: "junk").hasSuffix("@hikeshi.invalid>"))
    }

    @Test("Bodies: base64 in 76-character lines that decode to the CRLF text")
    func bodies() throws {
        let body = String(repeating: "火消しは障害を知らせます。", count: 20) + "\n.\nend"
        let rendered = try Self.message(body: body).rendered()
        let parts = rendered.components(separatedBy: "\r\n\r\n")
        #expect(parts.count == 2)
        let lines = parts[1].components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(lines.dropLast().allSatisfy { $0.count == 76 })
        #expect(try MessageReader.decodeBase64Body(lines) == body.replacingOccurrences(of: "\n", with: "\r\n"))
        #expect(try Self.message(body: "").rendered().hasSuffix("Content-Transfer-Encoding: base64\r\n\r\n"))
    }

    @Test(
        "RFC 5322 dates in UTC",
        arguments: [
            (0.0, "Thu, 01 Jan 1970 00:00:00 +0000"),
            (951_782_400, "Tue, 29 Feb 2000 00:00:00 +0000"),
            (1_709_251_199, "Thu, 29 Feb 2024 23:59:59 +0000"),
            (4_102_444_800, "Fri, 01 Jan 2100 00:00:00 +0000"),
            (-1, "Wed, 31 Dec 1969 23:59:59 +0000"),
            (1_717_577_043.9, "Wed, 05 Jun 2024 08:44:03 +0000"),
        ])
    func dates(_ seconds: Double, _ expected: String) {
        #expect(MIMEEncoding.date(Date(timeIntervalSince1970: seconds)) == expected)
    }
}
