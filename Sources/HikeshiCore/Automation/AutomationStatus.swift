/// The status of an execution and of each of its steps: the eight AWS documents for both. The raw values are the wire
/// and stored spelling.
public enum AutomationStatus: String, Sendable, Equatable, Codable, CaseIterable {
    /// Not started (a step the run has not reached, or skipped).
    case pending = "Pending"
    /// Running.
    case inProgress = "InProgress"
    /// Waiting for a signal (`aws:pause`, `aws:approve`, interactive mode).
    case waiting = "Waiting"
    /// Finished well.
    case success = "Success"
    /// A step ran out of time.
    case timedOut = "TimedOut"
    /// Cancelled, running its `onCancel` steps.
    case cancelling = "Cancelling"
    /// Cancelled.
    case cancelled = "Cancelled"
    /// Failed.
    case failed = "Failed"

    /// Whether nothing more will happen.
    public var isTerminal: Bool {
        switch self {
        case .success, .timedOut, .cancelled, .failed: true
        case .pending, .inProgress, .waiting, .cancelling: false
        }
    }
}
