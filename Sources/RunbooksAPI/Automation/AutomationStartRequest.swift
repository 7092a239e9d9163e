import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import Storage
import Synchronization

/// What starting a runbook asks for: from `StartAutomationExecution`, from an `aws:executeAutomation` step, or from an
/// incident's response plan.
public struct AutomationStartRequest: Sendable {
    /// The runbook: a name or an ARN.
    public var documentName: String
    /// The version (`$DEFAULT`, `$LATEST` or a number); the default version when `nil`.
    public var documentVersion: String?
    /// The parameters, as lists of strings.
    public var parameters: [String: [String]]
    /// Auto or interactive.
    public var mode: AutomationMode
    /// A client token: the same token starts one execution.
    public var clientToken: String?
    /// Tags for the execution.
    public var tags: [String: String]
    /// The parent execution.
    public var parentID: String?
    /// The OpsItem it works for.
    public var opsItemID: String?
    /// The incident that starts it.
    public var incidentArn: String?
    /// Who it runs as, when not the caller's key (an incident's runbook runs as the plan's role).
    public var principal: String?
    /// How deeply it is nested (a child's parent's depth plus one).
    public var depth: Int

    /// Creates a request.
    public init(
        documentName: String, documentVersion: String? = nil, parameters: [String: [String]] = [:], mode: AutomationMode = .auto,
        clientToken: String? = nil, tags: [String: String] = [:], parentID: String? = nil, opsItemID: String? = nil, incidentArn: String? = nil,
        principal: String? = nil, depth: Int = 0
    ) {
        self.documentName = documentName
        self.documentVersion = documentVersion
        self.parameters = parameters
        self.mode = mode
        self.clientToken = clientToken
        self.tags = tags
        self.parentID = parentID
        self.opsItemID = opsItemID
        self.incidentArn = incidentArn
        self.principal = principal
        self.depth = depth
    }
}
