import Foundation
import HikeshiCore
import SQLKit

/// An incident record: the columns lists filter on, and the rest of the record as JSON.
public struct IncidentRecordRow: Sendable, Equatable {
    /// The record's ARN (primary key).
    public var arn: String
    /// The owning account (the response plan's owner).
    public var accountID: String
    /// The region it was started in.
    public var region: String
    /// The response plan that started it.
    public var responsePlanArn: String
    /// The title.
    public var title: String
    /// Open or resolved.
    public var status: IncidentStatus
    /// The impact, 1 (critical) to 5 (no impact).
    public var impact: Int
    /// The string that joins triggers of the same problem into this record.
    public var dedupeString: String
    /// The principal that created it.
    public var createdBy: String
    /// When it was created.
    public var createdAt: Date
    /// When it was resolved, if it is.
    public var resolvedAt: Date?
    /// When it last changed.
    public var updatedAt: Date
    /// The remaining fields as JSON.
    public var document: String

    /// Creates a row.
    public init(
        arn: String,
        accountID: String,
        region: String,
        responsePlanArn: String,
        title: String,
        status: IncidentStatus,
        impact: Int,
        dedupeString: String,
        createdBy: String,
        createdAt: Date,
        resolvedAt: Date?,
        updatedAt: Date,
        document: String
    ) {
        self.arn = arn
        self.accountID = accountID
        self.region = region
        self.responsePlanArn = responsePlanArn
        self.title = title
        self.status = status
        self.impact = impact
        self.dedupeString = dedupeString
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.resolvedAt = resolvedAt
        self.updatedAt = updatedAt
        self.document = document
    }
}

/// One condition of an incident list filter; conditions are joined with AND.
public enum IncidentPredicate: Sendable, Equatable {
    /// Created strictly before the instant.
    case createdBefore(Date)
    /// Created strictly after the instant.
    case createdAfter(Date)
    /// Resolved strictly before the instant.
    case resolvedBefore(Date)
    /// Resolved strictly after the instant.
    case resolvedAfter(Date)
    /// Impact is one of the values.
    case impactIn([Int])
    /// Status is one of the values.
    case statusIn([String])
    /// Created by one of the principals.
    case createdByIn([String])
}

/// Incident records, scoped to an account.
public struct IncidentRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns =
        "arn, account_id, region, response_plan_arn, title, status, impact, dedupe_string, created_by, created_at, resolved_at, updated_at, document"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a record.
    public func insert(_ row: IncidentRecordRow) async throws {
        try await sql.raw(
            """
            INSERT INTO incident_records (\(unsafeRaw: Self.columns))
            VALUES (\(bind: row.arn), \(bind: row.accountID), \(bind: row.region), \(bind: row.responsePlanArn), \(bind: row.title),
                    \(bind: row.status.rawValue), \(bind: row.impact), \(bind: row.dedupeString), \(bind: row.createdBy),
                    \(bind: row.createdAt.millisecondsSince1970), \(bind: row.resolvedAt?.millisecondsSince1970),
                    \(bind: row.updatedAt.millisecondsSince1970), \(bind: row.document))
            """
        ).run()
    }

    /// The record with this ARN; `accountID` nil finds it in any account (for shared plans).
    public func record(arn: String, accountID: String?) async throws -> IncidentRecordRow? {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM incident_records WHERE arn = \(bind: arn)"
        if let accountID {
            query += " AND account_id = \(bind: accountID)"
        }
        return try await sql.raw(query).first().map(Self.row)
    }

    /// The record of the account whose ARN ends with `/idSuffix` (the id chat messages show).
    public func record(idSuffix: String, accountID: String) async throws -> IncidentRecordRow? {
        let rows = try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM incident_records WHERE account_id = \(bind: accountID) AND arn LIKE \(bind: "%/" + idSuffix)"
        ).all().map(Self.row)
        return rows.count == 1 ? rows.first : nil
    }

    /// The newest OPEN record of the account with this dedupe string, of one response plan when `responsePlanArn` is given.
    public func openRecord(dedupeString: String, accountID: String, responsePlanArn: String? = nil) async throws -> IncidentRecordRow? {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.columns) FROM incident_records
            WHERE account_id = \(bind: accountID) AND dedupe_string = \(bind: dedupeString) AND status = \(bind: IncidentStatus.open.rawValue)
            """
        if let responsePlanArn {
            query += " AND response_plan_arn = \(bind: responsePlanArn)"
        }
        query += " ORDER BY created_at DESC LIMIT 1"
        return try await sql.raw(query).first().map(Self.row)
    }

    /// Records newest first, matching every predicate, after `cursor`.
    public func list(accountID: String, matching predicates: [IncidentPredicate], after cursor: String?, limit: Int) async throws
        -> Page<IncidentRecordRow>
    {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM incident_records WHERE account_id = \(bind: accountID)"
        for predicate in predicates {
            switch predicate {
            case .createdBefore(let instant):
                query += " AND created_at < \(bind: instant.millisecondsSince1970)"
            case .createdAfter(let instant):
                query += " AND created_at > \(bind: instant.millisecondsSince1970)"
            case .resolvedBefore(let instant):
                query += " AND resolved_at IS NOT NULL AND resolved_at < \(bind: instant.millisecondsSince1970)"
            case .resolvedAfter(let instant):
                query += " AND resolved_at IS NOT NULL AND resolved_at > \(bind: instant.millisecondsSince1970)"
            case .impactIn(let values):
                query += Self.membership("impact", values.map { SQLBind($0) })
            case .statusIn(let values):
                query += Self.membership("status", values.map { SQLBind($0) })
            case .createdByIn(let values):
                query += Self.membership("created_by", values.map { SQLBind($0) })
            }
        }
        if let cursor, let split = cursor.firstIndex(of: "|"), let millis = Int64(cursor[..<split]) {
            let arn = String(cursor[cursor.index(after: split)...])
            query += " AND (created_at < \(bind: millis) OR (created_at = \(bind: millis) AND arn > \(bind: arn)))"
        }
        query += " ORDER BY created_at DESC, arn LIMIT \(bind: limit + 1)"
        let rows = try await sql.raw(query).all().map(Self.row)
        let items = Array(rows.prefix(limit))
        let next = rows.count > limit ? items.last.map { "\($0.createdAt.millisecondsSince1970)|\($0.arn)" } : nil
        return Page(items: items, nextCursor: next)
    }

    /// Saves the mutable columns and the document.
    public func update(_ row: IncidentRecordRow) async throws {
        try await sql.raw(
            """
            UPDATE incident_records SET title = \(bind: row.title), status = \(bind: row.status.rawValue), impact = \(bind: row.impact),
                resolved_at = \(bind: row.resolvedAt?.millisecondsSince1970), updated_at = \(bind: row.updatedAt.millisecondsSince1970),
                document = \(bind: row.document)
            WHERE arn = \(bind: row.arn)
            """
        ).run()
    }

    /// Deletes a record with its timeline and related items.
    public func delete(arn: String) async throws {
        try await sql.raw("DELETE FROM timeline_events WHERE incident_arn = \(bind: arn)").run()
        try await sql.raw("DELETE FROM related_items WHERE incident_arn = \(bind: arn)").run()
        try await sql.raw("DELETE FROM incident_records WHERE arn = \(bind: arn)").run()
    }

    private static func membership(_ column: String, _ values: [SQLBind]) -> SQLQueryString {
        guard !values.isEmpty else { return " AND 1 = 0" }
        return " AND \(unsafeRaw: column) IN (\(SQLList(values)))"
    }

    private static func row(_ row: any SQLRow) throws -> IncidentRecordRow {
        IncidentRecordRow(
            arn: try row.decode(column: "arn", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            responsePlanArn: try row.decode(column: "response_plan_arn", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            status: try StoredValue.decode(IncidentStatus.self, row, column: "status"),
            impact: try row.decode(column: "impact", as: Int.self),
            dedupeString: try row.decode(column: "dedupe_string", as: String.self),
            createdBy: try row.decode(column: "created_by", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            resolvedAt: try row.decode(column: "resolved_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self)),
            document: try row.decode(column: "document", as: String.self)
        )
    }
}
