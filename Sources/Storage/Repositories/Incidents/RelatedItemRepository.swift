import Foundation
import HikeshiCore
import SQLKit

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
    public func add(_ item: RelatedItem, incidentArn: String, accountID: String, at now: Date) async throws -> Bool {
        let document = try StoredJSON.encode(RelatedItemDocument(value: item.value, title: item.title))
        let rows = try await sql.raw(
            """
            INSERT INTO related_items (\(unsafeRaw: Self.columns))
            VALUES (\(bind: item.id), \(bind: incidentArn), \(bind: accountID), \(bind: item.kind.rawValue), \(bind: item.key),
                    \(bind: document), \(bind: now.millisecondsSince1970))
            ON CONFLICT (incident_arn, item_type, item_key) DO NOTHING
            RETURNING id
            """
        ).all()
        return !rows.isEmpty
    }

    /// The item of this kind and key.
    public func item(incidentArn: String, kind: RelatedItemKind, key: String) async throws -> RelatedItem? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM related_items
            WHERE incident_arn = \(bind: incidentArn) AND item_type = \(bind: kind.rawValue) AND item_key = \(bind: key)
            """
        ).first().map(Self.item)
    }

    /// Items in the order they were added, after `cursor` (`millis|id`).
    public func list(incidentArn: String, after cursor: String?, limit: Int) async throws -> ListPage<RelatedItem> {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM related_items WHERE incident_arn = \(bind: incidentArn)"
        if let cursor, let split = cursor.firstIndex(of: "|"), let millis = Int64(cursor[..<split]) {
            let id = String(cursor[cursor.index(after: split)...])
            query += " AND (created_at > \(bind: millis) OR (created_at = \(bind: millis) AND id > \(bind: id)))"
        }
        query += " ORDER BY created_at, id LIMIT \(bind: limit + 1)"
        let rows = try await sql.raw(query).all()
        let items = try rows.prefix(limit).map(Self.item)
        var next: String?
        if rows.count > limit, let last = items.last {
            next = "\(try rows[limit - 1].decode(column: "created_at", as: Int64.self))|\(last.id)"
        }
        return ListPage(items: items, nextCursor: next)
    }

    /// Removes the item of this kind and key; returns whether there was one.
    @discardableResult
    public func remove(incidentArn: String, kind: RelatedItemKind, key: String) async throws -> Bool {
        let rows = try await sql.raw(
            """
            DELETE FROM related_items WHERE incident_arn = \(bind: incidentArn) AND item_type = \(bind: kind.rawValue) AND item_key = \(bind: key)
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

    private static func item(_ row: any SQLRow) throws -> RelatedItem {
        let id = try row.decode(column: "id", as: String.self)
        let document = try StoredJSON.decode(
            RelatedItemDocument.self, from: try row.decode(column: "document", as: String.self), what: "related item \(id)")
        return RelatedItem(
            id: id,
            kind: try StoredValue.decode(RelatedItemKind.self, row, column: "item_type"),
            value: document.value,
            title: document.title
        )
    }
}
