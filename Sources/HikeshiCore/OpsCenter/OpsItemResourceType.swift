/// The kinds of resource an OpsItem can have as a related item; the raw value is the stored and the wire form.
public enum OpsItemResourceType: String, Sendable, Equatable, Codable, CaseIterable {
    /// An Incident Manager incident record.
    case incidentRecord = "AWS::SSMIncidents::IncidentRecord"
    /// An SSM document (a runbook, an analysis).
    case document = "AWS::SSM::Document"
}
