import Foundation
import SQLKit

/// An account's replication set (at most one), its fields as JSON.
public struct ReplicationSetRecord: Sendable, Equatable {
    /// The set's ARN (primary key).
    public var arn: String
    /// The owning account.
    public var accountID: String
    /// Regions, status, protection and audit fields as JSON.
    public var document: String
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a record.
    public init(arn: String, accountID: String, document: String, createdAt: Date, updatedAt: Date) {
        self.arn = arn
        self.accountID = accountID
        self.document = document
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// Replication sets.
public struct ReplicationSetRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "arn, account_id, document, created_at, updated_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a set; ``StorageError/Kind/conflict`` if the account has one.
    public func insert(_ set: ReplicationSetRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO replication_sets (\(unsafeRaw: Self.columns))
            VALUES (\(bind: set.arn), \(bind: set.accountID), \(bind: set.document), \(bind: set.createdAt.millisecondsSince1970),
                    \(bind: set.updatedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The account's set.
    public func set(accountID: String) async throws -> ReplicationSetRecord? {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM replication_sets WHERE account_id = \(bind: accountID)").first().map(Self.record)
    }

    /// Saves the document.
    public func update(_ set: ReplicationSetRecord) async throws {
        try await sql.raw(
            """
            UPDATE replication_sets SET document = \(bind: set.document), updated_at = \(bind: set.updatedAt.millisecondsSince1970)
            WHERE arn = \(bind: set.arn) AND account_id = \(bind: set.accountID)
            """
        ).run()
    }

    /// Deletes the set.
    public func delete(arn: String, accountID: String) async throws {
        try await sql.raw("DELETE FROM replication_sets WHERE arn = \(bind: arn) AND account_id = \(bind: accountID)").run()
    }

    private static func record(_ row: any SQLRow) throws -> ReplicationSetRecord {
        ReplicationSetRecord(
            arn: try row.decode(column: "arn", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            document: try row.decode(column: "document", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
