import Foundation
import SQLKit

/// A customer account's support plan, its case language and time zone.
public struct SupportPlanRecord: Sendable, Equatable {
    /// The customer account.
    public var accountID: String
    /// `basic`, `developer`, `business`, `enterprise-on-ramp` or `enterprise`.
    public var plan: String
    /// The preferred case language (`en`, `ja`, `ko`, `zh`).
    public var language: String
    /// The account's IANA time zone.
    public var timeZone: String
    /// When it was last set.
    public var updatedAt: Date

    /// Creates a record.
    public init(accountID: String, plan: String, language: String, timeZone: String, updatedAt: Date) {
        self.accountID = accountID
        self.plan = plan
        self.language = language
        self.timeZone = timeZone
        self.updatedAt = updatedAt
    }
}

/// Support plans per account.
public struct SupportPlanRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// The account's plan, if one was set.
    public func plan(accountID: String) async throws -> SupportPlanRecord? {
        try await sql.raw(
            "SELECT account_id, plan, language, time_zone, updated_at FROM support_plans WHERE account_id = \(bind: accountID)"
        ).first().map { row in
            SupportPlanRecord(
                accountID: try row.decode(column: "account_id", as: String.self),
                plan: try row.decode(column: "plan", as: String.self),
                language: try row.decode(column: "language", as: String.self),
                timeZone: try row.decode(column: "time_zone", as: String.self),
                updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
            )
        }
    }

    /// Sets (inserts or replaces) an account's plan.
    public func put(_ record: SupportPlanRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO support_plans (account_id, plan, language, time_zone, updated_at)
            VALUES (\(bind: record.accountID), \(bind: record.plan), \(bind: record.language), \(bind: record.timeZone),
                    \(bind: record.updatedAt.millisecondsSince1970))
            ON CONFLICT (account_id) DO UPDATE SET plan = excluded.plan, language = excluded.language, time_zone = excluded.time_zone,
                updated_at = excluded.updated_at
            """
        ).run()
    }
}
