import Crypto
import Foundation
import HikeshiCore
import Logging
import Storage

/// Creates and finds alert integrations (secret URLs that start incidents from a response plan)
/// and chat channels (webhooks addressed by an SNS-style topic ARN in plans' `chatChannel` and
/// `notificationTargets`).
///
/// A secret token is shown once, when created; only its SHA-256 is stored. A channel's webhook URL and signing secret
/// are stored sealed under the master key (`sealer`).
public struct IntegrationRegistry: Sendable {
    let store: any IncidentsStore
    let clock: any HikeshiClock
    let sealer: any SecretSealer
    let logger: Logger

    /// A registry over the store; `sealer` seals channel secrets at rest.
    public init(store: any IncidentsStore, clock: any HikeshiClock, sealer: any SecretSealer, logger: Logger) {
        self.store = store
        self.clock = clock
        self.sealer = sealer
        self.logger = logger
    }

    /// Runs `body` in a transaction, logging storage failures on `logger` (the request's).
    func write<T: Sendable>(_ logger: Logger, _ body: @Sendable (any IncidentsTransaction) async throws -> T) async throws -> T {
        try await store.write(logger: logger, body)
    }

    /// Runs `body` for reading, logging storage failures on `logger` (the request's).
    func read<T: Sendable>(_ logger: Logger, _ body: @Sendable (any IncidentsTransaction) async throws -> T) async throws -> T {
        try await store.read(logger: logger, body)
    }

    /// The settings of an integration or channel with its secrets opened. Values stored before sealing was introduced
    /// (without the sealed prefix) are used as they are.
    public func settings(of record: IntegrationRecord) throws -> IntegrationSettings {
        var settings = try StoredJSON.decode(IntegrationSettings.self, from: record.settings, what: "integration settings")
        settings.webhookURL = try settings.webhookURL.map(open)
        settings.signingSecret = try settings.signingSecret.map(open)
        return settings
    }

    private func open(_ value: String) throws -> String {
        value.hasPrefix(Self.sealedPrefix) ? try sealer.open(value) : value
    }

    /// How sealed values start (`SecretBox`'s format).
    static let sealedPrefix = "v1:"

    /// A created integration or channel, with its secret token.
    public struct Created: Sendable, Equatable {
        /// The stored record.
        public var record: IntegrationRecord
        /// The secret token (in the URL path, or as a bearer token).
        public var token: String
    }

    /// Creates an alert integration for the response plan named `planName` (or given by ARN).
    public func createIntegration(
        accountID: String, region: String, responsePlan: String, kind: IntegrationKind, name: String?, autoResolve: Bool, logger: Logger
    ) async throws -> Created {
        guard !kind.isChat else { throw IncidentsError.invalid("Kind", "\(kind.rawValue) is a chat channel kind") }
        let token = Self.newToken()
        let now = clock.now()
        let record: IntegrationRecord = try await write(logger) { tx in
            guard let plan = try await tx.responsePlans.plan(nameOrArn: responsePlan, accountID: accountID) else {
                throw IncidentsError.notFound(responsePlan, type: "RESPONSE_PLAN")
            }
            let record = IntegrationRecord(
                id: "int-" + RandomToken.hex(bytes: 8),
                tokenHash: Self.hash(token),
                accountID: accountID,
                region: region,
                kind: kind,
                targetArn: plan.arn,
                name: name ?? "\(kind.rawValue) for \(plan.name)",
                settings: try StoredJSON.encode(IntegrationSettings(autoResolve: autoResolve)),
                createdAt: now
            )
            try await tx.integrations.insert(record)
            return record
        }
        return Created(record: record, token: token)
    }

    /// Creates a chat channel; its ARN (`arn:aws:sns:REGION:ACCOUNT:NAME`) goes in plans' `chatChannel.chatbotSns`
    /// or `notificationTargets`.
    public func createChatChannel(
        accountID: String,
        region: String,
        name: String,
        kind: IntegrationKind,
        webhookURL: String,
        signingSecret: String?,
        logger: Logger
    ) async throws -> Created {
        guard kind.isChat else { throw IncidentsError.invalid("Kind", "\(kind.rawValue) is not a chat channel kind") }
        guard name.range(of: "^[A-Za-z0-9_-]{1,256}$", options: .regularExpression) != nil else {
            throw IncidentsError.invalid("Name", "A channel name is 1-256 letters, digits, hyphens or underscores")
        }
        guard let url = URL(string: webhookURL), let scheme = url.scheme, scheme == "https" || scheme == "http", url.host != nil else {
            throw IncidentsError.invalid("WebhookUrl", "The webhook URL must be an http(s) URL")
        }
        let token = Self.newToken()
        let arn = ARN(service: "sns", region: region, account: accountID, resource: name).description
        let record = IntegrationRecord(
            id: arn,
            tokenHash: Self.hash(token),
            accountID: accountID,
            region: region,
            kind: kind,
            targetArn: arn,
            name: name,
            settings: try StoredJSON.encode(
                IntegrationSettings(webhookURL: try sealer.seal(webhookURL), signingSecret: try signingSecret.map(sealer.seal))),
            createdAt: clock.now()
        )
        do {
            try await write(logger) { tx in try await tx.integrations.insert(record) }
        } catch let error as StorageError where error.kind == .conflict {
            // The channel's ARN is its name: say which one is taken.
            throw IncidentsError.conflict(arn, type: "CHAT_CHANNEL", "A chat channel named \(name) exists already")
        }
        return Created(record: record, token: token)
    }

    /// The integration or channel a secret token opens.
    public func find(token: String, logger: Logger) async throws -> IntegrationRecord? {
        guard !token.isEmpty, token.count <= 128 else { return nil }
        let hash = Self.hash(token)
        return try await read(logger) { tx in try await tx.integrations.record(tokenHash: hash) }
    }

    /// A new secret token: 32 random bytes, URL-safe.
    static func newToken() -> String {
        RandomToken.hex(bytes: 32)
    }

    /// The stored form of a token.
    static func hash(_ token: String) -> String {
        SHA256.hash(data: Data(token.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
