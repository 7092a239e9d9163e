/// An email the desk sends: a case's communication to the addresses copied on it, or the notice to an unknown sender.
public struct DeskMail: Sendable, Equatable {
    /// One extra header field.
    public struct Header: Sendable, Equatable {
        /// The field name.
        public var name: String
        /// The field value.
        public var value: String

        /// Makes a header field.
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The recipients.
    public var recipients: [String]
    /// The subject.
    public var subject: String
    /// The plain-text body.
    public var body: String
    /// Extra header fields (`X-Hikeshi-Mail` marks every message the desk sends, so that the mail gate never reads
    /// one back as a customer's).
    public var headers: [Header]
    /// The local part of the `Message-ID` (the domain is the sender's), so that replies name their case; nil for a
    /// random one.
    public var messageIDLocalPart: String?

    /// Makes a message.
    public init(recipients: [String], subject: String, body: String, headers: [Header] = [], messageIDLocalPart: String? = nil) {
        self.recipients = recipients
        self.subject = subject
        self.body = body
        self.headers = headers
        self.messageIDLocalPart = messageIDLocalPart
    }

    /// The header that marks the desk's own messages.
    public static let markerHeader = "X-Hikeshi-Mail"
}
