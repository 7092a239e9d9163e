import AWSProtocol
import Foundation
import HikeshiCore
import SSMContactsModel
import Storage

extension ContactsHandler {
    /// The most tags a resource may have.
    static let maxTags = 50

    /// Adds or replaces tags on a contact or rotation.
    public func tagResource(_ input: SSMContacts.TagResourceRequest, context: AWSRequestContext) async throws -> SSMContacts.TagResourceResult {
        let account = context.accountID
        let tags = Self.dictionary(input.tags)
        let resource = input.resourceARN
        try await write(context.logger) { tx in
            try await Self.requireTaggable(resource, account: account, tx: tx)
            let repository = tx.tags
            let existing = try await repository.tags(of: resource, accountID: account)
            try Self.checkTagCount(existing.merging(tags) { _, new in new }.count)
            try await repository.set(tags, on: resource, accountID: account)
        }
        return SSMContacts.TagResourceResult()
    }

    /// Removes tags from a contact.
    public func untagResource(_ input: SSMContacts.UntagResourceRequest, context: AWSRequestContext) async throws -> SSMContacts.UntagResourceResult {
        let account = context.accountID
        let resource = input.resourceARN
        try await write(context.logger) { tx in
            try await Self.requireTaggable(resource, account: account, tx: tx)
            try await tx.tags.remove(input.tagKeys, from: resource, accountID: account)
        }
        return SSMContacts.UntagResourceResult()
    }

    /// Lists a contact's tags.
    public func listTagsForResource(
        _ input: SSMContacts.ListTagsForResourceRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.ListTagsForResourceResult {
        let account = context.accountID
        let resource = input.resourceARN
        let tags = try await read(context.logger) { tx in
            try await Self.requireTaggable(resource, account: account, tx: tx)
            return try await tx.tags.tags(of: resource, accountID: account)
        }
        return SSMContacts.ListTagsForResourceResult(tags: tags.keys.sorted().map { SSMContacts.Tag(key: $0, value: tags[$0]) })
    }

    /// Stores a resource policy (a JSON document) on a contact.
    public func putContactPolicy(
        _ input: SSMContacts.PutContactPolicyRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.PutContactPolicyResult {
        try Self.checkPolicy(input.policy)
        let account = context.accountID
        let now = clock.now()
        try await write(context.logger) { tx in
            guard try await tx.contacts.contact(arn: input.contactArn, accountID: account) != nil else {
                throw ContactsError.notFound(input.contactArn, type: "CONTACT")
            }
            try await tx.policies.put(input.policy, on: input.contactArn, accountID: account, at: now)
        }
        return SSMContacts.PutContactPolicyResult()
    }

    /// Returns a contact's resource policy.
    public func getContactPolicy(
        _ input: SSMContacts.GetContactPolicyRequest,
        context: AWSRequestContext
    ) async throws -> SSMContacts.GetContactPolicyResult {
        let account = context.accountID
        let policy = try await read(context.logger) { tx in
            guard try await tx.contacts.contact(arn: input.contactArn, accountID: account) != nil else {
                throw ContactsError.notFound(input.contactArn, type: "CONTACT")
            }
            return try await tx.policies.policy(of: input.contactArn, accountID: account)
        }
        return SSMContacts.GetContactPolicyResult(contactArn: input.contactArn, policy: policy)
    }

    /// Fails unless a contact policy is a JSON object.
    static func checkPolicy(_ policy: String) throws {
        guard let object = try? JSONSerialization.jsonObject(with: Data(policy.utf8)), object is [String: Any] else {
            throw ContactsError.invalid("Policy", "The policy must be a JSON object")
        }
    }

    /// Fails unless the ARN names a taggable resource of the caller.
    static func requireTaggable(_ arn: String, account: String, tx: any ContactsTransaction) async throws {
        guard let parsed = ARN(arn), parsed.service == "ssm-contacts", parsed.account == account else {
            throw ContactsError.notFound(arn, type: "RESOURCE")
        }
        switch parsed.resourceType {
        case "contact":
            guard try await tx.contacts.contact(arn: arn, accountID: account) != nil else {
                throw ContactsError.notFound(arn, type: "CONTACT")
            }
        case "rotation":
            guard try await tx.rotations.rotation(arn: arn, accountID: account) != nil else {
                throw ContactsError.notFound(arn, type: "ROTATION")
            }
        default:
            throw ContactsError.notFound(arn, type: "RESOURCE")
        }
    }

    /// Tags as a dictionary (a later duplicate key wins).
    static func dictionary(_ tags: [SSMContacts.Tag]) -> [String: String] {
        var result: [String: String] = [:]
        for tag in tags {
            if let key = tag.key {
                result[key] = tag.value ?? ""
            }
        }
        return result
    }

    static func checkTagCount(_ count: Int) throws {
        if count > maxTags {
            throw ContactsError.quotaExceeded("TagsPerResource", "A resource may have at most \(maxTags) tags")
        }
    }
}
