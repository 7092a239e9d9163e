import Configuration
import Delivery
import Foundation
import Logging
import RunbooksAPI
import SystemPackage

/// A setting that cannot be used as given; `hikeshi` stops with this message.
public struct ConfigurationError: Error, CustomStringConvertible {
    /// What is wrong, naming the setting and its environment variable.
    public let description: String
}

extension HikeshiConfiguration {
    /// Every setting: its key (`smtp.url`), read in this order from the command line, the environment
    /// (`HIKESHI_SMTP_URL`), the configuration file (YAML or JSON, nested: `smtp: {url: …}`), then the default.
    public enum Key: String, CaseIterable, Sendable {
        /// The address to listen on.
        case host
        /// The port to listen on.
        case port
        /// The data directory.
        case dataDirectory = "data.dir"
        /// The PostgreSQL URL.
        case databaseURL = "database.url"
        /// The log level.
        case logLevel = "log.level"
        /// Testing aid: domain time runs this many times faster.
        case timeScale = "time.scale"
        /// Testing aid: the instant domain time starts at.
        case clockStart = "clock.start"
        /// The public URL.
        case publicURL = "public.url"
        /// The SMTP URL.
        case smtpURL = "smtp.url"
        /// The From mailbox of pages.
        case smtpFrom = "smtp.from"
        /// Twilio's account SID.
        case twilioAccountSID = "twilio.account.sid"
        /// Twilio's auth token.
        case twilioAuthToken = "twilio.auth.token"
        /// The Twilio sender number.
        case twilioFrom = "twilio.from"
        /// Another Twilio-compatible endpoint.
        case twilioBaseURL = "twilio.base.url"
        /// The master key (base64).
        case masterKey = "master.key"
        /// The administrator's account id.
        case accountID = "account.id"
        /// The administrator's access key id.
        case accessKeyID = "access.key.id"
        /// The administrator's secret access key.
        case secretAccessKey = "secret.access.key"
        /// The SNS signing certificate file.
        case snsCertificateFile = "sns.certificate.file"
        /// Testing aid: confirm SNS subscriptions at any host.
        case snsConfirmAnyHost = "sns.confirm.any.host"
        /// Whose runbooks may run `aws:executeScript` steps: admin, all or none.
        case allowScripts = "allow.scripts"
        /// Whether `aws:invokeWebhook` may post to private and local addresses.
        case allowPrivateWebhooks = "allow.private.webhooks"
        /// Requests per second each access key regains (0: no limit).
        case throttleRate = "throttle.rate"
        /// Requests an idle access key may make at once.
        case throttleBurst = "throttle.burst"
        /// Alerts per second each integration regains (0: no limit).
        case webhookThrottleRate = "throttle.webhook.rate"
        /// Alerts an idle integration may send at once.
        case webhookThrottleBurst = "throttle.webhook.burst"
        /// How many days audit entries are kept.
        case auditRetentionDays = "audit.retention.days"
        /// This node's name in job leases and logs (default: the host name and process id).
        case nodeName = "node.name"
        /// Development: `log` prints every email, SMS and voice message instead of sending it.
        case devMail = "dev.mail"
        /// The configuration file itself (command line or environment only).
        case configFile = "config.file"

        /// The environment variable that sets it.
        public var environmentVariable: String {
            "HIKESHI_" + rawValue.uppercased().replacingOccurrences(of: ".", with: "_")
        }

        /// Whether the value is a secret (never logged or shown in access reports).
        var isSecret: Bool {
            switch self {
            case .smtpURL, .twilioAuthToken, .masterKey, .secretAccessKey, .databaseURL: true
            default: false
            }
        }
    }

    /// Reads the configuration once: `commandLine` (the options given), then `environment`, then the configuration
    /// file named by `config.file` (`--config` or `HIKESHI_CONFIG_FILE`), then the defaults.
    public static func load(
        commandLine: [Key: String] = [:],
        environment: [String: String] = ProcessInfo.processInfo.environment
    ) async throws -> HikeshiConfiguration {
        let secrets = Set(Key.allCases.filter(\.isSecret).map(\.environmentVariable))
        var providers: [any ConfigProvider] = [
            InMemoryProvider(
                name: "command line",
                values: Dictionary(
                    uniqueKeysWithValues: commandLine.map { key, value in
                        (AbsoluteConfigKey(ConfigKey(key.rawValue)), ConfigValue(.string(value), isSecret: key.isSecret))
                    })
            ),
            EnvironmentVariablesProvider(
                environmentVariables: environment.filter { $0.key.hasPrefix("HIKESHI_") }.reduce(into: [:]) { result, entry in
                    result[String(entry.key.dropFirst("HIKESHI_".count))] = entry.value
                },
                secretsSpecifier: .dynamic { name, _ in secrets.contains("HIKESHI_" + name) }
            ),
        ]
        let early = ConfigReader(providers: providers)
        if let file = early.string(forKey: ConfigKey(Key.configFile.rawValue)), !file.isEmpty {
            do {
                if file.hasSuffix(".json") {
                    providers.append(try await FileProvider<JSONSnapshot>(filePath: FilePath(file)))
                } else {
                    providers.append(try await FileProvider<YAMLSnapshot>(filePath: FilePath(file)))
                }
            } catch {
                throw ConfigurationError(description: "cannot read the configuration file \(file): \(error)")
            }
        }
        return try HikeshiConfiguration(reader: ConfigReader(providers: providers))
    }

    /// The configuration `reader` holds, checked.
    init(reader: ConfigReader) throws {
        func text(_ key: Key) -> String? {
            guard let value = reader.string(forKey: ConfigKey(key.rawValue), isSecret: key.isSecret)?.trimmingCharacters(in: .whitespaces),
                !value.isEmpty
            else { return nil }
            return value
        }
        func invalid(_ key: Key, _ expected: String) -> ConfigurationError {
            ConfigurationError(description: "\(key.rawValue) (\(key.environmentVariable)) must be \(expected)")
        }
        self.init()
        if let host = text(.host) { self.host = host }
        if let port = text(.port) {
            guard let number = Int(port), (0...65535).contains(number) else { throw invalid(.port, "a port number from 0 to 65535") }
            self.port = number
        }
        if let directory = text(.dataDirectory) { dataDirectory = URL(fileURLWithPath: directory) }
        if let policy = text(.allowScripts) {
            guard let parsed = ScriptPolicy(rawValue: policy) else { throw invalid(.allowScripts, "admin, all or none") }
            allowScripts = parsed
        }
        databaseURL = text(.databaseURL)
        func rate(_ key: Key) throws -> Double? {
            guard let value = text(key) else { return nil }
            guard let number = Double(value), number.isFinite, number >= 0, number <= 1_000_000 else {
                throw invalid(key, "a number from 0 to 1000000")
            }
            return number
        }
        if let value = try rate(.throttleRate) { apiThrottle.rate = value }
        if let value = try rate(.throttleBurst) { apiThrottle.burst = max(value, 1) }
        if let value = try rate(.webhookThrottleRate) { webhookThrottle.rate = value }
        if let value = try rate(.webhookThrottleBurst) { webhookThrottle.burst = max(value, 1) }
        if let days = text(.auditRetentionDays) {
            guard let number = Int(days), (1...36_500).contains(number) else {
                throw invalid(.auditRetentionDays, "a number of days from 1 to 36500")
            }
            auditRetention = TimeInterval(number) * 86_400
        }
        if let name = text(.nodeName) {
            guard name.count <= 64,
                name.unicodeScalars.allSatisfy({
                    $0.isASCII && $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)
                })
            else { throw invalid(.nodeName, "at most 64 letters, digits, '-', '_' or '.'") }
            nodeName = name
        }
        if let mode = text(.devMail) {
            guard let parsed = DevMail(rawValue: mode.lowercased()) else { throw invalid(.devMail, "log or off") }
            devMail = parsed
        }
        if let level = text(.logLevel) {
            guard let parsed = Logger.Level(rawValue: level) else {
                throw invalid(.logLevel, "one of trace, debug, info, notice, warning, error, critical")
            }
            logLevel = parsed
        }
        if let scale = text(.timeScale) {
            guard let number = Double(scale), number > 0, number.isFinite else { throw invalid(.timeScale, "a positive number") }
            timeScale = number
        }
        if let start = text(.clockStart) {
            guard let instant = ISO8601DateFormatter().date(from: start) else {
                throw invalid(.clockStart, "an ISO 8601 instant such as 2026-01-09T15:00:00Z")
            }
            clockStart = instant
        }
        publicURLOverride = text(.publicURL)
        do {
            smtp = try SMTPConfiguration.optional(url: text(.smtpURL), from: text(.smtpFrom))
            twilio = try TwilioConfiguration.optional(
                accountSID: text(.twilioAccountSID), authToken: text(.twilioAuthToken), from: text(.twilioFrom), baseURL: text(.twilioBaseURL))
        } catch {
            throw ConfigurationError(description: "\(error)")
        }
        masterKey = text(.masterKey)
        if let account = text(.accountID), let key = text(.accessKeyID), let secret = text(.secretAccessKey) {
            bootstrap = BootstrapCredentials(accountID: account, accessKeyID: key, secretAccessKey: secret)
        }
        snsCertificateFile = text(.snsCertificateFile)
        if let flag = text(.snsConfirmAnyHost) {
            guard let value = ["1": true, "true": true, "0": false, "false": false][flag.lowercased()] else {
                throw invalid(.snsConfirmAnyHost, "true or false")
            }
            snsConfirmAnyHost = value
        }
        if let flag = text(.allowPrivateWebhooks) {
            guard let value = ["1": true, "true": true, "0": false, "false": false][flag.lowercased()] else {
                throw invalid(.allowPrivateWebhooks, "true or false")
            }
            allowPrivateWebhooks = value
        }
    }
}
