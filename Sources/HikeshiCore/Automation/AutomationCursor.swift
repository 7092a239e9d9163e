/// Where an execution is.
public enum AutomationCursor: Sendable, Equatable, Codable {
    /// About to begin the named step.
    case next(String)
    /// Running the step record at this index.
    case at(Int)
    /// Finished.
    case done
}
