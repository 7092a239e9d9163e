/// What a DescribeOpsItems filter looks at: every key of the `ssm` model (raw value = wire form).
public enum OpsItemFilterKey: String, Sendable, Equatable, CaseIterable {
    /// The status.
    case status = "Status"
    /// The creator's ARN.
    case createdBy = "CreatedBy"
    /// The source.
    case source = "Source"
    /// The priority.
    case priority = "Priority"
    /// The title.
    case title = "Title"
    /// The id.
    case opsItemID = "OpsItemId"
    /// The creation time.
    case createdTime = "CreatedTime"
    /// The last modification time.
    case lastModifiedTime = "LastModifiedTime"
    /// The actual start.
    case actualStartTime = "ActualStartTime"
    /// The actual end.
    case actualEndTime = "ActualEndTime"
    /// The planned start.
    case plannedStartTime = "PlannedStartTime"
    /// The planned end.
    case plannedEndTime = "PlannedEndTime"
    /// A searchable entry, given as `{"key":"…","value":"…"}`.
    case operationalData = "OperationalData"
    /// The key of a searchable entry.
    case operationalDataKey = "OperationalDataKey"
    /// The value of a searchable entry.
    case operationalDataValue = "OperationalDataValue"
    /// An ARN in `/aws/resources`.
    case resourceID = "ResourceId"
    /// An automation id in `/aws/automations`.
    case automationID = "AutomationId"
    /// The category.
    case category = "Category"
    /// The severity.
    case severity = "Severity"
    /// The kind (`/aws/issue`, `/aws/insight`).
    case opsItemType = "OpsItemType"
    /// The owning account.
    case accountID = "AccountId"
    /// Access requests: requester ARN.
    case accessRequestByRequesterArn = "AccessRequestByRequesterArn"
    /// Access requests: requester id.
    case accessRequestByRequesterID = "AccessRequestByRequesterId"
    /// Access requests: approver ARN.
    case accessRequestByApproverArn = "AccessRequestByApproverArn"
    /// Access requests: approver id.
    case accessRequestByApproverID = "AccessRequestByApproverId"
    /// Access requests: source account.
    case accessRequestBySourceAccountID = "AccessRequestBySourceAccountId"
    /// Access requests: source OpsItem.
    case accessRequestBySourceOpsItemID = "AccessRequestBySourceOpsItemId"
    /// Access requests: source region.
    case accessRequestBySourceRegion = "AccessRequestBySourceRegion"
    /// Access requests: replicas.
    case accessRequestByIsReplica = "AccessRequestByIsReplica"
    /// Access requests: target resource.
    case accessRequestByTargetResourceID = "AccessRequestByTargetResourceId"
    /// Change requests: requester ARN.
    case changeRequestByRequesterArn = "ChangeRequestByRequesterArn"
    /// Change requests: requester name.
    case changeRequestByRequesterName = "ChangeRequestByRequesterName"
    /// Change requests: approver ARN.
    case changeRequestByApproverArn = "ChangeRequestByApproverArn"
    /// Change requests: approver name.
    case changeRequestByApproverName = "ChangeRequestByApproverName"
    /// Change requests: template.
    case changeRequestByTemplate = "ChangeRequestByTemplate"
    /// Change requests: targeted resource group.
    case changeRequestByTargetsResourceGroup = "ChangeRequestByTargetsResourceGroup"
    /// Insights: their type.
    case insightByType = "InsightByType"

    /// The operators the key takes.
    public var operators: [OpsItemFilterOperator] {
        switch self {
        case .createdTime, .lastModifiedTime, .actualStartTime, .actualEndTime, .plannedStartTime, .plannedEndTime:
            [.greaterThan, .lessThan]
        case .source, .title, .operationalDataValue:
            [.equal, .contains]
        case .resourceID:
            [.contains]
        default:
            [.equal]
        }
    }

    /// Whether the key selects change requests, access requests or insights, which Hikeshi never holds: such a filter
    /// is valid and matches nothing.
    var selectsRequests: Bool {
        rawValue.hasPrefix("AccessRequestBy") || rawValue.hasPrefix("ChangeRequestBy") || self == .insightByType
    }
}
