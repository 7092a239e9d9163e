import Foundation
import HikeshiCore
import SQLKit

/// Response plans, scoped to an account.
public struct ResponsePlanRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "arn, account_id, region, name, document, created_at, updated_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a plan; ``StorageError/Kind/conflict`` if the name exists.
    public func insert(_ plan: ResponsePlan, at now: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO response_plans (\(unsafeRaw: Self.columns))
            VALUES (\(bind: plan.arn), \(bind: plan.accountID), \(bind: plan.region), \(bind: plan.name),
                    \(bind: try StoredJSON.encode(ResponsePlanDocument(plan))), \(bind: now.millisecondsSince1970), \(bind: now.millisecondsSince1970))
            """
        ).run()
    }

    /// The plan with this ARN; `accountID` nil finds it in any account (for shared plans).
    public func plan(arn: String, accountID: String?) async throws -> ResponsePlan? {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM response_plans WHERE arn = \(bind: arn)"
        if let accountID {
            query += " AND account_id = \(bind: accountID)"
        }
        return try await sql.raw(query).first().map(Self.record)
    }

    /// The plan with this name in the account.
    public func plan(named name: String, accountID: String) async throws -> ResponsePlan? {
        try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM response_plans WHERE name = \(bind: name) AND account_id = \(bind: accountID)"
        ).first().map(Self.record)
    }

    /// The plan named by `nameOrArn` (an ARN, or else a name) in the account.
    public func plan(nameOrArn: String, accountID: String) async throws -> ResponsePlan? {
        nameOrArn.hasPrefix("arn:") ? try await plan(arn: nameOrArn, accountID: accountID) : try await plan(named: nameOrArn, accountID: accountID)
    }

    /// Plans ordered by name, after `cursor` (a name).
    public func list(accountID: String, after cursor: String?, limit: Int) async throws -> ListPage<ResponsePlan> {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM response_plans WHERE account_id = \(bind: accountID)"
        if let cursor {
            query += " AND name > \(bind: cursor)"
        }
        query += " ORDER BY name LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map(Self.record)
        let items = Array(records.prefix(limit))
        return ListPage(items: items, nextCursor: records.count > limit ? items.last?.name : nil)
    }

    /// Saves a changed plan.
    public func update(_ plan: ResponsePlan, at now: Date) async throws {
        try await sql.raw(
            """
            UPDATE response_plans SET document = \(bind: try StoredJSON.encode(ResponsePlanDocument(plan))), updated_at = \(bind: now.millisecondsSince1970)
            WHERE arn = \(bind: plan.arn) AND account_id = \(bind: plan.accountID)
            """
        ).run()
    }

    /// Deletes a plan.
    public func delete(arn: String, accountID: String) async throws {
        try await sql.raw("DELETE FROM response_plans WHERE arn = \(bind: arn) AND account_id = \(bind: accountID)").run()
    }

    private static func record(_ row: any SQLRow) throws -> ResponsePlan {
        let arn = try row.decode(column: "arn", as: String.self)
        let document = try StoredJSON.decode(
            ResponsePlanDocument.self, from: try row.decode(column: "document", as: String.self), what: "response plan \(arn)")
        return ResponsePlan(
            arn: arn,
            accountID: try row.decode(column: "account_id", as: String.self),
            region: try row.decode(column: "region", as: String.self),
            name: try row.decode(column: "name", as: String.self),
            displayName: document.displayName,
            template: document.template,
            chatChannel: document.chatChannel,
            engagements: document.engagements,
            runbooks: document.runbooks,
            pagerDutyIntegrations: document.pagerDutyIntegrations
        )
    }
}
