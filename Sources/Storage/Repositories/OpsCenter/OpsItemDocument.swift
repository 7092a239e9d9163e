import Foundation
import HikeshiCore

/// The JSON kept in `ops_items.document`: the OpsItem's fields that no column holds (title, source, status, version,
/// dedup string and times of creation and change are columns).
struct OpsItemDocument: Codable, Equatable {
    var kind: OpsItemKind
    var description: String?
    var priority: Int?
    var severity: String?
    var category: String?
    var operationalData: [String: OperationalDataValue]
    var notifications: [String]
    var relatedOpsItems: [String]
    var times: OpsItemTimes
    var createdBy: String
    var lastModifiedBy: String

    init(_ item: OpsItem) {
        kind = item.kind
        description = item.description
        priority = item.priority
        severity = item.severity
        category = item.category
        operationalData = item.operationalData
        notifications = item.notifications
        relatedOpsItems = item.relatedOpsItems
        times = item.times
        createdBy = item.createdBy
        lastModifiedBy = item.lastModifiedBy
    }
}
