/// A change to an OpsItem (UpdateOpsItem, or an incident resolving its parent): nil and empty members leave the
/// field alone. Operational data merges by key; keys in ``operationalDataToDelete`` go.
public struct OpsItemEdit: Sendable, Equatable {
    /// A new title.
    public var title: String?
    /// A new description.
    public var description: String?
    /// A new status.
    public var status: OpsItemStatus?
    /// A new priority.
    public var priority: Int?
    /// A new severity.
    public var severity: String?
    /// A new category.
    public var category: String?
    /// Entries to add or replace.
    public var operationalData: [String: OperationalDataValue]
    /// Keys to remove.
    public var operationalDataToDelete: [String]
    /// A new list of SNS topics.
    public var notifications: [String]?
    /// A new list of related OpsItems.
    public var relatedOpsItems: [String]?
    /// New times (each one given replaces the stored one).
    public var times: OpsItemTimes

    /// Creates an edit.
    public init(
        title: String? = nil, description: String? = nil, status: OpsItemStatus? = nil, priority: Int? = nil, severity: String? = nil,
        category: String? = nil, operationalData: [String: OperationalDataValue] = [:], operationalDataToDelete: [String] = [],
        notifications: [String]? = nil, relatedOpsItems: [String]? = nil, times: OpsItemTimes = OpsItemTimes()
    ) {
        self.title = title
        self.description = description
        self.status = status
        self.priority = priority
        self.severity = severity
        self.category = category
        self.operationalData = operationalData
        self.operationalDataToDelete = operationalDataToDelete
        self.notifications = notifications
        self.relatedOpsItems = relatedOpsItems
        self.times = times
    }
}
