import Foundation
import HikeshiCore
import SQLKit

/// What ListOpsItemRelatedItems may narrow to: each non-empty list is a filter (values OR, lists AND).
public struct OpsItemRelatedItemQuery: Sendable, Equatable {
    /// Only this OpsItem's related items (all of the account's in the region when nil).
    public var opsItemID: String?
    /// Only these kinds of resource.
    public var resourceTypes: [String]
    /// Only these associations.
    public var associationIDs: [String]
    /// Only these resources.
    public var resourceUris: [String]

    /// Creates a query.
    public init(opsItemID: String?, resourceTypes: [String] = [], associationIDs: [String] = [], resourceUris: [String] = []) {
        self.opsItemID = opsItemID
        self.resourceTypes = resourceTypes
        self.associationIDs = associationIDs
        self.resourceUris = resourceUris
    }
}

/// Resources associated with OpsItems; one association per OpsItem and resource ARN.
public struct OpsItemRelatedItemRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "association_id, account_id, ops_item_id, resource_type, association_type, resource_uri, created_by, created_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts an association; ``StorageError/Kind/conflict`` when the OpsItem has the resource already.
    public func insert(_ item: OpsItemRelatedItem) async throws {
        try await sql.raw(
            """
            INSERT INTO ops_item_related_items (\(unsafeRaw: Self.columns))
            VALUES (\(bind: item.associationID), \(bind: item.accountID), \(bind: item.opsItemID), \(bind: item.resourceType.rawValue),
                    \(bind: item.associationType.rawValue), \(bind: item.resourceUri), \(bind: item.createdBy), \(bind: item.createdAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The OpsItem's association with the resource, if any.
    public func item(opsItemID: String, resourceUri: String, accountID: String) async throws -> OpsItemRelatedItem? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM ops_item_related_items
            WHERE ops_item_id = \(bind: opsItemID) AND resource_uri = \(bind: resourceUri) AND account_id = \(bind: accountID)
            """
        ).first().map(Self.item)
    }

    /// Removes an association of the OpsItem; whether there was one.
    public func delete(associationID: String, opsItemID: String, accountID: String) async throws -> Bool {
        let found = try await sql.raw(
            """
            SELECT association_id FROM ops_item_related_items
            WHERE association_id = \(bind: associationID) AND ops_item_id = \(bind: opsItemID) AND account_id = \(bind: accountID)
            """
        ).first()
        guard found != nil else { return false }
        try await sql.raw(
            """
            DELETE FROM ops_item_related_items
            WHERE association_id = \(bind: associationID) AND ops_item_id = \(bind: opsItemID) AND account_id = \(bind: accountID)
            """
        ).run()
        return true
    }

    /// Associations of the account's OpsItems in the region, oldest first, after `cursor`.
    public func list(_ query: OpsItemRelatedItemQuery, accountID: String, region: String, after cursor: String?, limit: Int) async throws
        -> ListPage<OpsItemRelatedItem>
    {
        var statement: SQLQueryString = """
            SELECT \(unsafeRaw: Self.columns) FROM ops_item_related_items
            WHERE account_id = \(bind: accountID)
                AND ops_item_id IN (SELECT id FROM ops_items WHERE account_id = \(bind: accountID) AND region = \(bind: region))
            """
        if let opsItemID = query.opsItemID {
            statement += " AND ops_item_id = \(bind: opsItemID)"
        }
        for (column, values) in [
            ("resource_type", query.resourceTypes), ("association_id", query.associationIDs), ("resource_uri", query.resourceUris),
        ]
        where !values.isEmpty {
            statement += " AND \(unsafeRaw: column) IN (\(SQLList(values.map { SQLBind($0) })))"
        }
        if let cursor {
            let (instant, id) = try Self.position(cursor)
            statement += " AND (created_at > \(bind: instant) OR (created_at = \(bind: instant) AND association_id > \(bind: id)))"
        }
        statement += " ORDER BY created_at, association_id LIMIT \(bind: limit + 1)"
        let rows = try await sql.raw(statement).all().map(Self.item)
        let items = Array(rows.prefix(limit))
        return ListPage(
            items: items, nextCursor: rows.count > limit ? items.last.map { "\($0.createdAt.millisecondsSince1970)|\($0.associationID)" } : nil)
    }

    /// Whether `cursor` has the form of this listing's cursors.
    public static func isCursor(_ cursor: String) -> Bool {
        (try? position(cursor)) != nil
    }

    private static func position(_ cursor: String) throws -> (Int64, String) {
        let parts = cursor.split(separator: "|", maxSplits: 1)
        guard parts.count == 2, let instant = Int64(parts[0]) else {
            throw StorageError(.corrupt, "an OpsItem related-item cursor is unreadable")
        }
        return (instant, String(parts[1]))
    }

    private static func item(_ row: any SQLRow) throws -> OpsItemRelatedItem {
        OpsItemRelatedItem(
            associationID: try row.decode(column: "association_id", as: String.self),
            opsItemID: try row.decode(column: "ops_item_id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            resourceType: try StoredValue.decode(OpsItemResourceType.self, row, column: "resource_type"),
            associationType: try StoredValue.decode(OpsItemAssociationType.self, row, column: "association_type"),
            resourceUri: try row.decode(column: "resource_uri", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
