extension SMTPConfiguration {
    /// The variable holding the SMTP URL.
    public static let urlVariable = "HIKESHI_SMTP_URL"
    /// The variable holding the From mailbox.
    public static let fromVariable = "HIKESHI_SMTP_FROM"

    /// The configuration from the SMTP URL and From mailbox settings (`HIKESHI_SMTP_URL`, `HIKESHI_SMTP_FROM`).
    ///
    /// - Returns: The configuration, or nil when the URL is unset or empty (email delivery is off).
    /// - Throws: ``DeliveryError/Code/invalidConfiguration`` when the URL is invalid or the From mailbox is
    ///   missing or invalid.
    public static func optional(url: String?, from: String?) throws -> SMTPConfiguration? {
        guard let url, !url.isEmpty else {
            return nil
        }
        guard let from, !from.isEmpty else {
            throw DeliveryError.invalidConfiguration("\(Self.urlVariable) is set but \(Self.fromVariable) is not")
        }
        return try SMTPConfiguration(url: url, from: from)
    }
}
