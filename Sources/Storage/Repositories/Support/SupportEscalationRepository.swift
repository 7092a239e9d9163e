import Foundation
import HikeshiCore
import SQLKit

/// Cases escalated upstream and the messages that went up and came down.
public struct SupportEscalationRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = """
        id, case_id, desk_account_id, provider, status, opening, upstream_case_id, upstream_display_id, upstream_status, attempts, last_error,
        next_attempt_at, last_polled_at, chain_job_id, lease_owner, lease_until, created_at, updated_at
        """
    private static let messageColumns = "id, escalation_id, direction, state, body, upstream_key, details, created_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts an escalation.
    public func insert(_ record: SupportEscalation) async throws {
        try await sql.raw(
            """
            INSERT INTO support_escalations (\(unsafeRaw: Self.columns))
            VALUES (\(bind: record.id), \(bind: record.caseID), \(bind: record.deskAccountID), \(bind: record.provider), \(bind: record.status.rawValue),
                    \(bind: try StoredJSON.encode(record.opening)), \(bind: record.upstreamCaseID), \(bind: record.upstreamDisplayID),
                    \(bind: record.upstreamStatus), \(bind: record.attempts), \(bind: record.lastError), \(bind: record.nextAttemptAt?.millisecondsSince1970),
                    \(bind: record.lastPolledAt?.millisecondsSince1970), \(bind: record.chainJobID), \(bind: record.leaseOwner),
                    \(bind: record.leaseUntil?.millisecondsSince1970),
                    \(bind: record.createdAt.millisecondsSince1970), \(bind: record.updatedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// Stores an escalation's changed state.
    public func update(_ record: SupportEscalation) async throws {
        try await sql.raw(
            """
            UPDATE support_escalations SET status = \(bind: record.status.rawValue), upstream_case_id = \(bind: record.upstreamCaseID),
                upstream_display_id = \(bind: record.upstreamDisplayID), upstream_status = \(bind: record.upstreamStatus),
                attempts = \(bind: record.attempts), last_error = \(bind: record.lastError),
                next_attempt_at = \(bind: record.nextAttemptAt?.millisecondsSince1970), last_polled_at = \(bind: record.lastPolledAt?.millisecondsSince1970),
                chain_job_id = \(bind: record.chainJobID), lease_owner = \(bind: record.leaseOwner),
                lease_until = \(bind: record.leaseUntil?.millisecondsSince1970),
                updated_at = \(bind: record.updatedAt.millisecondsSince1970)
            WHERE id = \(bind: record.id)
            """
        ).run()
    }

    /// An escalation by id; `forUpdate` locks its row (PostgreSQL).
    public func escalation(id: String, forUpdate: Bool = false) async throws -> SupportEscalation? {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM support_escalations WHERE id = \(bind: id)"
        if forUpdate {
            query += " FOR UPDATE"
        }
        return try await sql.raw(query).first().map(Self.record)
    }

    /// A case's escalations, oldest first.
    public func escalations(caseID: String) async throws -> [SupportEscalation] {
        try await sql.raw("SELECT \(unsafeRaw: Self.columns) FROM support_escalations WHERE case_id = \(bind: caseID) ORDER BY created_at, id")
            .all().map(Self.record)
    }

    /// Inserts a message.
    public func insert(_ message: EscalationMessage) async throws {
        try await sql.raw(
            """
            INSERT INTO support_escalation_messages (\(unsafeRaw: Self.messageColumns))
            VALUES (\(bind: message.id), \(bind: message.escalationID), \(bind: message.direction.rawValue), \(bind: message.state.rawValue),
                    \(bind: message.body), \(bind: message.upstreamKey), \(bind: try StoredJSON.encode(message.details)),
                    \(bind: message.createdAt.millisecondsSince1970))
            """
        ).run()
    }

    /// Stores a message's changed state, text (as sent), key and details.
    public func update(_ message: EscalationMessage) async throws {
        try await sql.raw(
            """
            UPDATE support_escalation_messages SET state = \(bind: message.state.rawValue), body = \(bind: message.body),
                upstream_key = \(bind: message.upstreamKey),
                details = \(bind: try StoredJSON.encode(message.details))
            WHERE id = \(bind: message.id)
            """
        ).run()
    }

    /// An escalation's messages, oldest first.
    public func messages(escalationID: String) async throws -> [EscalationMessage] {
        try await sql.raw(
            "SELECT \(unsafeRaw: Self.messageColumns) FROM support_escalation_messages WHERE escalation_id = \(bind: escalationID) ORDER BY created_at, id"
        ).all().map(Self.message)
    }

    private static func record(_ row: any SQLRow) throws -> SupportEscalation {
        func date(_ column: String) throws -> Date? {
            try row.decode(column: column, as: Int64?.self).map(Date.init(millisecondsSince1970:))
        }
        return SupportEscalation(
            id: try row.decode(column: "id", as: String.self),
            caseID: try row.decode(column: "case_id", as: String.self),
            deskAccountID: try row.decode(column: "desk_account_id", as: String.self),
            provider: try row.decode(column: "provider", as: String.self),
            status: try StoredValue.decode(SupportEscalation.Status.self, row, column: "status"),
            opening: try StoredJSON.decode(
                SupportEscalation.Opening.self, from: try row.decode(column: "opening", as: String.self), what: "an escalation's opening"),
            upstreamCaseID: try row.decode(column: "upstream_case_id", as: String?.self),
            upstreamDisplayID: try row.decode(column: "upstream_display_id", as: String?.self),
            upstreamStatus: try row.decode(column: "upstream_status", as: String?.self),
            attempts: try row.decode(column: "attempts", as: Int.self),
            lastError: try row.decode(column: "last_error", as: String?.self),
            nextAttemptAt: try date("next_attempt_at"),
            lastPolledAt: try date("last_polled_at"),
            chainJobID: try row.decode(column: "chain_job_id", as: String?.self),
            leaseOwner: try row.decode(column: "lease_owner", as: String?.self),
            leaseUntil: try date("lease_until"),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self)),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }

    private static func message(_ row: any SQLRow) throws -> EscalationMessage {
        EscalationMessage(
            id: try row.decode(column: "id", as: String.self),
            escalationID: try row.decode(column: "escalation_id", as: String.self),
            direction: try StoredValue.decode(EscalationMessage.Direction.self, row, column: "direction"),
            state: try StoredValue.decode(EscalationMessage.State.self, row, column: "state"),
            body: try row.decode(column: "body", as: String.self),
            upstreamKey: try row.decode(column: "upstream_key", as: String?.self),
            details: try StoredJSON.decode(
                EscalationMessage.Details.self, from: try row.decode(column: "details", as: String.self), what: "an escalation message's details"),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
