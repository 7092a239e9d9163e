/// A field of an OpsItem that an edit can change; the raw value is the request member's name, which events record.
public enum OpsItemField: String, Sendable, Equatable, Codable, CaseIterable {
    /// The title.
    case title = "Title"
    /// The description.
    case description = "Description"
    /// The status.
    case status = "Status"
    /// The priority.
    case priority = "Priority"
    /// The severity.
    case severity = "Severity"
    /// The category.
    case category = "Category"
    /// The operational data (entries merged or deleted).
    case operationalData = "OperationalData"
    /// The SNS topics told of changes.
    case notifications = "Notifications"
    /// The related OpsItems.
    case relatedOpsItems = "RelatedOpsItems"
    /// The planned start.
    case plannedStartTime = "PlannedStartTime"
    /// The planned end.
    case plannedEndTime = "PlannedEndTime"
    /// The actual start.
    case actualStartTime = "ActualStartTime"
    /// The actual end.
    case actualEndTime = "ActualEndTime"
}
