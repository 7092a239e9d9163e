import Foundation

/// One RFC 5322 message as the mail gate reads it: its headers (unfolded, encoded words decoded), who sent it, the
/// text a person wrote (the first `text/plain` part, else the text of the first `text/html` one) and its attachments,
/// all decoded from their transfer encodings and character sets.
public struct MailMessage: Sendable, Equatable {
    /// An attached file.
    public struct Attachment: Sendable, Equatable {
        /// The file name (`attachment` when the message gives none).
        public var fileName: String
        /// The MIME type, lower-cased.
        public var contentType: String
        /// The decoded content.
        public var data: [UInt8]

        /// Creates a value.
        public init(fileName: String, contentType: String, data: [UInt8]) {
            self.fileName = fileName
            self.contentType = contentType
            self.data = data
        }
    }

    /// A header field.
    public struct Header: Sendable, Equatable {
        /// The name as written.
        public var name: String
        /// The value, unfolded, encoded words decoded.
        public var value: String
    }

    /// The headers in order.
    public var headers: [Header]
    /// The text a person wrote.
    public var text: String
    /// The attached files.
    public var attachments: [Attachment]

    /// The first header named `name` (case-insensitive).
    public func header(_ name: String) -> String? {
        Self.value(of: name, in: headers)
    }

    /// The first header named `name` (case-insensitive) of `headers`.
    static func value(of name: String, in headers: [Header]) -> String? {
        headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
    }

    /// The subject, or empty.
    public var subject: String { header("Subject")?.trimmingCharacters(in: .whitespaces) ?? "" }

    /// The sender's address, lower-cased, from `From` (`Name <a@b>` or a bare address); nil when there is none.
    public var fromAddress: String? {
        header("From").flatMap(Self.address)
    }

    /// The `Message-ID`, without its angle brackets.
    public var messageID: String? {
        header("Message-ID").flatMap(Self.address)
    }

    /// The message ids of `In-Reply-To` and `References`, without angle brackets, each once, in order.
    public var replyReferences: [String] {
        [header("In-Reply-To"), header("References")].compactMap { $0 }.flatMap { value in
            value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "," }).map {
                $0.trimmingCharacters(in: CharacterSet(charactersIn: "<>"))
            }
        }
        .filter { !$0.isEmpty }
        .reduce(into: [String]()) { ids, id in
            if !ids.contains(id) { ids.append(id) }
        }
    }

    /// Whether a machine sent it and no one must answer: an auto-reply (`Auto-Submitted` other than `no`,
    /// `X-Autoreply`, `X-Autorespond`), a list or bulk message (`Precedence: bulk|junk|list`, `List-Id`), or a bounce
    /// (the null `Return-Path` — empty, or Postfix's `MAILER-DAEMON` —, `multipart/report`, a mailer daemon's address).
    public var isAutomatic: Bool {
        if let submitted = header("Auto-Submitted"), submitted.trimmingCharacters(in: .whitespaces).lowercased() != "no" {
            return true
        }
        if header("X-Autoreply") != nil || header("X-Autorespond") != nil || header("List-Id") != nil {
            return true
        }
        if let precedence = header("Precedence")?.trimmingCharacters(in: .whitespaces).lowercased(), ["bulk", "junk", "list"].contains(precedence) {
            return true
        }
        if let returnPath = header("Return-Path")?.trimmingCharacters(in: CharacterSet(charactersIn: " \t<>")) {
            // The null sender, as written by the mail server: `<>`, or Postfix pipe's `<MAILER-DAEMON>` stand-in.
            if returnPath.isEmpty || returnPath.lowercased() == "mailer-daemon" { return true }
        }
        if header("Content-Type")?.lowercased().contains("multipart/report") == true {
            return true
        }
        let local = fromAddress?.split(separator: "@").first.map(String.init) ?? ""
        return ["mailer-daemon", "postmaster"].contains(local)
    }

    /// The address inside a header value, lower-cased: between `<` and `>` when present, else the first word with an
    /// `@` (`a@b (Comment)`), else the value.
    public static func address(_ value: String) -> String? {
        var candidate = Substring(value)
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            candidate = value[value.index(after: open)..<close]
        } else if let word = value.split(whereSeparator: { $0 == " " || $0 == "\t" }).first(where: { $0.contains("@") }) {
            candidate = word
        }
        let trimmed = candidate.trimmingCharacters(in: .whitespaces).lowercased()
        return trimmed.isEmpty ? nil : trimmed
    }
}
