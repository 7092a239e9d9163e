import Foundation
import HikeshiCore
import SQLKit

/// Engagements, scoped to an account.
public struct EngagementRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = """
        arn, account_id, region, contact_arn, sender, subject, content, public_subject, public_content, incident_id, started_at, \
        stopped_at, stop_reason, escalation_stopped_at
        """

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts an engagement.
    public func insert(_ record: Engagement) async throws {
        try await sql.raw(
            """
            INSERT INTO engagements (\(unsafeRaw: Self.columns))
            VALUES (\(bind: record.arn), \(bind: record.accountID), \(bind: record.region), \(bind: record.contactArn), \(bind: record.sender),
                    \(bind: record.subject), \(bind: record.content), \(bind: record.publicSubject), \(bind: record.publicContent),
                    \(bind: record.incidentID), \(bind: record.startedAt.millisecondsSince1970), \(bind: record.stoppedAt?.millisecondsSince1970),
                    \(bind: record.stopReason), \(bind: record.escalationStoppedAt?.millisecondsSince1970))
            """
        ).run()
    }

    /// The engagement with this ARN in the account (`accountID` nil: any account, for background jobs).
    public func engagement(arn: String, accountID: String?) async throws -> Engagement? {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM engagements WHERE arn = \(bind: arn)"
        if let accountID {
            query += " AND account_id = \(bind: accountID)"
        }
        return try await sql.raw(query).first().map(Self.record)
    }

    /// Engagements newest first, filtered by incident and start-time range, after `cursor` (an ARN).
    public func list(
        accountID: String,
        region: String,
        incidentID: String?,
        startedAfter: Date?,
        startedBefore: Date?,
        after cursor: String?,
        limit: Int
    ) async throws -> ListPage<Engagement> {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM engagements WHERE account_id = \(bind: accountID)"
        query += " AND region = \(bind: region)"
        if let incidentID {
            query += " AND incident_id = \(bind: incidentID)"
        }
        if let startedAfter {
            query += " AND started_at >= \(bind: startedAfter.millisecondsSince1970)"
        }
        if let startedBefore {
            query += " AND started_at <= \(bind: startedBefore.millisecondsSince1970)"
        }
        if let cursor, let anchor = try await engagement(arn: cursor, accountID: accountID) {
            let started = anchor.startedAt.millisecondsSince1970
            query += " AND (started_at < \(bind: started) OR (started_at = \(bind: started) AND arn < \(bind: cursor)))"
        }
        query += " ORDER BY started_at DESC, arn DESC LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map(Self.record)
        let items = Array(records.prefix(limit))
        return ListPage(items: items, nextCursor: records.count > limit ? items.last?.arn : nil)
    }

    /// The engagements started for an incident, oldest first.
    public func engagements(incidentID: String, accountID: String) async throws -> [Engagement] {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM engagements
            WHERE account_id = \(bind: accountID) AND incident_id = \(bind: incidentID) ORDER BY started_at, arn
            """
        ).all().map(Self.record)
    }

    /// Marks an engagement stopped (first stop wins).
    public func stop(arn: String, reason: String?, at instant: Date) async throws {
        try await sql.raw(
            """
            UPDATE engagements SET stopped_at = \(bind: instant.millisecondsSince1970), stop_reason = \(bind: reason)
            WHERE arn = \(bind: arn) AND stopped_at IS NULL
            """
        ).run()
    }

    /// Records that an essential contact acknowledged: no further escalation stages start.
    public func stopEscalation(arn: String, at instant: Date) async throws {
        try await sql.raw(
            "UPDATE engagements SET escalation_stopped_at = \(bind: instant.millisecondsSince1970) WHERE arn = \(bind: arn) AND escalation_stopped_at IS NULL"
        ).run()
    }

    private static func record(_ row: any SQLRow) throws -> Engagement {
        Engagement(
            arn: try row.decode(column: "arn", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            contactArn: try row.decode(column: "contact_arn", as: String.self),
            sender: try row.decode(column: "sender", as: String.self),
            subject: try row.decode(column: "subject", as: String.self),
            content: try row.decode(column: "content", as: String.self),
            publicSubject: try row.decode(column: "public_subject", as: String?.self),
            publicContent: try row.decode(column: "public_content", as: String?.self),
            incidentID: try row.decode(column: "incident_id", as: String?.self),
            startedAt: Date(millisecondsSince1970: try row.decode(column: "started_at", as: Int64.self)),
            stoppedAt: try row.decode(column: "stopped_at", as: Int64?.self).map(Date.init(millisecondsSince1970:)),
            stopReason: try row.decode(column: "stop_reason", as: String?.self),
            escalationStoppedAt: try row.decode(column: "escalation_stopped_at", as: Int64?.self).map(Date.init(millisecondsSince1970:))
        )
    }
}
