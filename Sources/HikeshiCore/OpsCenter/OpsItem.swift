import Foundation

/// An OpsCenter operational item: an issue to work on, with its operational data, notifications and related items.
///
/// Created through ``create(id:accountID:region:kind:title:description:source:priority:severity:category:operationalData:notifications:relatedOpsItems:times:by:at:)``
/// (which checks OpsCenter's rules) and changed only through ``apply(_:by:at:)``, which counts versions. Every incident
/// has one as its parent (``incidentParent(id:incidentTitle:summary:accountID:region:at:)``).
public struct OpsItem: Sendable, Equatable {
    /// The id, `oi-` and 12 lowercase hex digits.
    public var id: String
    /// The owning account.
    public var accountID: String
    /// The region it lives in.
    public var region: String
    /// Issue or insight.
    public var kind: OpsItemKind
    /// The title.
    public var title: String
    /// The description (Markdown); only items carried over from before OpsCenter was served may lack one.
    public var description: String?
    /// Where it came from; never changes.
    public var source: String
    /// Where it stands.
    public var status: OpsItemStatus
    /// 1 (highest) to 5.
    public var priority: Int?
    /// The severity (free text; the console uses `1`–`4`).
    public var severity: String?
    /// The category (free text; the console uses Availability, Cost, Performance, Recovery, Security).
    public var category: String?
    /// Operational data by key.
    public var operationalData: [String: OperationalDataValue]
    /// ARNs of the SNS topics told of changes.
    public var notifications: [String]
    /// Ids of related OpsItems.
    public var relatedOpsItems: [String]
    /// Planned and actual times.
    public var times: OpsItemTimes
    /// Who created it (an ARN).
    public var createdBy: String
    /// When it was created.
    public var createdAt: Date
    /// Who changed it last (an ARN).
    public var lastModifiedBy: String
    /// When it changed last.
    public var lastModifiedAt: Date
    /// 1 when created; one more on every edit that changes something.
    public var version: Int

    /// An item as stored (no rule is checked: use ``create(id:accountID:region:kind:title:description:source:priority:severity:category:operationalData:notifications:relatedOpsItems:times:by:at:)``
    /// for a new one).
    public init(
        id: String, accountID: String, region: String, kind: OpsItemKind, title: String, description: String?, source: String,
        status: OpsItemStatus, priority: Int?, severity: String?, category: String?, operationalData: [String: OperationalDataValue],
        notifications: [String], relatedOpsItems: [String], times: OpsItemTimes, createdBy: String, createdAt: Date, lastModifiedBy: String,
        lastModifiedAt: Date, version: Int
    ) {
        self.id = id
        self.accountID = accountID
        self.region = region
        self.kind = kind
        self.title = title
        self.description = description
        self.source = source
        self.status = status
        self.priority = priority
        self.severity = severity
        self.category = category
        self.operationalData = operationalData
        self.notifications = notifications
        self.relatedOpsItems = relatedOpsItems
        self.times = times
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.lastModifiedBy = lastModifiedBy
        self.lastModifiedAt = lastModifiedAt
        self.version = version
    }

    /// A new open item at version 1, after checking the source and the operational data.
    public static func create(
        id: String, accountID: String, region: String, kind: OpsItemKind, title: String, description: String, source: String, priority: Int?,
        severity: String?, category: String?, operationalData: [String: OperationalDataValue], notifications: [String],
        relatedOpsItems: [String], times: OpsItemTimes, by actor: String, at now: Date
    ) throws(OpsItemRuleError) -> OpsItem {
        try Self.checkSource(source)
        for (key, entry) in operationalData {
            try Self.checkOperationalData(key: key, entry)
        }
        return OpsItem(
            id: id, accountID: accountID, region: region, kind: kind, title: title, description: description, source: source, status: .open,
            priority: priority, severity: severity, category: category, operationalData: operationalData, notifications: notifications,
            relatedOpsItems: relatedOpsItems, times: times, createdBy: actor, createdAt: now, lastModifiedBy: actor, lastModifiedAt: now,
            version: 1)
    }

    /// The ARN, `arn:aws:ssm:REGION:ACCOUNT:opsitem/ID`.
    public var arn: String {
        ARN(service: "ssm", region: region, account: accountID, resource: "opsitem/\(id)").description
    }

    /// The dedup string of the `/aws/dedup` entry, if it has a readable one.
    public var dedupString: String? {
        operationalData[Self.dedupKey].flatMap { Self.dedupString(in: $0.value) }
    }

    /// The operational data DescribeOpsItems may show: the searchable entries.
    public var searchableData: [String: OperationalDataValue] {
        operationalData.filter { $0.value.isSearchable }
    }

    /// Applies an edit by `actor` at `now` and returns what changed, in ``OpsItemField`` order. Nothing changes when the
    /// edit breaks a rule; an edit that changes nothing leaves the version and the modification stamp alone.
    public mutating func apply(_ edit: OpsItemEdit, by actor: String, at now: Date) throws(OpsItemRuleError) -> [OpsItemField] {
        var next = self
        var changed: Set<OpsItemField> = []
        func set<Value: Equatable>(_ path: WritableKeyPath<OpsItem, Value>, _ value: Value?, _ field: OpsItemField) {
            guard let value, next[keyPath: path] != value else { return }
            next[keyPath: path] = value
            changed.insert(field)
        }
        if let status = edit.status, !OpsItemStatus.ordinary.contains(status) {
            throw OpsItemRuleError(
                ["Status"], "Status \(status.rawValue) belongs to change and access requests; this OpsItem takes Open, InProgress or Resolved")
        }
        set(\.title, edit.title, .title)
        set(\.description, edit.description.map { Optional($0) }, .description)
        set(\.status, edit.status, .status)
        set(\.priority, edit.priority.map { Optional($0) }, .priority)
        set(\.severity, edit.severity.map { Optional($0) }, .severity)
        set(\.category, edit.category.map { Optional($0) }, .category)
        set(\.notifications, edit.notifications, .notifications)
        set(\.relatedOpsItems, edit.relatedOpsItems, .relatedOpsItems)
        set(\.times.plannedStart, edit.times.plannedStart.map { Optional($0) }, .plannedStartTime)
        set(\.times.plannedEnd, edit.times.plannedEnd.map { Optional($0) }, .plannedEndTime)
        set(\.times.actualStart, edit.times.actualStart.map { Optional($0) }, .actualStartTime)
        set(\.times.actualEnd, edit.times.actualEnd.map { Optional($0) }, .actualEndTime)
        for (key, entry) in edit.operationalData.sorted(by: { $0.key < $1.key }) {
            try Self.checkOperationalData(key: key, entry)
            if key == Self.dedupKey, let current = operationalData[key], current.value != entry.value {
                throw OpsItemRuleError(["OperationalData"], "The dedup string of an OpsItem cannot be changed")
            }
            if next.operationalData[key] != entry {
                next.operationalData[key] = entry
                changed.insert(.operationalData)
            }
        }
        for key in edit.operationalDataToDelete {
            if key == Self.dedupKey, operationalData[key] != nil {
                throw OpsItemRuleError(["OperationalDataToDelete"], "The dedup string of an OpsItem cannot be deleted")
            }
            if next.operationalData.removeValue(forKey: key) != nil {
                changed.insert(.operationalData)
            }
        }
        guard !changed.isEmpty else { return [] }
        next.version += 1
        next.lastModifiedBy = actor
        next.lastModifiedAt = now
        self = next
        return OpsItemField.allCases.filter(changed.contains)
    }
}
