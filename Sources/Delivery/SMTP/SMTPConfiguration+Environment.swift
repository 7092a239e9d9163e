extension SMTPConfiguration {
    /// The variable holding the SMTP URL.
    public static let urlVariable = "HIKESHI_SMTP_URL"
    /// The variable holding the From mailbox.
    public static let fromVariable = "HIKESHI_SMTP_FROM"

    /// Reads the configuration from `HIKESHI_SMTP_URL` and `HIKESHI_SMTP_FROM`.
    ///
    /// - Parameter environment: The process environment (inject `ProcessInfo.processInfo.environment`).
    /// - Returns: The configuration, or nil when `HIKESHI_SMTP_URL` is unset or empty (email delivery is off).
    /// - Throws: ``DeliveryError/Code/invalidConfiguration`` when the URL is invalid or `HIKESHI_SMTP_FROM` is
    ///   missing or invalid.
    public static func fromEnvironment(_ environment: [String: String]) throws -> SMTPConfiguration? {
        guard let url = environment[Self.urlVariable], !url.isEmpty else {
            return nil
        }
        guard let from = environment[Self.fromVariable], !from.isEmpty else {
            throw DeliveryError.invalidConfiguration("\(Self.urlVariable) is set but \(Self.fromVariable) is not")
        }
        return try SMTPConfiguration(url: url, from: from)
    }
}
