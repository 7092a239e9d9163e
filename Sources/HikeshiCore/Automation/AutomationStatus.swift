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

/// How an execution moves between steps. The raw values are the wire spelling.
public enum AutomationMode: String, Sendable, Equatable, Codable, CaseIterable {
    /// Step after step on its own.
    case auto = "Auto"
    /// Waits before each step for a `StartStep` signal.
    case interactive = "Interactive"
}

/// The signals `SendAutomationSignal` carries. The raw values are the wire spelling.
public enum AutomationSignal: String, Sendable, Equatable, CaseIterable {
    /// An approver approves the waiting `aws:approve` step.
    case approve = "Approve"
    /// An approver rejects it.
    case reject = "Reject"
    /// Runs a step of an interactive execution.
    case startStep = "StartStep"
    /// Stops a running step.
    case stopStep = "StopStep"
    /// Resumes an `aws:pause` step.
    case resume = "Resume"
    /// Revokes a change request (Change Manager; not served).
    case revoke = "Revoke"
}
