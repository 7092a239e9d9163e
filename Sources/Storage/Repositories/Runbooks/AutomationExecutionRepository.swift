import Foundation
import HikeshiCore
import SQLKit

/// Automation executions, each stored whole (Storage's JSON of the aggregate) with the columns lists filter on.
public struct AutomationExecutionRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns =
        "execution_id, account_id, region, document_name, status, parent_id, ops_item_id, client_token, started_at, ended_at, document"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a new execution; ``StorageError/Kind/conflict`` when its id or client token is taken.
    public func insert(_ execution: AutomationExecution, now: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO ssm_automation_executions (\(unsafeRaw: Self.columns), updated_at)
            VALUES (\(bind: execution.id), \(bind: execution.accountID), \(bind: execution.region), \(bind: execution.documentName),
                    \(bind: execution.status.rawValue), \(bind: execution.parentID), \(bind: execution.opsItemID), \(bind: execution.clientToken),
                    \(bind: execution.startedAt.millisecondsSince1970), \(bind: execution.endedAt?.millisecondsSince1970),
                    \(bind: try StoredJSON.encode(execution)), \(bind: now.millisecondsSince1970))
            """
        ).run()
    }

    /// Saves an execution's state.
    public func update(_ execution: AutomationExecution, now: Date) async throws {
        try await sql.raw(
            """
            UPDATE ssm_automation_executions SET status = \(bind: execution.status.rawValue), ended_at = \(bind: execution.endedAt?.millisecondsSince1970),
                document = \(bind: try StoredJSON.encode(execution)), updated_at = \(bind: now.millisecondsSince1970)
            WHERE execution_id = \(bind: execution.id)
            """
        ).run()
    }

    /// The execution with this id, in any account (the engine's own reads); `forUpdate` (PostgreSQL only) locks its row
    /// until the transaction ends, so two nodes never move one execution at once.
    public func execution(id: String, forUpdate: Bool = false) async throws -> AutomationExecution? {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM ssm_automation_executions WHERE execution_id = \(bind: id)"
        if forUpdate { query += " FOR UPDATE" }
        return try await sql.raw(query).first().map(Self.execution)
    }

    /// The account's execution with this id in the region.
    public func execution(id: String, accountID: String, region: String, forUpdate: Bool = false) async throws -> AutomationExecution? {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.columns) FROM ssm_automation_executions
            WHERE execution_id = \(bind: id) AND account_id = \(bind: accountID) AND region = \(bind: region)
            """
        if forUpdate { query += " FOR UPDATE" }
        return try await sql.raw(query).first().map(Self.execution)
    }

    /// The account's execution started with this client token in the region.
    public func execution(clientToken: String, accountID: String, region: String) async throws -> AutomationExecution? {
        try await sql.raw(
            """
            SELECT \(unsafeRaw: Self.columns) FROM ssm_automation_executions
            WHERE client_token = \(bind: clientToken) AND account_id = \(bind: accountID) AND region = \(bind: region)
            """
        ).first().map(Self.execution)
    }

    /// How many of the account's executions have not ended (in every region).
    public func runningCount(accountID: String) async throws -> Int {
        let row = try await sql.raw(
            "SELECT COUNT(*) AS running FROM ssm_automation_executions WHERE account_id = \(bind: accountID) AND ended_at IS NULL"
        ).first()
        return try row?.decode(column: "running", as: Int.self) ?? 0
    }

    /// The account's executions in the region that match `query`, newest first, after `cursor`.
    public func list(accountID: String, region: String, matching query: AutomationExecutionQuery, after cursor: String?, limit: Int) async throws
        -> ListPage<AutomationExecution>
    {
        var text: SQLQueryString = """
            SELECT \(unsafeRaw: Self.columns) FROM ssm_automation_executions e WHERE account_id = \(bind: accountID) AND region = \(bind: region)
            """
        if !query.namePrefixes.isEmpty {
            let clauses = query.namePrefixes.map { prefix -> SQLQueryString in
                // The length is a number this code computes, written as a literal: PostgreSQL has no substr(text, int, bigint).
                "substr(document_name, 1, \(unsafeRaw: String(prefix.unicodeScalars.count))) = \(bind: prefix)"
            }
            text += " AND (\(SQLList(clauses, separator: SQLRaw(" OR "))))"
        }
        if !query.statuses.isEmpty { text += " AND status IN (\(SQLList(query.statuses.map { SQLBind($0.rawValue) })))" }
        if !query.ids.isEmpty { text += " AND execution_id IN (\(SQLList(query.ids.map { SQLBind($0) })))" }
        if !query.parentIDs.isEmpty { text += " AND parent_id IN (\(SQLList(query.parentIDs.map { SQLBind($0) })))" }
        if !query.opsItemIDs.isEmpty { text += " AND ops_item_id IN (\(SQLList(query.opsItemIDs.map { SQLBind($0) })))" }
        if let before = query.startedBefore { text += " AND started_at < \(bind: before.millisecondsSince1970)" }
        if let after = query.startedAfter { text += " AND started_at > \(bind: after.millisecondsSince1970)" }
        if !query.tagKeys.isEmpty {
            text += """
                 AND EXISTS (SELECT 1 FROM resource_tags t WHERE t.account_id = e.account_id AND t.tag_key IN (\(SQLList(query.tagKeys.map { SQLBind($0) })))
                    AND t.resource_arn = 'arn:aws:ssm:' || e.region || ':' || e.account_id || ':automation-execution/' || e.execution_id)
                """
        }
        if let cursor {
            let (instant, id) = try Self.position(cursor)
            text += " AND (started_at < \(bind: instant) OR (started_at = \(bind: instant) AND execution_id < \(bind: id)))"
        }
        text += " ORDER BY started_at DESC, execution_id DESC LIMIT \(bind: limit + 1)"
        let rows = try await sql.raw(text).all().map(Self.execution)
        let items = Array(rows.prefix(limit))
        return ListPage(items: items, nextCursor: rows.count > limit ? items.last.map(Self.cursor) : nil)
    }

    /// The cursor just after an execution in the listing order.
    public static func cursor(_ execution: AutomationExecution) -> String {
        "\(execution.startedAt.millisecondsSince1970)|\(execution.id)"
    }

    /// Whether `cursor` has the form of this listing's cursors (so a handler can refuse a forged token as bad input).
    public static func isCursor(_ cursor: String) -> Bool {
        (try? position(cursor)) != nil
    }

    private static func position(_ cursor: String) throws -> (Int64, String) {
        let parts = cursor.split(separator: "|", maxSplits: 1)
        guard parts.count == 2, let instant = Int64(parts[0]) else {
            throw StorageError(.corrupt, "an automation execution listing cursor is unreadable")
        }
        return (instant, String(parts[1]))
    }

    private static func execution(_ row: any SQLRow) throws -> AutomationExecution {
        let id = try row.decode(column: "execution_id", as: String.self)
        let execution = try StoredJSON.decode(
            AutomationExecution.self, from: try row.decode(column: "document", as: String.self), what: "automation execution \(id)")
        guard execution.status.rawValue == (try row.decode(column: "status", as: String.self)) else {
            throw StorageError(.corrupt, "automation execution \(id) has a status column that disagrees with its document")
        }
        return execution
    }
}
