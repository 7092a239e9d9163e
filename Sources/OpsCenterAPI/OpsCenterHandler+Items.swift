import AWSProtocol
import Foundation
import HikeshiCore
import SSMModel
import Storage

extension OpsCenterHandler {
    /// Creates an open OpsItem (version 1) with its creation event and tags.
    ///
    /// Dedup: an OpsItem whose `/aws/dedup` string equals that of an **open or in-progress** OpsItem of the account and
    /// region is not created; the call fails with `OpsItemAlreadyExistsException` carrying the existing item's
    /// `OpsItemId`, so the caller learns which item already tracks the problem (a resolved item does not count, so the
    /// problem coming back opens a new item). AWS documents that no duplicate is made but not what the call answers;
    /// the exception's `OpsItemId` member is the model's hint, followed here. Starts with the same dedup string take
    /// turns (a lock on PostgreSQL; SQLite has one writer).
    public func createOpsItem(_ input: SSM.CreateOpsItemRequest, context: AWSRequestContext) async throws -> SSM.CreateOpsItemResponse {
        if let account = input.accountId, account != context.accountID {
            throw OpsCenterError.accessDenied("OpsItems are created in the caller's own account; cross-account OpsCenter is not served")
        }
        let kind = try Self.kind(input.opsItemType)
        let notifications = try Self.notifications(input.notifications)
        let related = Self.related(input.relatedOpsItems)
        let data = try OperationalDataValue.from(input.operationalData)
        let now = clock.now()
        let item: OpsItem
        do {
            item = try OpsItem.create(
                id: Self.newID(), accountID: context.accountID, region: context.region, kind: kind, title: input.title,
                description: input.description, source: input.source, priority: input.priority, severity: input.severity, category: input.category,
                operationalData: data, notifications: notifications, relatedOpsItems: related,
                times: OpsItemTimes(
                    plannedStart: input.plannedStartTime, plannedEnd: input.plannedEndTime, actualStart: input.actualStartTime,
                    actualEnd: input.actualEndTime),
                by: context.principalArn, at: now)
        } catch {
            throw OpsCenterError(error)
        }
        let tags = Dictionary((input.tags ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        try await write(context.logger) { tx in
            if let dedup = item.dedupString {
                try await tx.lock(key: "opsitem-dedup|\(context.accountID)|\(context.region)|\(dedup)")
                if let existing = try await tx.opsItems.activeItem(dedupString: dedup, accountID: context.accountID, region: context.region) {
                    throw OpsCenterError.alreadyExists(existing)
                }
            }
            try await Self.checkRelated(related, of: item.id, context: context, tx: tx)
            try await tx.opsItems.insert(item)
            try await tx.opsItemEvents.insert(try OpsItemEvent.recording(item, eventID: UUID().uuidString.lowercased()), region: item.region)
            try await tx.tags.set(tags, on: item.arn, accountID: context.accountID)
            try await Self.queueNotices(for: item, changes: [], now: now, in: tx)
        }
        context.logger.info("opsitem created", metadata: ["opsitem.id": .string(item.id), "opsitem.source": .string(item.source)])
        return SSM.CreateOpsItemResponse(opsItemId: item.id, opsItemArn: item.arn)
    }

    /// Queues a chat notice for each of the item's notification topics, in the change's transaction.
    static func queueNotices(for item: OpsItem, changes: [OpsItemField], now: Date, in tx: any OpsCenterTransaction) async throws {
        for notice in OpsItemChatNotice.notices(for: item, changes: changes) {
            try await tx.jobs.enqueue(kind: OpsItemChatNotice.jobKind, payload: notice, dueAt: now, now: now)
        }
    }

    /// Returns an OpsItem with all its operational data.
    public func getOpsItem(_ input: SSM.GetOpsItemRequest, context: AWSRequestContext) async throws -> SSM.GetOpsItemResponse {
        let item = try await read(context.logger) { tx in try await Self.item(input.opsItemId, arn: input.opsItemArn, context: context, tx: tx) }
        return SSM.GetOpsItemResponse(opsItem: item.wire)
    }

    /// Edits an OpsItem: the version counts the edits that change something, each with its event. The source and the
    /// dedup string cannot change; reopening an item whose dedup string another open item holds is
    /// `OpsItemAlreadyExistsException`.
    public func updateOpsItem(_ input: SSM.UpdateOpsItemRequest, context: AWSRequestContext) async throws -> SSM.UpdateOpsItemResponse {
        let edit = OpsItemEdit(
            title: input.title, description: input.description, status: input.status.map(OpsItemStatus.init), priority: input.priority,
            severity: input.severity, category: input.category, operationalData: try OperationalDataValue.from(input.operationalData),
            operationalDataToDelete: input.operationalDataToDelete ?? [], notifications: try input.notifications.map { try Self.notifications($0) },
            relatedOpsItems: input.relatedOpsItems.map { Self.related($0) },
            times: OpsItemTimes(
                plannedStart: input.plannedStartTime, plannedEnd: input.plannedEndTime, actualStart: input.actualStartTime,
                actualEnd: input.actualEndTime
            ))
        let now = clock.now()
        let changes = try await write(context.logger) { tx in
            var item = try await Self.item(input.opsItemId, arn: input.opsItemArn, context: context, tx: tx, forUpdate: tx.locksRows)
            let wasActive = item.status.isActive
            let changes: [OpsItemField]
            do throws(OpsItemRuleError) {
                changes = try item.apply(edit, by: context.principalArn, at: now)
            } catch {
                throw OpsCenterError(error)
            }
            guard !changes.isEmpty else { return changes }
            if !wasActive, item.status.isActive, let dedup = item.dedupString {
                try await tx.lock(key: "opsitem-dedup|\(context.accountID)|\(context.region)|\(dedup)")
                if let other = try await tx.opsItems.activeItem(
                    dedupString: dedup, accountID: context.accountID, region: context.region, excluding: item.id)
                {
                    throw OpsCenterError.alreadyExists(other)
                }
            }
            if changes.contains(.relatedOpsItems) {
                try await Self.checkRelated(item.relatedOpsItems, of: item.id, context: context, tx: tx)
            }
            try await tx.opsItems.update(item)
            try await tx.opsItemEvents.insert(
                try OpsItemEvent.recording(item, changes: changes, eventID: UUID().uuidString.lowercased()), region: item.region)
            try await Self.queueNotices(for: item, changes: changes, now: now, in: tx)
            return changes
        }
        context.logger.info(
            "opsitem updated",
            metadata: ["opsitem.id": .string(input.opsItemId), "opsitem.changes": .string(changes.map(\.rawValue).joined(separator: ","))])
        return SSM.UpdateOpsItemResponse()
    }

    /// Deletes an OpsItem with its related items, events and tags; deleting one that is not there (again, or another
    /// account's) succeeds and changes nothing.
    public func deleteOpsItem(_ input: SSM.DeleteOpsItemRequest, context: AWSRequestContext) async throws -> SSM.DeleteOpsItemResponse {
        try await write(context.logger) { tx in
            guard let item = try await tx.opsItems.item(id: input.opsItemId, accountID: context.accountID, region: context.region) else { return }
            try await tx.opsItems.delete(id: item.id, accountID: context.accountID, region: context.region)
            try await tx.tags.removeAll(from: item.arn, accountID: context.accountID)
        }
        context.logger.info("opsitem deleted", metadata: ["opsitem.id": .string(input.opsItemId)])
        return SSM.DeleteOpsItemResponse()
    }

    /// Lists the caller's OpsItems in the region, newest first, that pass every filter (see ``OpsItemFilter``). A bad
    /// filter or token is a `ValidationException` naming the member: the model gives DescribeOpsItems no error of its own.
    public func describeOpsItems(_ input: SSM.DescribeOpsItemsRequest, context: AWSRequestContext) async throws -> SSM.DescribeOpsItemsResponse {
        var filters: [OpsItemFilter] = []
        for (index, filter) in (input.opsItemFilters ?? []).enumerated() {
            guard let key = OpsItemFilterKey(rawValue: filter.key.rawValue) else {
                throw AWSValidationError(
                    field: "OpsItemFilters.\(index + 1).Key", value: filter.key.rawValue, constraint: "Hikeshi does not know this key")
            }
            do {
                filters.append(
                    try OpsItemFilter(key: key, comparison: OpsItemFilterOperator(filter.operator), values: filter.values, position: index + 1))
            } catch {
                throw AWSValidationError(field: error.parameterNames.first ?? "OpsItemFilters", constraint: error.message)
            }
        }
        let scope = "DescribeOpsItems"
        var cursor: String?
        do {
            cursor = try PaginationToken.decode(input.nextToken, scope: scope)
        } catch {
            throw AWSValidationError(field: "NextToken", constraint: "The pagination token is invalid")
        }
        if let given = cursor, !OpsItemRepository.isCursor(given) {
            throw AWSValidationError(field: "NextToken", constraint: "The pagination token is invalid")
        }
        let limit = PaginationToken.pageSize(input.maxResults, default: Self.maximumPage, maximum: Self.maximumPage)
        let start = cursor
        let checks = filters
        let (items, next) = try await read(context.logger) { tx -> ([OpsItem], String?) in
            var found: [OpsItem] = []
            var position = start
            var scanned = 0
            while true {
                let page = try await tx.opsItems.list(accountID: context.accountID, region: context.region, after: position, limit: 100)
                for item in page.items {
                    if checks.allSatisfy({ $0.matches(item) }) {
                        if found.count == limit { return (found, found.last.map(OpsItemRepository.cursor)) }
                        found.append(item)
                    }
                    scanned += 1
                    position = OpsItemRepository.cursor(item)
                }
                guard page.nextCursor != nil else { return (found, nil) }
                if scanned >= Self.scanBudget { return (found, position) }
            }
        }
        return SSM.DescribeOpsItemsResponse(
            nextToken: next.map { PaginationToken.encode($0, scope: scope) }, opsItemSummaries: items.map(\.summary))
    }

    /// The kind named by `OpsItemType` (an issue when absent).
    static func kind(_ type: String?) throws -> OpsItemKind {
        guard let type else { return .issue }
        guard let kind = OpsItemKind(rawValue: type) else {
            throw OpsCenterError.invalidParameter(
                ["OpsItemType"], "Hikeshi keeps OpsItems of type /aws/issue and /aws/insight, not \(type)")
        }
        return kind
    }

    /// The SNS topic ARNs of `Notifications`; anything but an SNS topic ARN is refused.
    static func notifications(_ wire: [SSM.OpsItemNotification]?) throws -> [String] {
        try (wire ?? []).map { notification in
            guard let text = notification.arn, let arn = ARN(text), arn.service == "sns", !arn.account.isEmpty else {
                throw OpsCenterError.invalidParameter(["Notifications"], "A notification is the ARN of an SNS topic")
            }
            return text
        }
    }

    /// The ids of `RelatedOpsItems`, each once, in order.
    static func related(_ wire: [SSM.RelatedOpsItem]?) -> [String] {
        var seen: Set<String> = []
        return (wire ?? []).map(\.opsItemId).filter { seen.insert($0).inserted }
    }

    /// Refuses related OpsItems that are not the caller's (in the region), or the item itself.
    static func checkRelated(_ ids: [String], of id: String, context: AWSRequestContext, tx: any OpsCenterTransaction) async throws {
        if ids.contains(id) {
            throw OpsCenterError.invalidParameter(["RelatedOpsItems"], "An OpsItem cannot be related to itself")
        }
        let existing = try await tx.opsItems.existing(ids, accountID: context.accountID, region: context.region)
        if let missing = ids.first(where: { !existing.contains($0) }) {
            throw OpsCenterError.invalidParameter(["RelatedOpsItems"], "The related OpsItem \(missing) does not exist")
        }
    }
}
