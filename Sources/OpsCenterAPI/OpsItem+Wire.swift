import AWSProtocol
import Foundation
import HikeshiCore
import SSMModel

extension OpsItem {
    /// The item as GetOpsItem returns it: every field, both kinds of operational data.
    var wire: SSM.OpsItem {
        SSM.OpsItem(
            createdBy: createdBy, opsItemType: kind.rawValue, createdTime: createdAt, description: description, lastModifiedBy: lastModifiedBy,
            lastModifiedTime: lastModifiedAt, notifications: notifications.map { SSM.OpsItemNotification(arn: $0) }, priority: priority,
            relatedOpsItems: relatedOpsItems.map { SSM.RelatedOpsItem(opsItemId: $0) }, status: status.wire, opsItemId: id,
            version: String(version), title: title, source: source, operationalData: operationalData.mapValues(\.wire), category: category,
            severity: severity, actualStartTime: times.actualStart, actualEndTime: times.actualEnd, plannedStartTime: times.plannedStart,
            plannedEndTime: times.plannedEnd, opsItemArn: arn)
    }

    /// The item as DescribeOpsItems lists it: searchable operational data only.
    var summary: SSM.OpsItemSummary {
        SSM.OpsItemSummary(
            createdBy: createdBy, createdTime: createdAt, lastModifiedBy: lastModifiedBy, lastModifiedTime: lastModifiedAt, priority: priority,
            source: source, status: status.wire, opsItemId: id, title: title, operationalData: searchableData.mapValues(\.wire), category: category,
            severity: severity, opsItemType: kind.rawValue, actualStartTime: times.actualStart, actualEndTime: times.actualEnd,
            plannedStartTime: times.plannedStart, plannedEndTime: times.plannedEnd)
    }
}

extension OperationalDataValue {
    /// The entry on the wire.
    var wire: SSM.OpsItemDataValue {
        let type: SSM.OpsItemDataType =
            switch kind {
            case .searchableString: .searchableString
            case .string: .string
            }
        return SSM.OpsItemDataValue(value: value, type: type)
    }

    /// An entry from the wire; an entry without a value is refused (one without a type is not searchable).
    static func from(_ key: String, _ wire: SSM.OpsItemDataValue) throws -> OperationalDataValue {
        guard let value = wire.value else {
            throw OpsCenterError.invalidParameter(["OperationalData"], "The operational data entry \(key) has no Value")
        }
        let kind: OperationalDataKind =
            switch wire.type {
            case .searchableString: .searchableString
            case .string, nil: .string
            }
        return OperationalDataValue(value: value, kind: kind)
    }

    /// A request's operational data.
    static func from(_ wire: [String: SSM.OpsItemDataValue]?) throws -> [String: OperationalDataValue] {
        var data: [String: OperationalDataValue] = [:]
        for (key, entry) in wire ?? [:] {
            data[key] = try from(key, entry)
        }
        return data
    }
}

extension OpsItemStatus {
    /// The status on the wire.
    var wire: SSM.OpsItemStatus {
        switch self {
        case .open: .open
        case .inProgress: .inProgress
        case .resolved: .resolved
        case .pending: .pending
        case .timedOut: .timedOut
        case .cancelling: .cancelling
        case .cancelled: .cancelled
        case .failed: .failed
        case .completedWithSuccess: .completedWithSuccess
        case .completedWithFailure: .completedWithFailure
        case .scheduled: .scheduled
        case .runbookInProgress: .runbookInProgress
        case .pendingChangeCalendarOverride: .pendingChangeCalendarOverride
        case .changeCalendarOverrideApproved: .changeCalendarOverrideApproved
        case .changeCalendarOverrideRejected: .changeCalendarOverrideRejected
        case .pendingApproval: .pendingApproval
        case .approved: .approved
        case .revoked: .revoked
        case .rejected: .rejected
        case .closed: .closed
        }
    }

    /// A status from the wire.
    init(_ wire: SSM.OpsItemStatus) {
        switch wire {
        case .open: self = .open
        case .inProgress: self = .inProgress
        case .resolved: self = .resolved
        case .pending: self = .pending
        case .timedOut: self = .timedOut
        case .cancelling: self = .cancelling
        case .cancelled: self = .cancelled
        case .failed: self = .failed
        case .completedWithSuccess: self = .completedWithSuccess
        case .completedWithFailure: self = .completedWithFailure
        case .scheduled: self = .scheduled
        case .runbookInProgress: self = .runbookInProgress
        case .pendingChangeCalendarOverride: self = .pendingChangeCalendarOverride
        case .changeCalendarOverrideApproved: self = .changeCalendarOverrideApproved
        case .changeCalendarOverrideRejected: self = .changeCalendarOverrideRejected
        case .pendingApproval: self = .pendingApproval
        case .approved: self = .approved
        case .revoked: self = .revoked
        case .rejected: self = .rejected
        case .closed: self = .closed
        }
    }
}

extension OpsItemFilterOperator {
    /// An operator from the wire.
    init(_ wire: SSM.OpsItemFilterOperator) {
        switch wire {
        case .equal: self = .equal
        case .contains: self = .contains
        case .greaterThan: self = .greaterThan
        case .lessThan: self = .lessThan
        }
    }
}

extension OpsItemEvent {
    /// The event as ListOpsItemEvents lists it.
    var wire: SSM.OpsItemEventSummary {
        SSM.OpsItemEventSummary(
            opsItemId: opsItemID, eventId: eventID, source: source, detailType: detailType, detail: detail,
            createdBy: SSM.OpsItemIdentity(arn: createdBy), createdTime: createdAt)
    }
}

extension OpsItemRelatedItem {
    /// The association as ListOpsItemRelatedItems lists it (associations are never modified, so the last change is
    /// the creation).
    var wire: SSM.OpsItemRelatedItemSummary {
        SSM.OpsItemRelatedItemSummary(
            opsItemId: opsItemID, associationId: associationID, resourceType: resourceType.rawValue, associationType: associationType.rawValue,
            resourceUri: resourceUri, createdBy: SSM.OpsItemIdentity(arn: createdBy), createdTime: createdAt,
            lastModifiedBy: SSM.OpsItemIdentity(arn: createdBy), lastModifiedTime: createdAt)
    }
}
