import Foundation
import SQLKit

/// A resource policy attached to a response plan, sharing it with other accounts.
public struct ResourcePolicyRecord: Sendable, Equatable {
    /// The policy's id (primary key).
    public var policyID: String
    /// The owning account.
    public var accountID: String
    /// The response plan it is attached to.
    public var resourceArn: String
    /// The policy document (IAM JSON).
    public var policy: String
    /// When it was put.
    public var createdAt: Date

    /// Creates a record.
    public init(policyID: String, accountID: String, resourceArn: String, policy: String, createdAt: Date) {
        self.policyID = policyID
        self.accountID = accountID
        self.resourceArn = resourceArn
        self.policy = policy
        self.createdAt = createdAt
    }
}

/// Resource policies on response plans.
public struct ResourcePolicyRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "policy_id, account_id, resource_arn, policy, created_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a policy (its id is new).
    public func insert(_ policy: ResourcePolicyRecord) async throws {
        try await sql.raw(
            """
            INSERT INTO incident_resource_policies (\(unsafeRaw: Self.columns))
            VALUES (\(bind: policy.policyID), \(bind: policy.accountID), \(bind: policy.resourceArn), \(bind: policy.policy),
                    \(bind: policy.createdAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The policies on a resource, oldest first.
    public func policies(resourceArn: String) async throws -> [ResourcePolicyRecord] {
        try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM incident_resource_policies WHERE resource_arn = \(bind: resourceArn) ORDER BY created_at, policy_id"
        ).all().map(Self.record)
    }

    /// Deletes one policy of a resource; returns whether it existed.
    @discardableResult
    public func delete(policyID: String, resourceArn: String) async throws -> Bool {
        try await !sql.raw(
            "DELETE FROM incident_resource_policies WHERE policy_id = \(bind: policyID) AND resource_arn = \(bind: resourceArn) RETURNING policy_id"
        ).all().isEmpty
    }

    /// Deletes every policy of a resource.
    public func deleteAll(resourceArn: String) async throws {
        try await sql.raw("DELETE FROM incident_resource_policies WHERE resource_arn = \(bind: resourceArn)").run()
    }

    private static func record(_ row: any SQLRow) throws -> ResourcePolicyRecord {
        ResourcePolicyRecord(
            policyID: try row.decode(column: "policy_id", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            resourceArn: try row.decode(column: "resource_arn", as: String.self),
            policy: try row.decode(column: "policy", as: String.self),
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
