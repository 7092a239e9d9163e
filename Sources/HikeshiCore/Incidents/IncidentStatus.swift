/// Whether an incident is still being worked. The raw values are the stored and the wire form.
public enum IncidentStatus: String, Sendable, CaseIterable, Codable {
    /// Open: responders are engaged.
    case open = "OPEN"
    /// Resolved: engagements stopped, the record kept.
    case resolved = "RESOLVED"
}
