import HikeshiCore

/// An email mailbox: an address with an optional display name, as in `Hikeshi <alerts@example.com>`.
struct Mailbox: Hashable, Sendable {
    /// The display name, if any.
    let displayName: String?
    /// The bare address, `local@domain`.
    let address: String

    /// Parses `local@domain`, `<local@domain>`, `Name <local@domain>` or `"Name, Inc." <local@domain>`.
    ///
    /// - Throws: ``DeliveryError/Code/invalidMessage`` for anything else, including non-ASCII addresses (SMTPUTF8 is
    ///   not used) and line breaks anywhere.
    init(parsing text: String) throws {
        guard !text.contains(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } }) else {
            throw DeliveryError.invalidMessage("an email address must not contain control characters or line breaks")
        }
        let trimmed = text.trimmingWhitespace()
        var address = trimmed
        var displayName: String?
        if trimmed.hasSuffix(">"), let open = trimmed.lastIndex(of: "<") {
            address = String(trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)])
            var name = String(trimmed[..<open]).trimmingWhitespace()
            if name.count >= 2, name.hasPrefix("\""), name.hasSuffix("\"") {
                name = Self.unquoted(name.dropFirst().dropLast())
            }
            displayName = name.isEmpty ? nil : name
        }
        guard address.allSatisfy(\.isASCII), DeliveryAddress.isEmailAddress(address) else {
            throw DeliveryError.invalidMessage("not a usable email address: \(Self.redactedForError(address))")
        }
        self.displayName = displayName
        self.address = address
    }

    /// The domain part of the address.
    var domain: Substring {
        self.address[self.address.index(after: self.address.lastIndex(of: "@") ?? self.address.startIndex)...]
    }

    /// The mailbox as written in a From or To header, display name quoted or RFC 2047-encoded as needed.
    var headerValue: String {
        guard let displayName = self.displayName else {
            return self.address
        }
        return "\(MIMEEncoding.phrase(displayName)) <\(self.address)>"
    }

    private static func unquoted(_ text: Substring) -> String {
        var result = ""
        var escaped = false
        for character in text {
            if escaped {
                result.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else {
                result.append(character)
            }
        }
        return result
    }

    private static func redactedForError(_ address: String) -> String {
        address.count > 100 ? String(address.prefix(100)) + "…" : address
    }
}
