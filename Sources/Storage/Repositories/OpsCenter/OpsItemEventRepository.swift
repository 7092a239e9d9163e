import Foundation
import HikeshiCore
import SQLKit

/// The events of OpsItems, one per version of an item.
public struct OpsItemEventRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "event_id, account_id, region, ops_item_id, version, source, detail_type, detail, created_by, created_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Records an event of an item in `region`.
    public func insert(_ event: OpsItemEvent, region: String) async throws {
        try await sql.raw(
            """
            INSERT INTO ops_item_events (\(unsafeRaw: Self.columns))
            VALUES (\(bind: event.eventID), \(bind: event.accountID), \(bind: region), \(bind: event.opsItemID), \(bind: event.version),
                    \(bind: event.source), \(bind: event.detailType), \(bind: event.detail), \(bind: event.createdBy),
                    \(bind: event.createdAt.millisecondsSince1970))
            """
        ).run()
    }

    /// Events of the account in the region (of the items in `opsItemIDs` when given), newest first, after `cursor`.
    public func list(accountID: String, region: String, opsItemIDs: [String]?, after cursor: String?, limit: Int) async throws
        -> ListPage<OpsItemEvent>
    {
        var statement: SQLQueryString = """
            SELECT \(unsafeRaw: Self.columns) FROM ops_item_events WHERE account_id = \(bind: accountID) AND region = \(bind: region)
            """
        if let opsItemIDs {
            statement += " AND ops_item_id IN (\(SQLList(opsItemIDs.map { SQLBind($0) })))"
        }
        if let cursor {
            let (instant, id, version) = try Self.position(cursor)
            statement += """
                 AND (created_at < \(bind: instant) OR (created_at = \(bind: instant) AND (ops_item_id < \(bind: id)
                    OR (ops_item_id = \(bind: id) AND version < \(bind: version)))))
                """
        }
        statement += " ORDER BY created_at DESC, ops_item_id DESC, version DESC LIMIT \(bind: limit + 1)"
        let rows = try await sql.raw(statement).all().map(Self.event)
        let items = Array(rows.prefix(limit))
        return ListPage(
            items: items,
            nextCursor: rows.count > limit ? items.last.map { "\($0.createdAt.millisecondsSince1970)|\($0.opsItemID)|\($0.version)" } : nil)
    }

    /// Whether `cursor` has the form of this listing's cursors.
    public static func isCursor(_ cursor: String) -> Bool {
        (try? position(cursor)) != nil
    }

    private static func position(_ cursor: String) throws -> (Int64, String, Int) {
        let parts = cursor.split(separator: "|")
        guard parts.count == 3, let instant = Int64(parts[0]), let version = Int(parts[2]) else {
            throw StorageError(.corrupt, "an OpsItem event cursor is unreadable")
        }
        return (instant, String(parts[1]), version)
    }

    private static func event(_ row: any SQLRow) throws -> OpsItemEvent {
        OpsItemEvent(
            eventID: try row.decode(column: "event_id", as: String.self),
            opsItemID: try row.decode(column: "ops_item_id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            version: try row.decode(column: "version", as: Int.self),
            source: try row.decode(column: "source", as: String.self),
            detailType: try row.decode(column: "detail_type", as: String.self),
            detail: try row.decode(column: "detail", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
