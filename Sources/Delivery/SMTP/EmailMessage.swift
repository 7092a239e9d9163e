import Foundation

/// A plain-text email: sender, recipients, subject, UTF-8 body and extra header fields.
///
/// ``rendered()`` turns it into RFC 5322 text with CRLF line ends: `Date`, `Message-ID`, `From`, `To`, `Subject`
/// (RFC 2047-encoded when not plain ASCII), the extra headers, then a `text/plain; charset=utf-8` body in base64.
public struct EmailMessage: Sendable, Hashable {
    /// One extra header field.
    public struct Header: Sendable, Hashable {
        /// The field name, such as `X-Hikeshi-Engagement`.
        public var name: String
        /// The field value; RFC 2047-encoded on rendering when not plain ASCII.
        public var value: String

        /// Makes a header field.
        ///
        /// - Parameters:
        ///   - name: The field name: printable ASCII without spaces or colons.
        ///   - value: The field value.
        public init(name: String, value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The From mailbox: `alerts@example.com` or `Hikeshi <alerts@example.com>`; its address is also the envelope
    /// sender (MAIL FROM).
    public var from: String
    /// The recipients, each `addr@example.com` or `Name <addr@example.com>`; each is also an envelope recipient.
    public var to: [String]
    /// The subject, any Unicode text; line breaks become spaces.
    public var subject: String
    /// The plain-text body; any line break style, sent with CRLF.
    public var body: String
    /// Extra header fields, in order, such as `X-Hikeshi-Engagement`.
    public var headers: [Header]
    /// The `Date` field.
    public var date: Date
    /// The `Message-ID` field, with its angle brackets: `<uuid@domain>`.
    public var messageID: String

    /// Makes a message.
    ///
    /// - Parameters:
    ///   - from: The From mailbox.
    ///   - to: The recipients.
    ///   - subject: The subject.
    ///   - body: The plain-text body.
    ///   - headers: Extra header fields.
    ///   - date: The `Date` field; now by default.
    ///   - messageID: The `Message-ID` with angle brackets; nil for `<random-uuid@domain-of-from>`.
    public init(
        from: String,
        to: [String],
        subject: String,
        body: String,
        headers: [Header] = [],
        date: Date = Date(),
        messageID: String? = nil
    ) {
        self.from = from
        self.to = to
        self.subject = subject
        self.body = body
        self.headers = headers
        self.date = date
        self.messageID = messageID ?? Self.makeMessageID(from: from)
    }

    /// A new `<uuid@domain>` Message-ID, the domain being the From address's (or `hikeshi.invalid` when the From
    /// address cannot be parsed).
    ///
    /// - Parameter from: The From mailbox.
    /// - Returns: The Message-ID with its angle brackets.
    public static func makeMessageID(from: String) -> String {
        let domain = (try? Mailbox(parsing: from)).map { String($0.domain) } ?? "hikeshi.invalid"
        return "<\(UUID().uuidString.lowercased())@\(domain)>"
    }
}
