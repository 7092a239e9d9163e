/// Where an incident came from: who or what started it.
public struct IncidentSource: Sendable, Equatable, Codable {
    /// The principal that started the incident.
    public var createdBy: String
    /// The service principal that started it on the creator's behalf, if any.
    public var invokedBy: String?
    /// The resource (alarm, rule, integration) whose trigger started it.
    public var resourceArn: String?
    /// The name of the source (`aws.cloudwatch`, `hikeshi.alertmanager`, `aws.ssm-incidents.custom`…).
    public var source: String

    /// Creates a source.
    public init(createdBy: String, invokedBy: String? = nil, resourceArn: String? = nil, source: String) {
        self.createdBy = createdBy
        self.invokedBy = invokedBy
        self.resourceArn = resourceArn
        self.source = source
    }
}
