/// Whether the server sends its messages or prints them (`dev.mail`, `--dev-mail`, `HIKESHI_DEV_MAIL`).
public enum DevMail: String, Sendable, CaseIterable {
    /// Messages go through SMTP and Twilio as configured (the default).
    case off
    /// Every email, SMS and voice message is printed to standard output and counted as delivered; SMTP and Twilio are not
    /// used even when configured.
    case log
}
