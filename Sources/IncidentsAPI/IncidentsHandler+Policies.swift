import AWSProtocol
import Foundation
import HikeshiCore
import SSMIncidentsModel
import Storage

extension IncidentsHandler {
    /// Attaches a resource policy to one of the caller's response plans.
    public func putResourcePolicy(_ input: SSMIncidents.PutResourcePolicyInput, context: AWSRequestContext) async throws
        -> SSMIncidents.PutResourcePolicyOutput
    {
        try Self.checkPolicy(input.policy, field: "policy")
        let account = context.accountID
        let now = clock.now()
        let policyID = try await write(context.logger) { tx in
            guard try await tx.responsePlans.plan(arn: input.resourceArn, accountID: account) != nil else {
                throw IncidentsError.notFound(input.resourceArn, type: "RESPONSE_PLAN")
            }
            return try await Self.addPolicy(input.policy, resourceArn: input.resourceArn, account: account, now: now, tx: tx)
        }
        return SSMIncidents.PutResourcePolicyOutput(policyId: policyID)
    }

    /// The most resource policies a response plan holds.
    static let policyLimit = 10

    /// Throws unless `policy` is a policy document ``SharePolicy`` can read.
    static func checkPolicy(_ policy: String, field: String) throws {
        guard SharePolicy(json: policy) != nil else {
            throw IncidentsError.invalid(field, "The policy must be a JSON object with a Statement of Allow or Deny statements")
        }
    }

    /// Attaches a checked policy to a plan of the account (within the quota); returns the new policy's id.
    static func addPolicy(_ policy: String, resourceArn: String, account: String, now: Date, tx: any IncidentsTransaction) async throws
        -> String
    {
        let policies = tx.resourcePolicies
        if try await policies.policies(resourceArn: resourceArn).count >= policyLimit {
            throw IncidentsError.quotaExceeded("L-RESOURCE-POLICIES", "A response plan holds at most \(policyLimit) resource policies")
        }
        let policyID = RandomToken.hex(bytes: 16)
        try await policies.insert(
            ResourcePolicyRecord(policyID: policyID, accountID: account, resourceArn: resourceArn, policy: policy, createdAt: now))
        return policyID
    }

    /// Lists the resource policies of one of the caller's response plans.
    public func getResourcePolicies(_ input: SSMIncidents.GetResourcePoliciesInput, context: AWSRequestContext) async throws
        -> SSMIncidents.GetResourcePoliciesOutput
    {
        let account = context.accountID
        let offset = Int(try PaginationToken.decode(input.nextToken, scope: "GetResourcePolicies", field: "nextToken") ?? "0") ?? 0
        let limit = Self.pageSize(input.maxResults)
        let policies = try await read(context.logger) { tx in
            guard try await tx.responsePlans.plan(arn: input.resourceArn, accountID: account) != nil else {
                throw IncidentsError.notFound(input.resourceArn, type: "RESPONSE_PLAN")
            }
            return try await tx.resourcePolicies.policies(resourceArn: input.resourceArn)
        }
        let window = policies.dropFirst(offset).prefix(limit)
        let next = offset + window.count < policies.count ? String(offset + window.count) : nil
        return SSMIncidents.GetResourcePoliciesOutput(
            nextToken: next.map { PaginationToken.encode($0, scope: "GetResourcePolicies") },
            resourcePolicies: window.map {
                SSMIncidents.ResourcePolicy(policyDocument: $0.policy, policyId: $0.policyID, ramResourceShareRegion: context.region)
            }
        )
    }

    /// Removes a resource policy.
    public func deleteResourcePolicy(_ input: SSMIncidents.DeleteResourcePolicyInput, context: AWSRequestContext) async throws
        -> SSMIncidents.DeleteResourcePolicyOutput
    {
        let account = context.accountID
        try await write(context.logger) { tx in
            guard try await tx.responsePlans.plan(arn: input.resourceArn, accountID: account) != nil else {
                throw IncidentsError.notFound(input.resourceArn, type: "RESPONSE_PLAN")
            }
            guard try await tx.resourcePolicies.delete(policyID: input.policyId, resourceArn: input.resourceArn) else {
                throw IncidentsError.notFound(input.policyId, type: "RESOURCE_POLICY")
            }
        }
        return SSMIncidents.DeleteResourcePolicyOutput()
    }

    /// Throws unless a policy on the plan lets the caller's account do `action` on `resource`.
    static func requireShared(planArn: String, action: String, resource: String, context: AWSRequestContext, tx: any IncidentsTransaction)
        async throws
    {
        let policies = try await tx.resourcePolicies.policies(resourceArn: planArn).compactMap { SharePolicy(json: $0.policy) }
        guard SharePolicy.allows(policies, account: context.accountID, action: action, resource: resource) else {
            // Without a share, another account's resource is indistinguishable from a missing one.
            let type = resource.contains(":incident-record/") ? "INCIDENT_RECORD" : "RESPONSE_PLAN"
            throw IncidentsError.notFound(resource, type: type)
        }
    }
}
