import AWSProtocol
import Foundation
import SQLKit
import SSMIncidentsModel
import Storage

extension IncidentsHandler {
    /// The most tags a resource carries.
    static let tagLimit = 50

    /// Adds or replaces tags of a response plan, incident record or replication set.
    public func tagResource(_ input: SSMIncidents.TagResourceRequest, context: AWSRequestContext) async throws -> SSMIncidents.TagResourceResponse {
        let account = context.accountID
        try await write { sql in
            try await Self.requireTaggable(input.resourceArn, account: account, sql: sql)
            let tags = TagRepository(sql)
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
        try await write { sql in
            try await Self.requireTaggable(input.resourceArn, account: account, sql: sql)
            try await TagRepository(sql).remove(input.tagKeys, from: input.resourceArn, accountID: account)
        }
        return SSMIncidents.UntagResourceResponse()
    }

    /// Lists a resource's tags.
    public func listTagsForResource(_ input: SSMIncidents.ListTagsForResourceRequest, context: AWSRequestContext) async throws
        -> SSMIncidents.ListTagsForResourceResponse
    {
        let account = context.accountID
        let tags = try await read { sql in
            try await Self.requireTaggable(input.resourceArn, account: account, sql: sql)
            return try await TagRepository(sql).tags(of: input.resourceArn, accountID: account)
        }
        return SSMIncidents.ListTagsForResourceResponse(tags: tags)
    }

    /// Throws unless the ARN names a response plan, incident record or replication set of the account.
    static func requireTaggable(_ arn: String, account: String, sql: any SQLDatabase) async throws {
        let found: Bool
        if arn.contains(":response-plan/") {
            found = try await ResponsePlanRepository(sql).plan(arn: arn, accountID: account) != nil
        } else if arn.contains(":incident-record/") {
            found = try await IncidentRepository(sql).record(arn: arn, accountID: account) != nil
        } else if arn.contains(":replication-set/") {
            found = try await ReplicationSetRepository(sql).set(accountID: account)?.arn == arn
        } else {
            found = false
        }
        guard found else {
            throw IncidentsError.notFound(arn, type: arn.contains(":incident-record/") ? "INCIDENT_RECORD" : "RESPONSE_PLAN")
        }
    }
}
