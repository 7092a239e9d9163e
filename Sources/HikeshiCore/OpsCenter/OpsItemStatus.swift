/// Where an OpsItem stands. The raw values are the stored and the wire form (the statuses of ordinary OpsItems; change
/// requests have more, added when OpsCenter is served).
public enum OpsItemStatus: String, Sendable, Equatable, Codable, CaseIterable {
    /// Needs attention.
    case open = "Open"
    /// Being worked on.
    case inProgress = "InProgress"
    /// Done.
    case resolved = "Resolved"
}
