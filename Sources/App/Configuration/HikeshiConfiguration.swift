import Delivery
import Foundation
import HikeshiCore
import Logging
import RunbooksAPI

/// Everything `hikeshi` is configured with, read once (``HikeshiConfiguration/load(commandLine:environment:)``) and
/// handed down; nothing below reads the environment itself.
public struct HikeshiConfiguration: Sendable {
    /// The administrator account and key to create (or keep) at start-up.
    public struct BootstrapCredentials: Sendable, Equatable {
        /// The 12-digit account id.
        public var accountID: String
        /// The access key id.
        public var accessKeyID: String
        /// The secret access key.
        public var secretAccessKey: String

        /// Credentials.
        public init(accountID: String, accessKeyID: String, secretAccessKey: String) {
            self.accountID = accountID
            self.accessKeyID = accessKeyID
            self.secretAccessKey = secretAccessKey
        }
    }

    /// The address to listen on.
    public var host: String = "127.0.0.1"
    /// The port to listen on.
    public var port: Int = 4750
    /// Local files: the SQLite database, the master key, generated credentials.
    public var dataDirectory: URL = URL(fileURLWithPath: ".hikeshi")
    /// A `postgres://` URL; SQLite in the data directory when `nil`.
    public var databaseURL: String?
    /// The log level.
    public var logLevel: Logger.Level = .info
    /// Testing aid: the instant the domain clock starts at.
    public var clockStart: Date?
    /// Testing aid: how many times faster than real time the domain clock runs.
    public var timeScale: Double = 1
    /// The URL people and providers reach this server at, when it is not `http://host:port`.
    public var publicURLOverride: String?
    /// Email delivery; off when `nil`.
    public var smtp: SMTPConfiguration?
    /// SMS and voice delivery; off when `nil`.
    public var twilio: TwilioConfiguration?
    /// The master key (base64 of 32 bytes); `master.key` in the data directory when `nil`.
    public var masterKey: String?
    /// The administrator to create at start-up; a generated one (written to `credentials`) when `nil`.
    public var bootstrap: BootstrapCredentials?
    /// A PEM certificate file SNS messages must be signed with; unsigned messages are accepted when `nil`.
    public var snsCertificateFile: String?
    /// Testing aid: confirm SNS subscriptions at any host, not only `sns.<region>.amazonaws.com`.
    public var snsConfirmAnyHost = false
    /// Whose runbooks may run `aws:executeScript` steps (default: the administrator account's only).
    public var allowScripts: ScriptPolicy = .admin
    /// Whether `aws:invokeWebhook` may post to private and local addresses (default: public ones only).
    public var allowPrivateWebhooks = false
    /// The region console users work in: the region of the ARNs the console creates and reads.
    public var consoleRegion = "us-east-1"
    /// How fast each access key may call the AWS APIs: beyond it, `ThrottlingException`.
    public var apiThrottle = TokenBuckets.Limit(rate: 100, burst: 500)
    /// How fast each alert integration may post alerts: beyond it, 429 with `Retry-After`.
    public var webhookThrottle = TokenBuckets.Limit(rate: 20, burst: 200)
    /// How long audit entries are kept (default 365 days).
    public var auditRetention: TimeInterval = 365 * 86_400
    /// This node's name in job leases and logs; the host name and process id when `nil`.
    public var nodeName: String?
    /// Development: print every email, SMS and voice message instead of sending it (`--dev-mail=log`); replaces SMTP
    /// and Twilio when they are configured too.
    public var devMail: DevMail = .off

    /// The URL people and providers reach this server at (webhooks, calendar feeds).
    public var publicURL: String {
        if let url = publicURLOverride {
            return url.hasSuffix("/") ? String(url.dropLast()) : url
        }
        return "http://\(host):\(port)"
    }

    /// The defaults.
    public init() {}

    /// The SQLite file.
    public var sqlitePath: String {
        dataDirectory.appendingPathComponent("hikeshi.sqlite").path
    }

    /// The certificate SNS messages must be signed with (PEM), if configured.
    ///
    /// Without it, SNS-wrapped alarms are accepted unsigned: the secret integration URL is the only check.
    public func snsCertificatePEM() throws -> String? {
        guard let path = snsCertificateFile else { return nil }
        return try String(contentsOfFile: path, encoding: .utf8)
    }
}
