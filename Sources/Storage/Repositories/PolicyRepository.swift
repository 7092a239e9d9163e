import Foundation
import SQLKit

/// Resource policies (JSON documents) by resource ARN, scoped to an account.
public struct PolicyRepository: Sendable {
    private let sql: any SQLDatabase

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Stores or replaces the policy of a resource.
    public func put(_ policy: String, on resourceArn: String, accountID: String, at instant: Date) async throws {
        try await sql.raw(
            """
            INSERT INTO resource_policies (resource_arn, account_id, policy, updated_at)
            VALUES (\(bind: resourceArn), \(bind: accountID), \(bind: policy), \(bind: instant.millisecondsSince1970))
            ON CONFLICT (resource_arn) DO UPDATE SET policy = \(bind: policy), updated_at = \(bind: instant.millisecondsSince1970)
            """
        ).run()
    }

    /// The policy of a resource, if any.
    public func policy(of resourceArn: String, accountID: String) async throws -> String? {
        try await sql.raw(
            "SELECT policy FROM resource_policies WHERE resource_arn = \(bind: resourceArn) AND account_id = \(bind: accountID)"
        ).first()?.decode(column: "policy", as: String.self)
    }

    /// Removes the policy of a resource.
    public func delete(of resourceArn: String, accountID: String) async throws {
        try await sql.raw("DELETE FROM resource_policies WHERE resource_arn = \(bind: resourceArn) AND account_id = \(bind: accountID)").run()
    }
}
