import AWSProtocol
import Foundation
import HikeshiCore
import SSMModel
import Storage

extension OpsCenterHandler {
    /// Lists OpsItem events of the caller in the region, newest first (see ``OpsItemEvent`` for their values); the
    /// `OpsItemId` filter narrows to some items, and an id that is not the caller's is `OpsItemNotFoundException`.
    public func listOpsItemEvents(_ input: SSM.ListOpsItemEventsRequest, context: AWSRequestContext) async throws -> SSM.ListOpsItemEventsResponse {
        var ids: [String]?
        for filter in input.filters ?? [] {
            switch (filter.key, filter.operator) {
            case (.opsItemId, .equal):
                ids = (ids ?? []) + filter.values
            }
        }
        if let given = ids, given.isEmpty {
            throw OpsCenterError.invalidParameter(["Filters"], "The OpsItemId filter needs at least one OpsItem id")
        }
        let scope = "ListOpsItemEvents"
        let cursor = try Self.cursor(input.nextToken, scope: scope, isCursor: OpsItemEventRepository.isCursor)
        let limit = PaginationToken.pageSize(input.maxResults, default: Self.maximumPage, maximum: Self.maximumPage)
        let filterIDs = ids
        let page = try await read(context.logger) { tx in
            if let filterIDs {
                let existing = try await tx.opsItems.existing(filterIDs, accountID: context.accountID, region: context.region)
                if let missing = filterIDs.first(where: { !existing.contains($0) }) {
                    throw OpsCenterError.notFound(missing)
                }
            }
            return try await tx.opsItemEvents.list(
                accountID: context.accountID, region: context.region, opsItemIDs: filterIDs, after: cursor, limit: limit)
        }
        return SSM.ListOpsItemEventsResponse(
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: scope) }, summaries: page.items.map(\.wire))
    }

    /// OpsData aggregation needs resource data syncs, which Hikeshi does not keep: always no entities.
    public func getOpsSummary(_ input: SSM.GetOpsSummaryRequest, context: AWSRequestContext) async throws -> SSM.GetOpsSummaryResult {
        SSM.GetOpsSummaryResult(entities: [])
    }
}
