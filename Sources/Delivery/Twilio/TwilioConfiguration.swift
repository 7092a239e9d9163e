import HikeshiCore

/// A Twilio account to send SMS and place calls from.
///
/// ``description`` never shows the auth token.
public struct TwilioConfiguration: Sendable, CustomStringConvertible, CustomReflectable {
    /// The default API base URL.
    public static let defaultBaseURL = "https://api.twilio.com"
    /// The variable holding the API base URL (for a test double).
    public static let baseURLVariable = "HIKESHI_TWILIO_BASE_URL"

    /// The account SID (`AC...`), also the HTTP Basic user name.
    public var accountSID: String
    /// The auth token: the HTTP Basic password and the key that signs Twilio's webhooks.
    public var authToken: String
    /// The E.164 number (or messaging sender) messages and calls come from.
    public var fromNumber: String
    /// The API base URL without a trailing slash, such as `https://api.twilio.com`.
    public var baseURL: String

    /// Makes a configuration.
    ///
    /// - Parameters:
    ///   - accountSID: The account SID.
    ///   - authToken: The auth token.
    ///   - fromNumber: The sending number.
    ///   - baseURL: The API base URL; a trailing slash is dropped.
    public init(accountSID: String, authToken: String, fromNumber: String, baseURL: String = TwilioConfiguration.defaultBaseURL) {
        self.accountSID = accountSID
        self.authToken = authToken
        self.fromNumber = fromNumber
        var base = baseURL
        while base.hasSuffix("/") {
            base.removeLast()
        }
        self.baseURL = base
    }

    /// The account, sender and base URL; the token is left out.
    public var description: String {
        "TwilioConfiguration(accountSID: \(self.accountSID), authToken: <redacted>, fromNumber: \(self.fromNumber), baseURL: \(self.baseURL))"
    }

    /// The fields for `dump` and debuggers, the token redacted.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "accountSID": self.accountSID, "authToken": "<redacted>", "fromNumber": self.fromNumber, "baseURL": self.baseURL,
            ]
        )
    }

    /// The configuration from the Twilio settings (`HIKESHI_TWILIO_ACCOUNT_SID`, `HIKESHI_TWILIO_AUTH_TOKEN`,
    /// `HIKESHI_TWILIO_FROM` and the optional `HIKESHI_TWILIO_BASE_URL`).
    ///
    /// - Returns: The configuration, or nil unless the SID, the token and the sender are all set and non-empty
    ///   (Twilio delivery is off).
    /// - Throws: ``DeliveryError/Code/invalidConfiguration`` when the base URL is not an http or https URL.
    public static func optional(accountSID: String?, authToken: String?, from: String?, baseURL: String?) throws -> TwilioConfiguration? {
        func value(_ text: String?) -> String? {
            guard let text = text?.trimmingWhitespace(), !text.isEmpty else {
                return nil
            }
            return text
        }
        guard let sid = value(accountSID), let token = value(authToken), let from = value(from) else {
            return nil
        }
        let base = value(baseURL) ?? Self.defaultBaseURL
        guard base.hasPrefix("https://") || base.hasPrefix("http://") else {
            throw DeliveryError.invalidConfiguration("\(Self.baseURLVariable) must be an http or https URL")
        }
        return TwilioConfiguration(accountSID: sid, authToken: token, fromNumber: from, baseURL: base)
    }
}
