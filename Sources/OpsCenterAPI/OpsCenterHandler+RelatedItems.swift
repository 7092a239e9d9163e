import AWSProtocol
import Foundation
import HikeshiCore
import SSMModel
import Storage

extension OpsCenterHandler {
    /// Associates a resource (an incident record or an SSM document, by ARN) with an OpsItem; the association id is a
    /// UUID. An OpsItem holds a resource once: again is `OpsItemRelatedItemAlreadyExistsException`.
    public func associateOpsItemRelatedItem(_ input: SSM.AssociateOpsItemRelatedItemRequest, context: AWSRequestContext) async throws
        -> SSM.AssociateOpsItemRelatedItemResponse
    {
        guard let associationType = OpsItemAssociationType(rawValue: input.associationType) else {
            throw OpsCenterError.invalidParameter(["AssociationType"], "The association type is IsParentOf or RelatesTo")
        }
        guard let resourceType = OpsItemResourceType(rawValue: input.resourceType) else {
            throw OpsCenterError.invalidParameter(
                ["ResourceType"], "The resource type is AWS::SSMIncidents::IncidentRecord or AWS::SSM::Document, not \(input.resourceType)")
        }
        try Self.checkResourceUri(input.resourceUri, type: resourceType)
        let association = OpsItemRelatedItem(
            associationID: UUID().uuidString.lowercased(), opsItemID: input.opsItemId, accountID: context.accountID, resourceType: resourceType,
            associationType: associationType, resourceUri: input.resourceUri, createdBy: context.principalArn, createdAt: clock.now())
        do {
            try await write(context.logger) { tx in
                let item = try await Self.item(input.opsItemId, arn: nil, context: context, tx: tx, forUpdate: tx.locksRows)
                if try await tx.opsItemRelatedItems.item(opsItemID: item.id, resourceUri: input.resourceUri, accountID: context.accountID) != nil {
                    throw OpsCenterError.relatedItemExists(input.resourceUri, opsItemID: item.id)
                }
                try await tx.opsItemRelatedItems.insert(association)
            }
        } catch let error as StorageError where error.kind == .conflict {
            // A concurrent association of the same resource committed first.
            throw OpsCenterError.relatedItemExists(input.resourceUri, opsItemID: input.opsItemId)
        }
        context.logger.info(
            "opsitem related item associated",
            metadata: ["opsitem.id": .string(input.opsItemId), "opsitem.association_id": .string(association.associationID)])
        return SSM.AssociateOpsItemRelatedItemResponse(associationId: association.associationID)
    }

    /// Removes an association from an OpsItem.
    public func disassociateOpsItemRelatedItem(_ input: SSM.DisassociateOpsItemRelatedItemRequest, context: AWSRequestContext) async throws
        -> SSM.DisassociateOpsItemRelatedItemResponse
    {
        try await write(context.logger) { tx in
            let item = try await Self.item(input.opsItemId, arn: nil, context: context, tx: tx, forUpdate: tx.locksRows)
            guard try await tx.opsItemRelatedItems.delete(associationID: input.associationId, opsItemID: item.id, accountID: context.accountID) else {
                throw OpsCenterError.associationNotFound(input.associationId)
            }
        }
        context.logger.info(
            "opsitem related item disassociated",
            metadata: ["opsitem.id": .string(input.opsItemId), "opsitem.association_id": .string(input.associationId)])
        return SSM.DisassociateOpsItemRelatedItemResponse()
    }

    /// Lists associations, oldest first: of one OpsItem, or of every OpsItem of the caller in the region; filters on
    /// ResourceType, AssociationId and ResourceUri (values OR, filters AND).
    public func listOpsItemRelatedItems(_ input: SSM.ListOpsItemRelatedItemsRequest, context: AWSRequestContext) async throws
        -> SSM.ListOpsItemRelatedItemsResponse
    {
        var query = OpsItemRelatedItemQuery(opsItemID: input.opsItemId)
        for filter in input.filters ?? [] {
            switch filter.key {
            case .resourceType: query.resourceTypes += filter.values
            case .associationId: query.associationIDs += filter.values
            case .resourceUri: query.resourceUris += filter.values
            }
        }
        let scope = "ListOpsItemRelatedItems"
        let cursor = try Self.cursor(input.nextToken, scope: scope, isCursor: OpsItemRelatedItemRepository.isCursor)
        let limit = PaginationToken.pageSize(input.maxResults, default: Self.maximumPage, maximum: Self.maximumPage)
        let checked = query
        let page = try await read(context.logger) { tx in
            if let id = input.opsItemId, try await tx.opsItems.item(id: id, accountID: context.accountID, region: context.region) == nil {
                throw OpsCenterError.invalidParameter(["OpsItemId"], "OpsItem with id \(id) does not exist")
            }
            return try await tx.opsItemRelatedItems.list(checked, accountID: context.accountID, region: context.region, after: cursor, limit: limit)
        }
        return SSM.ListOpsItemRelatedItemsResponse(
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: scope) }, summaries: page.items.map(\.wire))
    }

    /// Refuses a resource URI that is not an ARN of the resource type (`ssm-incidents` `incident-record/…`, `ssm`
    /// `document/…`).
    static func checkResourceUri(_ uri: String, type: OpsItemResourceType) throws {
        let expected: (service: String, resource: String) =
            switch type {
            case .incidentRecord: ("ssm-incidents", "incident-record")
            case .document: ("ssm", "document")
            }
        guard let arn = ARN(uri), arn.service == expected.service, arn.resourceType == expected.resource, !arn.resourcePath.isEmpty else {
            throw OpsCenterError.invalidParameter(
                ["ResourceUri"], "The resource URI of a \(type.rawValue) is an arn:aws:\(expected.service):…:\(expected.resource)/… ARN")
        }
    }
}
