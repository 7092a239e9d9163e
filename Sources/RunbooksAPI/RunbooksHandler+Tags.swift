import AWSProtocol
import Foundation
import HikeshiCore
import SSMModel
import Storage

extension RunbooksHandler {
    /// Adds tags to a document of the caller's (by name or ARN), replacing the values of keys it has; a document
    /// holds at most 50 (`TooManyTagsError`).
    public func addTagsToResource(_ input: SSM.AddTagsToResourceRequest, context: AWSRequestContext) async throws -> SSM.AddTagsToResourceResult {
        let tags = Dictionary(input.tags.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        try await write(context.logger) { tx in
            let arn = try await taggable(input.resourceType, input.resourceId, context: context, in: tx, forChange: true)
            let existing = try await tx.tags.tags(of: arn, accountID: context.accountID)
            guard Set(existing.keys).union(tags.keys).count <= Self.tagLimit else { throw RunbooksError.tooManyTags(Self.tagLimit) }
            try await tx.tags.set(tags, on: arn, accountID: context.accountID)
        }
        return SSM.AddTagsToResourceResult()
    }

    /// Removes tags by key (keys it does not have are ignored).
    public func removeTagsFromResource(_ input: SSM.RemoveTagsFromResourceRequest, context: AWSRequestContext) async throws
        -> SSM.RemoveTagsFromResourceResult
    {
        try await write(context.logger) { tx in
            let arn = try await taggable(input.resourceType, input.resourceId, context: context, in: tx, forChange: true)
            try await tx.tags.remove(input.tagKeys, from: arn, accountID: context.accountID)
        }
        return SSM.RemoveTagsFromResourceResult()
    }

    /// A resource's tags, by key. A document shared with the caller (named by its ARN) shows its owner's tags.
    public func listTagsForResource(_ input: SSM.ListTagsForResourceRequest, context: AWSRequestContext) async throws -> SSM.ListTagsForResourceResult
    {
        let tags = try await read(context.logger) { tx in
            guard input.resourceType == .document else {
                let arn = try await taggable(input.resourceType, input.resourceId, context: context, in: tx, forChange: false)
                return try await tx.tags.tags(of: arn, accountID: context.accountID)
            }
            let located = try await Self.locateDocument(input.resourceId, resolver: resolver, context: context, in: tx)
            return try await Self.tags(of: located.document, owner: located.owner, in: tx)
        }
        return SSM.ListTagsForResourceResult(tagList: tags.keys.sorted().map { SSM.Tag(key: $0, value: tags[$0] ?? "") })
    }

    /// The ARN tags of a resource are kept under, after checking that it exists and that the caller may tag it.
    /// Documents, OpsItems and Automation executions are kept; every other resource type is `InvalidResourceId`.
    private func taggable(
        _ type: SSM.ResourceTypeForTagging, _ id: String, context: AWSRequestContext, in tx: any RunbooksTransaction, forChange: Bool
    ) async throws -> String {
        switch type {
        case .document:
            let located = try await Self.locateDocument(id, resolver: resolver, context: context, in: tx)
            guard located.owner == .account(context.accountID) else {
                throw RunbooksError.invalidResourceId("Only the owner of document \(located.document.name) can change its tags")
            }
            return Self.arn(located.document.name, context: context)
        case .opsItem:
            guard
                let item = try await tx.opsItems.item(
                    id: id, accountID: context.accountID, region: context.region, forUpdate: forChange && tx.locksRows)
            else { throw RunbooksError.invalidResourceId("No OpsItem with id \(id) exists") }
            return item.arn
        case .automation:
            guard
                let execution = try await tx.automationExecutions.execution(
                    id: id, accountID: context.accountID, region: context.region, forUpdate: forChange && tx.locksRows)
            else { throw RunbooksError.invalidResourceId("No automation execution with id \(id) exists") }
            return execution.arn
        case .parameter, .managedInstance, .maintenanceWindow, .patchBaseline, .opsMetadata, .association:
            throw RunbooksError.invalidResourceId("Hikeshi keeps no \(type.rawValue) resources, so \(id) does not exist")
        }
    }

    /// The document a tag call names, or `InvalidResourceId` (the tag operations' error for a missing resource).
    private static func locateDocument(_ id: String, resolver: DocumentResolver, context: AWSRequestContext, in tx: any RunbooksTransaction)
        async throws -> LocatedDocument
    {
        do {
            return try await resolver.locate(id, context: context, in: tx)
        } catch let error as RunbooksError where error == .invalidDocument(id) {
            throw RunbooksError.invalidResourceId("The document \(id) does not exist")
        }
    }
}
