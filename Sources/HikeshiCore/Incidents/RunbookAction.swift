/// A response plan's action: run an SSM Automation runbook when an incident starts.
public struct RunbookAction: Sendable, Equatable, Codable {
    /// The Automation document's name.
    public var documentName: String
    /// The document version; nil means the default version.
    public var documentVersion: String?
    /// The role the automation assumes.
    public var roleArn: String
    /// Which account the runbook runs in.
    public var targetAccount: RunbookTargetAccount?
    /// Fixed parameters (nil: none given).
    public var parameters: [String: [String]]?
    /// Parameters filled in from the incident when it starts (nil: none given).
    public var dynamicParameters: [String: RunbookDynamicValue]?

    /// Creates an action.
    public init(
        documentName: String,
        documentVersion: String? = nil,
        roleArn: String,
        targetAccount: RunbookTargetAccount? = nil,
        parameters: [String: [String]]? = nil,
        dynamicParameters: [String: RunbookDynamicValue]? = nil
    ) {
        self.documentName = documentName
        self.documentVersion = documentVersion
        self.roleArn = roleArn
        self.targetAccount = targetAccount
        self.parameters = parameters
        self.dynamicParameters = dynamicParameters
    }
}

/// The account a runbook runs in.
public enum RunbookTargetAccount: String, Sendable, Equatable, Codable, CaseIterable {
    /// The account that owns the response plan.
    case responsePlanOwnerAccount = "RESPONSE_PLAN_OWNER_ACCOUNT"
    /// The account the incident happened in.
    case impactedAccount = "IMPACTED_ACCOUNT"
}

/// A value taken from the incident for a runbook parameter.
public enum RunbookDynamicValue: String, Sendable, Equatable, Codable, CaseIterable {
    /// The incident record's ARN.
    case incidentRecordArn = "INCIDENT_RECORD_ARN"
    /// The ARNs of the incident's involved resources.
    case involvedResources = "INVOLVED_RESOURCES"
}
