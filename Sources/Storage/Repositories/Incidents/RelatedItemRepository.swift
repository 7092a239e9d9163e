import Foundation
import SQLKit

/// An item related to an incident: a resource, a metric, a runbook execution, the parent OpsItem…
public struct RelatedItemRecord: Sendable, Equatable {
    /// The generated id (primary key).
    public var id: String
    /// The incident it belongs to.
    public var incidentArn: String
    /// The incident's account.
    public var accountID: String
    /// The item type (`INVOLVED_RESOURCE`, `PARENT`, `METRIC`…).
    public var itemType: String
    /// The identifier's value as text, unique per incident and type.
    public var itemKey: String
    /// The API's related item as JSON.
    public var document: String
    /// When it was added.
    public var createdAt: Date

    /// Creates a record.
    public init(id: String, incidentArn: String, accountID: String, itemType: String, itemKey: String, document: String, createdAt: Date) {
        self.id = id
        self.incidentArn = incidentArn
        self.accountID = accountID
        self.itemType = itemType
        self.itemKey = itemKey
        self.document = document
        self.createdAt = createdAt
    }
}

/// Related items of incidents.
public struct RelatedItemRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "id, incident_arn, account_id, item_type, item_key, document, created_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Adds an item unless one with the same type and key is there; returns whether it was added.
    @discardableResult
    public func add(_ item: RelatedItemRecord) async throws -> Bool {
        let rows = try await sql.raw(
            """
            INSERT INTO related_items (\(unsafeRaw: Self.columns))
            VALUES (\(bind: item.id), \(bind: item.incidentArn), \(bind: item.accountID), \(bind: item.itemType), \(bind: item.itemKey),
                    \(bind: item.document), \(bind: item.createdAt.millisecondsSince1970))
            ON CONFLICT (incident_arn, item_type, item_key) DO NOTHING
            RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// The item of this type and key.
    public func item(incidentArn: String, type: String, key: String) async throws -> RelatedItemRecord? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM related_items
            WHERE incident_arn = \(bind: incidentArn) AND item_type = \(bind: type) AND item_key = \(bind: key)
            """
        ).first().map(Self.record)
    }

    /// Items in the order they were added, after `cursor` (`millis|id`).
    public func list(incidentArn: String, after cursor: String?, limit: Int) async throws -> Page<RelatedItemRecord> {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM related_items WHERE incident_arn = \(bind: incidentArn)"
        if let cursor, let split = cursor.firstIndex(of: "|"), let millis = Int64(cursor[..<split]) {
            let id = String(cursor[cursor.index(after: split)...])
            query += " AND (created_at > \(bind: millis) OR (created_at = \(bind: millis) AND id > \(bind: id)))"
        }
        query += " ORDER BY created_at, id LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map(Self.record)
        let items = Array(records.prefix(limit))
        let next = records.count > limit ? items.last.map { "\($0.createdAt.millisecondsSince1970)|\($0.id)" } : nil
        return Page(items: items, nextCursor: next)
    }

    /// Removes the item of this type and key; returns whether there was one.
    @discardableResult
    public func remove(incidentArn: String, type: String, key: String) async throws -> Bool {
        let rows = try await sql.raw(
            """
            DELETE FROM related_items WHERE incident_arn = \(bind: incidentArn) AND item_type = \(bind: type) AND item_key = \(bind: key)
            RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// How many items the incident has.
    public func count(incidentArn: String) async throws -> Int {
        let row = try await sql.raw("SELECT COUNT(*) AS n FROM related_items WHERE incident_arn = \(bind: incidentArn)").first()
        return try row?.decode(column: "n", as: Int.self) ?? 0
    }

    private static func record(_ row: any SQLRow) throws -> RelatedItemRecord {
        RelatedItemRecord(
            id: try row.decode(column: "id", as: String.self),
            incidentArn: try row.decode(column: "incident_arn", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            itemType: try row.decode(column: "item_type", as: String.self),
            itemKey: try row.decode(column: "item_key", as: String.self),
            document: try row.decode(column: "document", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
