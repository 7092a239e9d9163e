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
