import Foundation
import HikeshiCore
import SQLKit

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

    /// Inserts a new incident.
    public func insert(_ incident: Incident) async throws {
        try await sql.raw(
            """
            INSERT INTO incident_records (\(unsafeRaw: Self.columns))
            VALUES (\(bind: incident.arn), \(bind: incident.accountID), \(bind: incident.region), \(bind: incident.responsePlanArn),
                    \(bind: incident.title), \(bind: incident.status.rawValue), \(bind: incident.impact), \(bind: incident.dedupeString),
                    \(bind: incident.source.createdBy), \(bind: incident.createdAt.millisecondsSince1970),
                    \(bind: incident.resolvedAt?.millisecondsSince1970), \(bind: incident.createdAt.millisecondsSince1970),
                    \(bind: try StoredJSON.encode(IncidentDocument(incident))))
            """
        ).run()
    }

    /// The record with this ARN; `accountID` nil finds it in any account (for shared plans).
    public func record(arn: String, accountID: String?) async throws -> Incident? {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM incident_records WHERE arn = \(bind: arn)"
        if let accountID {
            query += " AND account_id = \(bind: accountID)"
        }
        return try await sql.raw(query).first().map(Self.row)
    }

    /// The record of the account whose ARN ends with `/idSuffix` (the id chat messages show).
    public func record(idSuffix: String, accountID: String) async throws -> Incident? {
        let rows = try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM incident_records WHERE account_id = \(bind: accountID) AND arn LIKE \(bind: "%/" + idSuffix)"
        ).all().map(Self.row)
        return rows.count == 1 ? rows.first : nil
    }

    /// The newest OPEN record of the account with this dedupe string, of one response plan when `responsePlanArn` is given.
    public func openRecord(dedupeString: String, accountID: String, responsePlanArn: String? = nil) async throws -> Incident? {
        try await sql.raw(Self.openQuery(Self.columns, dedupeString, accountID, responsePlanArn)).first().map(Self.row)
    }

    /// The ARN of ``openRecord(dedupeString:accountID:responsePlanArn:)``, without reading the record: what a trigger
    /// that joins an open incident needs, on the alert intake's hot path.
    public func openRecordArn(dedupeString: String, accountID: String, responsePlanArn: String? = nil) async throws -> String? {
        try await sql.raw(Self.openQuery("arn", dedupeString, accountID, responsePlanArn)).first()?.decode(column: "arn", as: String.self)
    }

    private static func openQuery(_ columns: String, _ dedupeString: String, _ accountID: String, _ responsePlanArn: String?) -> SQLQueryString {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: columns) FROM incident_records
            WHERE account_id = \(bind: accountID) AND dedupe_string = \(bind: dedupeString) AND status = \(bind: IncidentStatus.open.rawValue)
            """
        if let responsePlanArn {
            query += " AND response_plan_arn = \(bind: responsePlanArn)"
        }
        query += " ORDER BY created_at DESC LIMIT 1"
        return query
    }

    /// Records newest first, matching every predicate, after `cursor`.
    public func list(accountID: String, matching predicates: [IncidentPredicate], after cursor: String?, limit: Int) async throws
        -> ListPage<Incident>
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
        return ListPage(items: items, nextCursor: next)
    }

    /// Saves a changed incident; `now` is when the row changed.
    public func update(_ incident: Incident, at now: Date) async throws {
        try await sql.raw(
            """
            UPDATE incident_records SET title = \(bind: incident.title), status = \(bind: incident.status.rawValue),
                impact = \(bind: incident.impact), resolved_at = \(bind: incident.resolvedAt?.millisecondsSince1970),
                updated_at = \(bind: now.millisecondsSince1970), document = \(bind: try StoredJSON.encode(IncidentDocument(incident)))
            WHERE arn = \(bind: incident.arn)
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

    private static func row(_ row: any SQLRow) throws -> Incident {
        let arn = try row.decode(column: "arn", as: String.self)
        let document = try StoredJSON.decode(
            IncidentDocument.self, from: try row.decode(column: "document", as: String.self), what: "incident \(arn)")
        return Incident(
            arn: arn,
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            responsePlanArn: try row.decode(column: "response_plan_arn", as: String.self),
            title: try row.decode(column: "title", as: String.self),
            summary: document.summary,
            status: try StoredValue.decode(IncidentStatus.self, row, column: "status"),
            impact: try row.decode(column: "impact", as: Int.self),
            dedupeString: try row.decode(column: "dedupe_string", as: String.self),
            source: document.source,
            chatChannel: document.chatChannel,
            notificationTopics: document.notificationTopics,
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            resolvedAt: try row.decode(column: "resolved_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            lastModifiedBy: document.lastModifiedBy,
            lastModifiedAt: document.lastModifiedAt,
            opsItemID: document.opsItemID,
            pendingRunbooks: document.pendingRunbooks,
            acknowledgedAt: document.acknowledgedAt,
            automationExecutions: document.automationExecutions ?? []
        )
    }
}
