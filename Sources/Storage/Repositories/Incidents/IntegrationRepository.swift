import Foundation
import HikeshiCore
import SQLKit

/// An inbound alert integration (a secret URL that starts incidents from a plan) or a chat channel.
public struct IntegrationRecord: Sendable, Equatable {
    /// The id (primary key): `int-…` for alert integrations, the topic ARN for chat channels.
    public var id: String
    /// SHA-256 (hex) of the secret token in the URL; the token itself is never stored.
    public var tokenHash: String
    /// The owning account.
    public var accountID: String
    /// The region.
    public var region: String
    /// An alert source or a chat kind.
    public var kind: IntegrationKind
    /// The response plan ARN (alerts) or the channel's topic ARN (chat).
    public var targetArn: String
    /// A name for people.
    public var name: String
    /// Kind-specific settings as JSON (webhook URL, signing secret, auto-resolve…).
    public var settings: String
    /// When it was created.
    public var createdAt: Date

    /// Creates a record.
    public init(
        id: String,
        tokenHash: String,
        accountID: String,
        region: String,
        kind: IntegrationKind,
        targetArn: String,
        name: String,
        settings: String,
        createdAt: Date
    ) {
        self.id = id
        self.tokenHash = tokenHash
        self.accountID = accountID
        self.region = region
        self.kind = kind
        self.targetArn = targetArn
        self.name = name
        self.settings = settings
        self.createdAt = createdAt
    }
}

/// Integrations and chat channels.
public struct IntegrationRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "id, token_hash, account_id, region, kind, target_arn, name, settings, created_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts one.
    public func insert(_ record: IntegrationRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO integrations (\(unsafeRaw: Self.columns))
            VALUES (\(bind: record.id), \(bind: record.tokenHash), \(bind: record.accountID), \(bind: record.region), \(bind: record.kind.rawValue),
                    \(bind: record.targetArn), \(bind: record.name), \(bind: record.settings), \(bind: record.createdAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The one whose token hashes to `tokenHash`.
    public func record(tokenHash: String) async throws -> IntegrationRecord? {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM integrations WHERE token_hash = \(bind: tokenHash)").first().map(Self.record)
    }

    /// The one with this id in the account.
    public func record(id: String, accountID: String) async throws -> IntegrationRecord? {
        try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM integrations WHERE id = \(bind: id) AND account_id = \(bind: accountID)"
        ).first().map(Self.record)
    }

    /// The account's integrations (`chat: false`) or chat channels (`chat: true`) ordered by id, after `cursor` (an id);
    /// with `targetArn`, only those for that response plan.
    public func list(accountID: String, kinds: [IntegrationKind], targetArn: String?, after cursor: String?, limit: Int) async throws
        -> ListPage<IntegrationRecord>
    {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.columns) FROM integrations WHERE account_id = \(bind: accountID) AND kind IN (\(SQLList(kinds.map { SQLBind($0.rawValue) })))
            """
        if let targetArn {
            query += " AND target_arn = \(bind: targetArn)"
        }
        if let cursor {
            query += " AND id > \(bind: cursor)"
        }
        query += " ORDER BY id LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map(Self.record)
        let items = Array(records.prefix(limit))
        return ListPage(items: items, nextCursor: records.count > limit ? items.last?.id : nil)
    }

    /// Deletes the account's integration or channel with this id; whether one was deleted.
    public func delete(id: String, accountID: String) async throws -> Bool {
        try await !sql.raw("DELETE FROM integrations WHERE id = \(bind: id) AND account_id = \(bind: accountID) RETURNING id").all().isEmpty
    }

    private static func record(_ row: any SQLRow) throws -> IntegrationRecord {
        IntegrationRecord(
            id: try row.decode(column: "id", as: String.self),
            tokenHash: try row.decode(column: "token_hash", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            kind: try StoredValue.decode(IntegrationKind.self, row, column: "kind"),
            targetArn: try row.decode(column: "target_arn", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            settings: try row.decode(column: "settings", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
