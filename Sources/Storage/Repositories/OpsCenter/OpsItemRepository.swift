import Foundation
import HikeshiCore
import SQLKit

/// OpsItems, scoped to an account and a region (OpsItems are regional, as in AWS); the OpsCenter family and the
/// incidents family (every incident's parent) share them.
public struct OpsItemRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "id, account_id, region, title, source, status, version, dedup_string, document, created_at, updated_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a new item; ``StorageError/Kind/conflict`` when the id is taken.
    public func insert(_ item: OpsItem) async throws {
        try await sql.raw(
            """
            INSERT INTO ops_items (\(unsafeRaw: Self.columns))
            VALUES (\(bind: item.id), \(bind: item.accountID), \(bind: item.region), \(bind: item.title), \(bind: item.source),
                    \(bind: item.status.rawValue), \(bind: item.version), \(bind: item.dedupString), \(bind: try StoredJSON.encode(OpsItemDocument(item))),
                    \(bind: item.createdAt.millisecondsSince1970), \(bind: item.lastModifiedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// Saves an item's changeable fields (the source, the creation and the dedup string never change).
    public func update(_ item: OpsItem) async throws {
        try await sql.raw(
            """
            UPDATE ops_items SET title = \(bind: item.title), status = \(bind: item.status.rawValue), version = \(bind: item.version),
                document = \(bind: try StoredJSON.encode(OpsItemDocument(item))), updated_at = \(bind: item.lastModifiedAt.millisecondsSince1970)
            WHERE id = \(bind: item.id) AND account_id = \(bind: item.accountID) AND region = \(bind: item.region)
            """
        ).run()
    }

    /// The account's item with this id in the region; `forUpdate` (PostgreSQL only) locks its row until the transaction
    /// ends, so edits take turns.
    public func item(id: String, accountID: String, region: String, forUpdate: Bool = false) async throws -> OpsItem? {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.columns) FROM ops_items
            WHERE id = \(bind: id) AND account_id = \(bind: accountID) AND region = \(bind: region)
            """
        if forUpdate {
            query += " FOR UPDATE"
        }
        return try await sql.raw(query).first().map(Self.item)
    }

    /// The ids among `ids` that name items of the account in the region.
    public func existing(_ ids: [String], accountID: String, region: String) async throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        let rows = try await sql.raw(
            """
            SELECT id FROM ops_items WHERE account_id = \(bind: accountID) AND region = \(bind: region)
                AND id IN (\(SQLList(ids.map { SQLBind($0) })))
            """
        ).all()
        return Set(try rows.map { try $0.decode(column: "id", as: String.self) })
    }

    /// The id of an open or in-progress item of the account in the region with this dedup string, other than `excluding`.
    public func activeItem(dedupString: String, accountID: String, region: String, excluding: String? = nil) async throws -> String? {
        let active = OpsItemStatus.allCases.filter(\.isActive).map { SQLBind($0.rawValue) }
        return try await sql.raw(
            """
            SELECT id FROM ops_items
            WHERE account_id = \(bind: accountID) AND region = \(bind: region) AND dedup_string = \(bind: dedupString)
                AND status IN (\(SQLList(active))) AND id <> \(bind: excluding ?? "")
            ORDER BY created_at LIMIT 1
            """
        ).first()?.decode(column: "id", as: String.self)
    }

    /// The account's items in the region, newest first, after `cursor` (from a previous page's ``ListPage/nextCursor``).
    public func list(accountID: String, region: String, after cursor: String?, limit: Int) async throws -> ListPage<OpsItem> {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.columns) FROM ops_items WHERE account_id = \(bind: accountID) AND region = \(bind: region)
            """
        if let cursor {
            let (instant, id) = try Self.position(cursor)
            query += " AND (created_at < \(bind: instant) OR (created_at = \(bind: instant) AND id < \(bind: id)))"
        }
        query += " ORDER BY created_at DESC, id DESC LIMIT \(bind: limit + 1)"
        let rows = try await sql.raw(query).all().map(Self.item)
        let items = Array(rows.prefix(limit))
        return ListPage(items: items, nextCursor: rows.count > limit ? items.last.map(Self.cursor) : nil)
    }

    /// Deletes an item with its related items and events; deleting what is not there does nothing.
    public func delete(id: String, accountID: String, region: String) async throws {
        guard try await item(id: id, accountID: accountID, region: region) != nil else { return }
        try await sql.raw("DELETE FROM ops_item_related_items WHERE ops_item_id = \(bind: id) AND account_id = \(bind: accountID)").run()
        try await sql.raw("DELETE FROM ops_item_events WHERE ops_item_id = \(bind: id) AND account_id = \(bind: accountID)").run()
        try await sql.raw("DELETE FROM ops_items WHERE id = \(bind: id) AND account_id = \(bind: accountID)").run()
    }

    /// The cursor just after an item in the listing order.
    public static func cursor(_ item: OpsItem) -> String {
        "\(item.createdAt.millisecondsSince1970)|\(item.id)"
    }

    /// A cursor's parts; an unreadable one is ``StorageError/Kind/corrupt`` (handlers refuse a forged token first, with
    /// ``isCursor(_:)``).
    private static func position(_ cursor: String) throws -> (Int64, String) {
        let parts = cursor.split(separator: "|", maxSplits: 1)
        guard parts.count == 2, let instant = Int64(parts[0]) else {
            throw StorageError(.corrupt, "an OpsItem listing cursor is unreadable")
        }
        return (instant, String(parts[1]))
    }

    /// Whether `cursor` has the form of this listing's cursors (so a handler can refuse a forged token as bad input).
    public static func isCursor(_ cursor: String) -> Bool {
        (try? position(cursor)) != nil
    }

    private static func item(_ row: any SQLRow) throws -> OpsItem {
        let id = try row.decode(column: "id", as: String.self)
        let document = try StoredJSON.decode(
            OpsItemDocument.self, from: try row.decode(column: "document", as: String.self), what: "the document of OpsItem \(id)")
        return OpsItem(
            id: id,
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            kind: document.kind,
            title: try row.decode(column: "title", as: String.self),
            description: document.description,
            source: try row.decode(column: "source", as: String.self),
            status: try StoredValue.decode(OpsItemStatus.self, row, column: "status"),
            priority: document.priority,
            severity: document.severity,
            category: document.category,
            operationalData: document.operationalData,
            notifications: document.notifications,
            relatedOpsItems: document.relatedOpsItems,
            times: document.times,
            createdBy: document.createdBy,
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            lastModifiedBy: document.lastModifiedBy,
            lastModifiedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self)),
            version: try row.decode(column: "version", as: Int.self)
        )
    }
}
