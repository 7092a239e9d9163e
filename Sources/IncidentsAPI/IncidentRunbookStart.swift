/// The job that starts one of an incident's runbooks (the plan's `ssmAutomation` action at `index`). The application
/// runs it: starting a runbook belongs to the automation engine, which this module does not reach.
public struct IncidentRunbookStart: Codable, Sendable, Equatable {
    /// The job kind.
    public static let jobKind = "incident.runbook-start"

    /// The incident.
    public var incidentArn: String
    /// Its account.
    public var accountID: String
    /// Which of the incident's runbooks.
    public var index: Int

    /// Creates a payload.
    public init(incidentArn: String, accountID: String, index: Int) {
        self.incidentArn = incidentArn
        self.accountID = accountID
        self.index = index
    }
}
