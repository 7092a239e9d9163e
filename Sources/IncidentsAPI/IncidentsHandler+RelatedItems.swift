import AWSProtocol
import Foundation
import HikeshiCore
import SSMIncidentsModel
import Storage

extension IncidentsHandler {
    /// The most related items an incident holds.
    static let relatedItemLimit = 1000

    /// Lists an incident's related items in the order they were added.
    public func listRelatedItems(_ input: SSMIncidents.ListRelatedItemsInput, context: AWSRequestContext) async throws
        -> SSMIncidents.ListRelatedItemsOutput
    {
        let cursor = try PaginationToken.decode(input.nextToken, scope: "ListRelatedItems", field: "nextToken")
        let limit = Self.pageSize(input.maxResults)
        let page = try await read(context.logger) { tx in
            let row = try await self.incident(input.incidentRecordArn, action: "ListRelatedItems", context: context, tx: tx)
            return try await tx.relatedItems.list(incidentArn: row.arn, after: cursor, limit: limit)
        }
        return SSMIncidents.ListRelatedItemsOutput(
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "ListRelatedItems") },
            relatedItems: page.items.map(\.wire)
        )
    }

    /// Adds or removes one related item.
    public func updateRelatedItems(_ input: SSMIncidents.UpdateRelatedItemsInput, context: AWSRequestContext) async throws
        -> SSMIncidents.UpdateRelatedItemsOutput
    {
        let now = clock.now()
        try await write(context.logger) { tx in
            let row = try await self.incident(input.incidentRecordArn, action: "UpdateRelatedItems", context: context, tx: tx)
            switch input.relatedItemsUpdate {
            case .itemToAdd(let item):
                try await self.addRelatedItem(item, incidentArn: row.arn, accountID: row.accountID, now: now, tx: tx)
            case .itemToRemove(let identifier):
                guard identifier.type != .parent else {
                    throw IncidentsError.invalid(
                        "relatedItemsUpdate.itemToRemove.type",
                        "The parent OpsItem is part of the incident record and cannot be removed"
                    )
                }
                let key = RelatedItemValue(identifier.value).key
                guard try await tx.relatedItems.remove(incidentArn: row.arn, kind: RelatedItemKind(identifier.type), key: key) else {
                    throw IncidentsError.notFound(key, type: "INCIDENT_RECORD")
                }
            }
        }
        return SSMIncidents.UpdateRelatedItemsOutput()
    }

    /// Adds a related item given by a client: its id is generated; the same item twice is a conflict.
    func addRelatedItem(_ item: SSMIncidents.RelatedItem, incidentArn: String, accountID: String, now: Date, tx: any IncidentsTransaction)
        async throws
    {
        guard item.generatedId == nil else {
            throw IncidentsError.invalid("generatedId", "generatedId is set by the service; leave it out")
        }
        if try await tx.relatedItems.count(incidentArn: incidentArn) >= Self.relatedItemLimit {
            throw IncidentsError.quotaExceeded("L-RELATED-ITEMS", "An incident holds at most \(Self.relatedItemLimit) related items")
        }
        let added = RelatedItem(
            id: UUID().uuidString.lowercased(),
            kind: RelatedItemKind(item.identifier.type),
            value: RelatedItemValue(item.identifier.value),
            title: item.title
        )
        guard try await tx.relatedItems.add(added, incidentArn: incidentArn, accountID: accountID, at: now) else {
            throw IncidentsError.conflict(incidentArn, type: "INCIDENT_RECORD", "The incident already has this related item")
        }
    }

    /// Lists findings of an incident. Findings come from AWS CodeDeploy and CloudFormation, which
    /// Hikeshi does not run, so the list is empty for an incident the caller can see.
    public func listIncidentFindings(_ input: SSMIncidents.ListIncidentFindingsInput, context: AWSRequestContext) async throws
        -> SSMIncidents.ListIncidentFindingsOutput
    {
        _ = try PaginationToken.decode(input.nextToken, scope: "ListIncidentFindings", field: "nextToken")
        _ = try await read(context.logger) { tx in
            try await self.incident(input.incidentRecordArn, action: "ListIncidentFindings", context: context, tx: tx)
        }
        return SSMIncidents.ListIncidentFindingsOutput(findings: [], nextToken: nil)
    }

    /// Returns findings by id; every id is reported as not found (see ``listIncidentFindings(_:context:)``).
    public func batchGetIncidentFindings(_ input: SSMIncidents.BatchGetIncidentFindingsInput, context: AWSRequestContext) async throws
        -> SSMIncidents.BatchGetIncidentFindingsOutput
    {
        _ = try await read(context.logger) { tx in
            try await self.incident(input.incidentRecordArn, action: "BatchGetIncidentFindings", context: context, tx: tx)
        }
        return SSMIncidents.BatchGetIncidentFindingsOutput(
            errors: input.findingIds.map {
                SSMIncidents.BatchGetIncidentFindingsError(code: "ResourceNotFoundException", findingId: $0, message: "Finding \($0) not found")
            },
            findings: []
        )
    }
}
