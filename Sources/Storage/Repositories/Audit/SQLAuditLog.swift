import Foundation
import HikeshiCore
import Logging
import SQLKit

/// ``AuditLog`` over the `audit_log` table, for SQLite and PostgreSQL alike.
///
/// Entries are group-committed: entries recorded while a transaction is writing others wait and are written together
/// in the next one, so a burst of changes costs a few audit transactions instead of one each. Nothing is acknowledged
/// before it is committed: `record` returns once the transaction holding its entry commits. Under light load a batch
/// is one entry and adds no delay. A batch that fails is retried entry by entry, so each caller gets its own outcome.
public struct SQLAuditLog: AuditLog {
    private let database: any DatabaseClient
    private let batches: GroupCommit<Pending, Void>

    /// The log in `database`; at most `maxBatch` entries share a transaction.
    public init(database: any DatabaseClient, maxBatch: Int = 128) {
        self.database = database
        self.batches = GroupCommit(maxBatch: maxBatch) { batch in
            try await database.transaction { sql in
                for pending in batch {
                    let entry = pending.entry
                    try await sql.raw(
                        """
                        INSERT INTO audit_log (id, at, account_id, principal, source, service, operation, resources, request_id)
                        VALUES (\(bind: entry.id), \(bind: entry.at.millisecondsSince1970), \(bind: entry.accountID), \(bind: entry.principal),
                            \(bind: entry.source.rawValue), \(bind: entry.service), \(bind: entry.operation), \(bind: pending.resources),
                            \(bind: entry.requestID))
                        """
                    ).run()
                }
            }
            return Array(repeating: (), count: batch.count)
        }
    }

    /// See ``AuditLog/record(_:logger:)``.
    public func record(_ entry: AuditEntry, logger: Logger) async throws {
        try await batches.submit(Pending(entry: entry, resources: try StoredJSON.encode(entry.resources)))
    }

    /// How many transactions have written entries (a batch retried entry by entry counts each retry).
    public var transactions: Int {
        get async { await batches.batches }
    }

    /// Entries waiting for the next transaction.
    public var waiting: Int {
        get async { await batches.waiting }
    }

    /// See ``AuditLog/entries(accountID:since:until:limit:logger:)``.
    public func entries(accountID: String?, since: Date?, until: Date?, limit: Int, logger: Logger) async throws -> [AuditEntry] {
        try await database.read { sql in
            var query: SQLQueryString =
                "SELECT id, at, account_id, principal, source, service, operation, resources, request_id FROM audit_log WHERE 1 = 1"
            if let accountID { query += " AND account_id = \(bind: accountID)" }
            if let since { query += " AND at >= \(bind: since.millisecondsSince1970)" }
            if let until { query += " AND at < \(bind: until.millisecondsSince1970)" }
            query += " ORDER BY at, id LIMIT \(bind: max(0, limit))"
            return try await sql.raw(query).all().map { row in
                guard let source = AuditEntry.Source(rawValue: try row.decode(column: "source", as: String.self)) else {
                    throw StorageError(.corrupt, "audit_log.source holds a value AuditEntry.Source does not know")
                }
                return AuditEntry(
                    id: try row.decode(column: "id", as: String.self),
                    at: Date(millisecondsSince1970: try row.decode(column: "at", as: Int64.self)),
                    accountID: try row.decode(column: "account_id", as: String.self),
                    principal: try row.decode(column: "principal", as: String.self),
                    source: source,
                    service: try row.decode(column: "service", as: String.self),
                    operation: try row.decode(column: "operation", as: String.self),
                    resources: try StoredJSON.decode(
                        [String].self, from: try row.decode(column: "resources", as: String.self), what: "audit resources"),
                    requestID: try row.decode(column: "request_id", as: String.self)
                )
            }
        }
    }

    /// See ``AuditLog/prune(before:logger:)``.
    @discardableResult
    public func prune(before cutoff: Date, logger: Logger) async throws -> Int {
        try await database.transaction { sql in
            try await sql.raw("DELETE FROM audit_log WHERE at < \(bind: cutoff.millisecondsSince1970) RETURNING id").all().count
        }
    }
}

/// An entry waiting for its transaction, with its resources already encoded.
private struct Pending: Sendable {
    var entry: AuditEntry
    var resources: String
}
