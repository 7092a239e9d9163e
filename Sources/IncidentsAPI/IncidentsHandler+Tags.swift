import AWSProtocol
import Foundation
import SSMIncidentsModel
import Storage

extension IncidentsHandler {
    /// The most tags a resource carries.
    static let tagLimit = 50

    /// Adds or replaces tags of a response plan, incident record or replication set.
    public func tagResource(_ input: SSMIncidents.TagResourceRequest, context: AWSRequestContext) async throws -> SSMIncidents.TagResourceResponse {
        let account = context.accountID
        try await write(context.logger) { tx in
            try await Self.requireTaggable(input.resourceArn, account: account, tx: tx)
            let tags = tx.tags
            let existing = try await tags.tags(of: input.resourceArn, accountID: account)
            if existing.merging(input.tags, uniquingKeysWith: { $1 }).count > Self.tagLimit {
                throw IncidentsError.quotaExceeded("L-TAGS", "A resource carries at most \(Self.tagLimit) tags")
            }
            try await tags.set(input.tags, on: input.resourceArn, accountID: account)
        }
        return SSMIncidents.TagResourceResponse()
    }

    /// Removes tags by key.
    public func untagResource(_ input: SSMIncidents.UntagResourceRequest, context: AWSRequestContext) async throws
        -> SSMIncidents.UntagResourceResponse
    {
        let account = context.accountID
        try await write(context.logger) { tx in
            try await Self.requireTaggable(input.resourceArn, account: account, tx: tx)
            try await tx.tags.remove(input.tagKeys, from: input.resourceArn, accountID: account)
        }
        return SSMIncidents.UntagResourceResponse()
    }

    /// Lists a resource's tags.
    public func listTagsForResource(_ input: SSMIncidents.ListTagsForResourceRequest, context: AWSRequestContext) async throws
        -> SSMIncidents.ListTagsForResourceResponse
    {
        let account = context.accountID
        let tags = try await read(context.logger) { tx in
            try await Self.requireTaggable(input.resourceArn, account: account, tx: tx)
            return try await tx.tags.tags(of: input.resourceArn, accountID: account)
        }
        return SSMIncidents.ListTagsForResourceResponse(tags: tags)
    }

    /// Throws unless the ARN names a response plan, incident record or replication set of the account.
    static func requireTaggable(_ arn: String, account: String, tx: any IncidentsTransaction) async throws {
        let found: Bool
        if arn.contains(":response-plan/") {
            found = try await tx.responsePlans.plan(arn: arn, accountID: account) != nil
        } else if arn.contains(":incident-record/") {
            found = try await tx.incidents.record(arn: arn, accountID: account) != nil
        } else if arn.contains(":replication-set/") {
            found = try await tx.replicationSets.set(accountID: account)?.arn == arn
        } else {
            found = false
        }
        guard found else {
            throw IncidentsError.notFound(arn, type: arn.contains(":incident-record/") ? "INCIDENT_RECORD" : "RESPONSE_PLAN")
        }
    }
}
