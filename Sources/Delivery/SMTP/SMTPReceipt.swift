/// What the SMTP server said when it accepted a message.
public struct SMTPReceipt: Sendable, Hashable {
    /// The `Message-ID` the message was sent with, angle brackets included; nil for raw messages.
    public let messageID: String?
    /// The reply code to the end of DATA (250).
    public let replyCode: Int
    /// The reply text to the end of DATA, such as `2.0.0 Ok: queued as 4C2F1A0B3D`; record it as the provider's
    /// message id.
    public let reply: String
    /// The envelope recipients the server accepted.
    public let recipients: [String]

    /// Makes a receipt.
    ///
    /// - Parameters:
    ///   - messageID: The `Message-ID` sent, if known.
    ///   - replyCode: The reply code to the end of DATA.
    ///   - reply: The reply text to the end of DATA.
    ///   - recipients: The accepted envelope recipients.
    public init(messageID: String?, replyCode: Int, reply: String, recipients: [String]) {
        self.messageID = messageID
        self.replyCode = replyCode
        self.reply = reply
        self.recipients = recipients
    }

    /// The server's queue id when the reply names one the usual ways (Postfix and Exim `queued as X`, Sendmail
    /// `X Message accepted`, `id=X`), otherwise nil.
    public var queueID: String? {
        let words = self.reply.split(whereSeparator: { $0 == " " || $0 == "\t" })
        let trimmedSet: Set<Character> = ["(", ")", "<", ">", ",", ";", "[", "]"]
        func cleaned(_ word: Substring) -> String? {
            let value = String(word.drop(while: { trimmedSet.contains($0) }).reversed().drop(while: { trimmedSet.contains($0) }).reversed())
            return value.isEmpty ? nil : value
        }
        for (index, word) in words.enumerated() {
            if word.lowercased() == "as", index > 0, words[index - 1].lowercased() == "queued", index + 1 < words.count {
                return cleaned(words[index + 1])
            }
            if word.lowercased().hasPrefix("id=") {
                return cleaned(word.dropFirst(3))
            }
        }
        if let accepted = words.firstIndex(where: { $0.lowercased() == "message" }), accepted > 0,
            accepted + 1 < words.count, words[accepted + 1].lowercased().hasPrefix("accepted")
        {
            let candidate = words[accepted - 1]
            if !candidate.contains(".") || candidate.count > 8 {
                return cleaned(candidate)
            }
        }
        return nil
    }
}
