import Foundation
import HikeshiCore
import SQLKit

/// An OpsCenter operational item; incidents create one as their parent.
public struct OpsItemRecord: Sendable, Equatable {
    /// The id, `oi-` and 12 hex digits (primary key).
    public var id: String
    /// The owning account.
    public var accountID: String
    /// The region.
    public var region: String
    /// The title.
    public var title: String
    /// Where it came from (`SSMIncidents` for incidents).
    public var source: String
    /// Where it stands.
    public var status: OpsItemStatus
    /// The remaining fields as JSON (description, related incident, operational data).
    public var document: String
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a record.
    public init(
        id: String,
        accountID: String,
        region: String,
        title: String,
        source: String,
        status: OpsItemStatus,
        document: String,
        createdAt: Date,
        updatedAt: Date
    ) {
        self.id = id
        self.accountID = accountID
        self.region = region
        self.title = title
        self.source = source
        self.status = status
        self.document = document
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}

/// OpsItems.
public struct OpsItemRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "id, account_id, region, title, source, status, document, created_at, updated_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts one.
    public func insert(_ item: OpsItemRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO ops_items (\(unsafeRaw: Self.columns))
            VALUES (\(bind: item.id), \(bind: item.accountID), \(bind: item.region), \(bind: item.title), \(bind: item.source),
                    \(bind: item.status.rawValue), \(bind: item.document), \(bind: item.createdAt.millisecondsSince1970),
                    \(bind: item.updatedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// Sets the status.
    public func setStatus(_ status: OpsItemStatus, id: String, accountID: String, at instant: Date) async throws {
        try await sql.raw(
            """
            UPDATE ops_items SET status = \(bind: status.rawValue), updated_at = \(bind: instant.millisecondsSince1970)
            WHERE id = \(bind: id) AND account_id = \(bind: accountID)
            """
        ).run()
    }

    private static func record(_ row: any SQLRow) throws -> OpsItemRecord {
        OpsItemRecord(
            id: try row.decode(column: "id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            source: try row.decode(column: "source", as: String.self),
            status: try StoredValue.decode(OpsItemStatus.self, row, column: "status"),
            document: try row.decode(column: "document", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
