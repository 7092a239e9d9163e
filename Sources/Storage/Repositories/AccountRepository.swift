import Foundation
import HikeshiCore
import SQLKit

/// A customer or provider account.
public struct AccountRecord: Sendable, Equatable {
    /// The twelve-digit account id.
    public var accountID: String
    /// A display name.
    public var name: String
    /// When it was created.
    public var createdAt: Date

    /// Creates a record.
    public init(accountID: String, name: String, createdAt: Date) {
        self.accountID = accountID
        self.name = name
        self.createdAt = createdAt
    }
}

/// An access key; the secret is sealed and only the identity layer can open it.
public struct AccessKeyRecord: Sendable, Equatable {
    /// The key id, e.g. `AKIA…`.
    public var accessKeyID: String
    /// The owning account.
    public var accountID: String
    /// The sealed secret (AES-GCM, base64).
    public var sealedSecret: String
    /// `Active` or `Inactive`.
    public var status: AccessKeyStatus
    /// When it was created.
    public var createdAt: Date

    /// Creates a record.
    public init(accessKeyID: String, accountID: String, sealedSecret: String, status: AccessKeyStatus, createdAt: Date) {
        self.accessKeyID = accessKeyID
        self.accountID = accountID
        self.sealedSecret = sealedSecret
        self.status = status
        self.createdAt = createdAt
    }
}

/// Accounts and their access keys.
public struct AccountRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts an account; ``StorageError/Kind/conflict`` if the id exists.
    public func insert(_ account: AccountRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO accounts (account_id, name, created_at)
            VALUES (\(bind: account.accountID), \(bind: account.name), \(bind: account.createdAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The account with this id.
    public func account(_ accountID: String) async throws -> AccountRecord? {
        try await sql.raw("SELECT account_id, name, created_at FROM accounts WHERE account_id = \(bind: accountID)")
            .first()
            .map { row in
                AccountRecord(
                    accountID: try row.decode(column: "account_id", as: String.self),
                    name: try row.decode(column: "name", as: String.self),
                    createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
                )
            }
    }

    /// Inserts an access key.
    public func insert(_ key: AccessKeyRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO access_keys (access_key_id, account_id, sealed_secret, status, created_at)
            VALUES (\(bind: key.accessKeyID), \(bind: key.accountID), \(bind: key.sealedSecret), \(bind: key.status.rawValue),
                    \(bind: key.createdAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The access key with this id.
    public func accessKey(_ accessKeyID: String) async throws -> AccessKeyRecord? {
        try await sql.raw(
            "SELECT access_key_id, account_id, sealed_secret, status, created_at FROM access_keys WHERE access_key_id = \(bind: accessKeyID)"
        )
        .first()
        .map { row in
            AccessKeyRecord(
                accessKeyID: try row.decode(column: "access_key_id", as: String.self),
                accountID: try row.decode(column: "account_id", as: String.self),
                sealedSecret: try row.decode(column: "sealed_secret", as: String.self),
                status: try StoredValue.decode(AccessKeyStatus.self, row, column: "status"),
                createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
            )
        }
    }

    /// The access keys of an account, oldest first.
    public func accessKeys(accountID: String) async throws -> [AccessKeyRecord] {
        try await sql.raw(
            """
            SELECT access_key_id, account_id, sealed_secret, status, created_at FROM access_keys
            WHERE account_id = \(bind: accountID) ORDER BY created_at, access_key_id
            """
        ).all().map { row in
            AccessKeyRecord(
                accessKeyID: try row.decode(column: "access_key_id", as: String.self),
                accountID: try row.decode(column: "account_id", as: String.self),
                sealedSecret: try row.decode(column: "sealed_secret", as: String.self),
                status: try StoredValue.decode(AccessKeyStatus.self, row, column: "status"),
                createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
            )
        }
    }

    /// Sets an access key's status; false when the account has no such key.
    public func setStatus(_ status: AccessKeyStatus, accessKeyID: String, accountID: String) async throws -> Bool {
        guard try await accessKey(accessKeyID)?.accountID == accountID else { return false }
        try await sql.raw(
            "UPDATE access_keys SET status = \(bind: status.rawValue) WHERE access_key_id = \(bind: accessKeyID) AND account_id = \(bind: accountID)"
        ).run()
        return true
    }

    /// Whether the account is the provider's (runs the desk) rather than a customer's.
    public func isProvider(accountID: String) async throws -> Bool {
        try await sql.raw("SELECT role FROM accounts WHERE account_id = \(bind: accountID)").first()
            .map { try $0.decode(column: "role", as: String.self) == "provider" } ?? false
    }

    /// Marks an account as the provider's.
    public func markProvider(accountID: String) async throws {
        try await sql.raw("UPDATE accounts SET role = 'provider' WHERE account_id = \(bind: accountID)").run()
    }
}
