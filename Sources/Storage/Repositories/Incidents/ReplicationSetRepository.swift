import Foundation
import HikeshiCore
import SQLKit

/// Replication sets.
public struct ReplicationSetRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "arn, account_id, document, created_at, updated_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a set; ``StorageError/Kind/conflict`` if the account has one.
    public func insert(_ set: ReplicationSet) async throws {
        try await sql.raw(
            """
            INSERT INTO replication_sets (\(unsafeRaw: Self.columns))
            VALUES (\(bind: set.arn), \(bind: set.accountID), \(bind: try StoredJSON.encode(ReplicationSetDocument(set))),
                    \(bind: set.createdAt.millisecondsSince1970), \(bind: set.lastModifiedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The account's set.
    public func set(accountID: String) async throws -> ReplicationSet? {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM replication_sets WHERE account_id = \(bind: accountID)").first().map(Self.record)
    }

    /// Saves a changed set.
    public func update(_ set: ReplicationSet) async throws {
        try await sql.raw(
            """
            UPDATE replication_sets SET document = \(bind: try StoredJSON.encode(ReplicationSetDocument(set))),
                updated_at = \(bind: set.lastModifiedAt.millisecondsSince1970)
            WHERE arn = \(bind: set.arn) AND account_id = \(bind: set.accountID)
            """
        ).run()
    }

    /// Deletes the set.
    public func delete(arn: String, accountID: String) async throws {
        try await sql.raw("DELETE FROM replication_sets WHERE arn = \(bind: arn) AND account_id = \(bind: accountID)").run()
    }

    private static func record(_ row: any SQLRow) throws -> ReplicationSet {
        let arn = try row.decode(column: "arn", as: String.self)
        let document = try StoredJSON.decode(
            ReplicationSetDocument.self, from: try row.decode(column: "document", as: String.self), what: "replication set \(arn)")
        return ReplicationSet(
            arn: arn,
            accountID: try row.decode(column: "account_id", as: String.self),
            regions: document.regions,
            deletionProtected: document.deletionProtected,
            createdBy: document.createdBy,
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            lastModifiedBy: document.lastModifiedBy,
            lastModifiedAt: document.lastModifiedAt
        )
    }
}
