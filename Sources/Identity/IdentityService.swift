import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import Storage
import Synchronization

/// A newly made access key, with its secret in the clear (shown once).
public struct IssuedAccessKey: Sendable, Codable, Equatable {
    /// The account.
    public var accountID: String
    /// The key id.
    public var accessKeyID: String
    /// The secret.
    public var secretAccessKey: String

    enum CodingKeys: String, CodingKey {
        case accountID = "AccountId"
        case accessKeyID = "AccessKeyId"
        case secretAccessKey = "SecretAccessKey"
    }

    /// Creates a value.
    public init(accountID: String, accessKeyID: String, secretAccessKey: String) {
        self.accountID = accountID
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
    }
}

/// Accounts and access keys: creation, bootstrap, and key look-up for request signing.
///
/// Opened secrets are cached in memory for a short time so that signature checks do not hit the
/// database or decrypt on every request.
public final class IdentityService: SigV4KeyStore {
    private struct CachedKey {
        var accountID: String
        var secret: String
        var expires: Date
    }

    private let store: any IdentityStore
    private let logger: Logger
    private let box: SecretBox
    private let cache = Mutex<[String: CachedKey]>([:])
    private let cacheLifetime: TimeInterval

    /// Creates the service.
    public init(store: any IdentityStore, box: SecretBox, cacheLifetime: TimeInterval = 60, logger: Logger) {
        self.store = store
        self.logger = logger
        self.box = box
        self.cacheLifetime = cacheLifetime
    }

    /// Creates an account.
    public func createAccount(id: String, name: String, now: Date = Date()) async throws {
        guard AccountID.isValid(id) else { throw IdentityError.invalidAccountID(id) }
        do {
            try await store.write(logger: logger) { tx in
                try await tx.accounts.insert(AccountRecord(accountID: id, name: name, createdAt: now))
            }
        } catch let error as StorageError where error.kind == .conflict {
            throw IdentityError.accountExists(id)
        }
    }

    /// Marks the account as the provider's: the one that runs the support desk.
    public func markProvider(_ id: String) async throws {
        try await store.write(logger: logger) { tx in try await tx.accounts.markProvider(accountID: id) }
    }

    /// Whether the account is the provider's (the administrator account made at start-up).
    public func isProvider(_ id: String) async throws -> Bool {
        try await store.read(logger: logger) { try await $0.accounts.isProvider(accountID: id) }
    }

    /// Whether the account exists.
    public func accountExists(_ id: String) async throws -> Bool {
        try await store.read(logger: logger) { try await $0.accounts.account(id) } != nil
    }

    /// Creates an access key for an account; a random one unless `accessKeyID`/`secret` are given.
    public func createAccessKey(
        accountID: String,
        accessKeyID: String = RandomToken.accessKeyID(),
        secret: String = RandomToken.secretAccessKey(),
        now: Date = Date()
    ) async throws -> IssuedAccessKey {
        let sealed = try box.seal(secret)
        try await store.write(logger: logger) { tx in
            let accounts = tx.accounts
            guard try await accounts.account(accountID) != nil else { throw IdentityError.noSuchAccount(accountID) }
            try await accounts.insert(
                AccessKeyRecord(accessKeyID: accessKeyID, accountID: accountID, sealedSecret: sealed, status: .active, createdAt: now)
            )
        }
        return IssuedAccessKey(accountID: accountID, accessKeyID: accessKeyID, secretAccessKey: secret)
    }

    /// Makes sure an account and key exist as given (the provider's administrator from the environment).
    ///
    /// Idempotent: an existing account is kept; an existing key must belong to the account and have the same secret.
    public func ensure(accountID: String, name: String, accessKeyID: String, secret: String) async throws {
        if try await !accountExists(accountID) {
            do {
                try await createAccount(id: accountID, name: name)
            } catch let error as IdentityError where error == .accountExists(accountID) {
                // Another node created it first.
            }
        }
        if let existing = try await lookUp(accessKeyID) {
            guard existing.accountID == accountID, existing.secret == secret else {
                throw IdentityError.keyExists(accessKeyID)
            }
            return
        }
        _ = try await createAccessKey(accountID: accountID, accessKeyID: accessKeyID, secret: secret)
    }

    /// The secret of an active key and the account that owns it, for SigV4: one look-up for both.
    public func credential(for accessKeyID: String) async throws -> SigV4Credential? {
        try await lookUp(accessKeyID).map { SigV4Credential(secret: $0.secret, owner: $0.accountID) }
    }

    /// The account that owns an active key.
    public func account(for accessKeyID: String) async throws -> String? {
        try await lookUp(accessKeyID)?.accountID
    }

    /// The access keys of an account (never their secrets), oldest first.
    public func accessKeys(accountID: String) async throws -> [(accessKeyID: String, status: AccessKeyStatus, createdAt: Date)] {
        try await store.read(logger: logger) { tx in try await tx.accounts.accessKeys(accountID: accountID) }
            .map { ($0.accessKeyID, $0.status, $0.createdAt) }
    }

    /// Activates or deactivates one of an account's keys; this node forgets it at once, others within the cache
    /// lifetime. Throws ``IdentityError/noSuchKey`` when the account has no such key.
    public func setAccessKeyStatus(_ status: AccessKeyStatus, accessKeyID: String, accountID: String) async throws {
        let changed = try await store.write(logger: logger) { tx in
            try await tx.accounts.setStatus(status, accessKeyID: accessKeyID, accountID: accountID)
        }
        guard changed else { throw IdentityError.noSuchKey(accessKeyID) }
        _ = cache.withLock { $0.removeValue(forKey: accessKeyID) }
        logger.info(
            "access key status",
            metadata: ["account.id": .string(accountID), "access_key.id": .string(accessKeyID), "access_key.status": .string(status.rawValue)])
    }

    private func lookUp(_ accessKeyID: String) async throws -> (accountID: String, secret: String)? {
        let now = Date()
        if let cached = cache.withLock({ $0[accessKeyID] }), cached.expires > now {
            return (cached.accountID, cached.secret)
        }
        guard let record = try await store.read(logger: logger, { try await $0.accounts.accessKey(accessKeyID) }), record.status == .active else {
            return nil
        }
        let secret = try box.open(record.sealedSecret)
        let lifetime = cacheLifetime
        cache.withLock { cache in
            if cache.count > 10_000 {
                cache.removeAll()
            }
            cache[accessKeyID] = CachedKey(accountID: record.accountID, secret: secret, expires: now.addingTimeInterval(lifetime))
        }
        return (record.accountID, secret)
    }
}
