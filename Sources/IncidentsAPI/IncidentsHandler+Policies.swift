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
        guard SharePolicy(json: input.policy) != nil else {
            throw IncidentsError.invalid("policy", "The policy must be a JSON object with a Statement of Allow or Deny statements")
        }
        let account = context.accountID
        let now = clock.now()
        let policyID = RandomToken.hex(bytes: 16)
        try await write(context.logger) { tx in
            guard try await tx.responsePlans.plan(arn: input.resourceArn, accountID: account) != nil else {
                throw IncidentsError.notFound(input.resourceArn, type: "RESPONSE_PLAN")
            }
            let policies = tx.resourcePolicies
            if try await policies.policies(resourceArn: input.resourceArn).count >= 10 {
                throw IncidentsError.quotaExceeded("L-RESOURCE-POLICIES", "A response plan holds at most 10 resource policies")
            }
            try await policies.insert(
                ResourcePolicyRecord(policyID: policyID, accountID: account, resourceArn: input.resourceArn, policy: input.policy, createdAt: now)
            )
        }
        return SSMIncidents.PutResourcePolicyOutput(policyId: policyID)
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
