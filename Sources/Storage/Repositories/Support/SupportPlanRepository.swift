import Foundation
import HikeshiCore
import SQLKit

/// Support plans per account.
public struct SupportPlanRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The account's plan, if one was set.
    public func plan(accountID: String) async throws -> AccountSupportPlan? {
        try await sql.raw(
            "SELECT account_id, plan, language, time_zone, updated_at FROM support_plans WHERE account_id = \(bind: accountID)"
        ).first().map { row in
            AccountSupportPlan(
                accountID: try row.decode(column: "account_id", as: String.self),
                plan: try StoredValue.decode(SupportPlanKind.self, row, column: "plan"),
                language: try StoredValue.decode(SupportLanguage.self, row, column: "language"),
                timeZone: try row.decode(column: "time_zone", as: String.self),
                updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
            )
        }
    }

    /// Sets (inserts or replaces) an account's plan.
    public func put(_ record: AccountSupportPlan) async throws {
        try await sql.raw(
            """
            INSERT INTO support_plans (account_id, plan, language, time_zone, updated_at)
            VALUES (\(bind: record.accountID), \(bind: record.plan.rawValue), \(bind: record.language.rawValue), \(bind: record.timeZone),
                    \(bind: record.updatedAt.millisecondsSince1970))
            ON CONFLICT (account_id) DO UPDATE SET plan = excluded.plan, language = excluded.language, time_zone = excluded.time_zone,
                updated_at = excluded.updated_at
            """
        ).run()
    }
}
