import Foundation
import HikeshiCore
import Testing

/// Messages written by Python's email package (`make_fixtures.py`) in each charset a desk receives, read back.
@Suite("Mail messages")
struct MailMessageTests {
    struct Expected: Decodable {
        var subject: String
        var sender: String
        var text: String
        var automatic: Bool
        var references: [String]?
        var attachments: [[AttachmentFact]]?
    }

    enum AttachmentFact: Decodable, Equatable {
        case text(String)
        case number(Int)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let number = try? container.decode(Int.self) {
                self = .number(number)
            } else {
                self = .text(try container.decode(String.self))
            }
        }
    }

    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static let names = ["iso-2022-jp", "shift_jis", "euc-kr", "gb2312", "gbk", "reply-with-attachment", "html-only", "auto-reply", "bounce", "bulk"]

    @Test("each fixture reads as written", arguments: names)
    func fixture(_ name: String) throws {
        let expected = try #require(
            try JSONDecoder().decode([String: Expected].self, from: Data(contentsOf: Self.folder.appendingPathComponent("expected.json")))[name])
        let bytes = [UInt8](try Data(contentsOf: Self.folder.appendingPathComponent("\(name).eml")))
        let message = try MailMessage(parsing: bytes)
        #expect(message.subject == expected.subject)
        #expect(message.fromAddress == expected.sender)
        #expect(message.text.trimmingCharacters(in: .whitespacesAndNewlines) == expected.text)
        #expect(message.isAutomatic == expected.automatic)
        if let references = expected.references {
            #expect(message.replyReferences == references)
        }
        let attachments = message.attachments.map { [AttachmentFact.text($0.fileName), .text($0.contentType), .number($0.data.count)] }
        #expect(attachments == (expected.attachments ?? []))
    }

    @Test("CRLF line ends, folded headers and an encoded word split inside a character")
    func crlfAndSplitWords() throws {
        // 「障害」 in ISO-2022-JP split across two encoded words (ESC $ B 3 c 3 2 ESC ( B), as some mailers write it.
        let raw = "Subject: =?ISO-2022-JP?B?GyRCPg==?=\r\n =?ISO-2022-JP?B?YzMyGyhC?= report\r\nFrom: a@b.example\r\n\r\nbody\r\n"
        let message = try MailMessage(parsing: Array(raw.utf8))
        #expect(message.subject == "障害 report")
        #expect(message.text == "body\n")
    }

    @Test("not a message, or too large")
    func refused() {
        #expect(throws: MailParseError.noHeaders) { try MailMessage(parsing: Array("\r\njust a body".utf8)) }
        #expect(throws: MailParseError.tooLarge(limit: MailMessage.maximumSize)) {
            try MailMessage(parsing: [UInt8](repeating: 65, count: MailMessage.maximumSize + 1))
        }
    }

    @Test(
        "odd input never crashes",
        arguments: [
            "From: a@b\n\n", "Content-Type: multipart/mixed; boundary=x\n\n--x\n--x--", "Content-Type: multipart/mixed; boundary=\"\"\n\nbody",
            "Subject: =?utf-8?B?\n\n", "Subject: =?utf-8?Q?=E3=8\n\n", "Content-Transfer-Encoding: base64\n\n====",
            "Content-Transfer-Encoding: quoted-printable\n\n=",
            "Content-Type: text/plain; charset=\"x-unknown\"\n\n\u{00FF}", "Subject: =??B?AAAA?=\n\n",
        ])
    func odd(_ raw: String) throws {
        let message = try MailMessage(parsing: Array(raw.utf8))
        #expect(!message.headers.isEmpty, "the header read, whatever follows")
    }

    @Test("a multipart bomb stops at its depth and part limits")
    func nesting() throws {
        var raw = "From: a@b\nContent-Type: multipart/mixed; boundary=b0\n\n"
        for level in 1..<40 {
            raw += "--b\(level - 1)\nContent-Type: multipart/mixed; boundary=b\(level)\n\n"
        }
        raw += "--b39\nContent-Type: text/plain\n\ndeep\n"
        let message = try MailMessage(parsing: Array(raw.utf8))
        #expect(message.text.isEmpty, "text below the depth limit is not read")
    }
}
