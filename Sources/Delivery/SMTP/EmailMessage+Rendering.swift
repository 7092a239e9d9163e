extension EmailMessage {
    /// The header fields this type writes itself; extra headers may not use these names.
    static let reservedHeaderNames: Set<String> = [
        "date", "message-id", "from", "to", "subject", "mime-version", "content-type", "content-transfer-encoding",
    ]

    /// The envelope: the sender's bare address and each recipient's.
    ///
    /// - Throws: ``DeliveryError/Code/invalidMessage`` when an address is invalid or there is no recipient.
    func envelope() throws -> (sender: String, recipients: [String]) {
        let sender = try Mailbox(parsing: self.from).address
        let recipients = try self.to.map { try Mailbox(parsing: $0).address }
        guard !recipients.isEmpty else {
            throw DeliveryError.invalidMessage("an email needs at least one recipient")
        }
        return (sender, recipients)
    }

    /// The message as RFC 5322 text with CRLF line ends, ending with CRLF, ready for SMTP DATA (before
    /// dot-stuffing).
    ///
    /// - Returns: The header fields, a blank line and the base64 body.
    /// - Throws: ``DeliveryError/Code/invalidMessage`` for an invalid address, no recipient, an invalid Message-ID or
    ///   an extra header with an invalid or reserved name.
    public func rendered() throws -> String {
        let from = try Mailbox(parsing: self.from)
        let recipients = try self.to.map { try Mailbox(parsing: $0) }
        guard !recipients.isEmpty else {
            throw DeliveryError.invalidMessage("an email needs at least one recipient")
        }
        guard Self.isValidMessageID(self.messageID) else {
            throw DeliveryError.invalidMessage("Message-ID must look like <id@domain>")
        }
        var lines = [
            "Date: \(MIMEEncoding.date(self.date))",
            "Message-ID: \(self.messageID)",
            "From: \(from.headerValue)",
            "To: \(recipients.map(\.headerValue).joined(separator: ",\r\n "))",
            "Subject: \(MIMEEncoding.unstructured(self.subject, headerName: "Subject"))",
        ]
        for header in self.headers {
            guard Self.isValidHeaderName(header.name) else {
                throw DeliveryError.invalidMessage("invalid header name \(header.name.debugDescription)")
            }
            guard !Self.reservedHeaderNames.contains(header.name.lowercased()) else {
                throw DeliveryError.invalidMessage("header \(header.name) is set by the message itself")
            }
            lines.append("\(header.name): \(MIMEEncoding.unstructured(header.value, headerName: header.name))")
        }
        lines += [
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
        ]
        return lines.joined(separator: "\r\n") + "\r\n\r\n" + MIMEEncoding.base64Body(self.body)
    }

    private static func isValidHeaderName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 76 && name.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: ":") }
    }

    private static func isValidMessageID(_ id: String) -> Bool {
        id.hasPrefix("<") && id.hasSuffix(">") && id.contains("@") && id.utf8.count <= 250
            && id.utf8.dropFirst().dropLast().allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") }
    }
}
