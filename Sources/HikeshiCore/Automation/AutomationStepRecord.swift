import Foundation

/// One run of one step: what `StepExecutions` lists. Every step of the runbook has a record from the start (`Pending`
/// until it runs, and for good when the run never reaches it); a step that runs again gets a new record.
public struct AutomationStepRecord: Sendable, Equatable, Codable {
    /// `StepExecutionId`.
    public var id: String
    /// The step's name.
    public var stepName: String
    /// Its action.
    public var action: RunbookStepAction
    /// Its status.
    public var status: AutomationStatus
    /// When it started.
    public var startedAt: Date?
    /// When it ended.
    public var endedAt: Date?
    /// Its inputs with references resolved, as the step ran them.
    public var inputs: [String: DocumentValue]?
    /// Its outputs, typed (`Outputs` shows them as lists of strings).
    public var outputs: [String: DocumentValue]
    /// Why it failed.
    public var failureMessage: String?
    /// How many attempts have started.
    public var attempts: Int
    /// Where the step is in its work.
    public var phase: AutomationStepPhase
    /// The decisions of approvers (`aws:approve`).
    public var decisions: [ApprovalDecision]
    /// The step's response, when its action has one to show (`Response`).
    public var response: String?

    /// A record of a step not yet run.
    public init(id: String, step: RunbookStep) {
        self.id = id
        self.stepName = step.name
        self.action = step.action
        self.status = .pending
        self.outputs = [:]
        self.attempts = 0
        self.phase = .idle
        self.decisions = []
    }
}

/// Where a step is in its work; the engine's own detail, not on the wire.
public enum AutomationStepPhase: Sendable, Equatable, Codable {
    /// Not started, or finished.
    case idle
    /// Failed an attempt, with attempts left: the next begins when the engine next looks.
    case retrying
    /// `aws:sleep` until a time.
    case sleeping(until: Date)
    /// Waiting for a signal (`aws:pause`, `aws:approve`), until an optional deadline.
    case awaitingSignal(deadline: Date?)
    /// Running outside the engine (a process, a call); `deadline` is when the engine gives up on it, `pollUntil` the
    /// end of an `aws:waitForAwsResourceProperty` step's checking.
    case launched(launchID: String, deadline: Date, pollUntil: Date?)
    /// `aws:waitForAwsResourceProperty` between checks.
    case polling(next: Date, deadline: Date)
    /// Waiting for a child execution (`aws:executeAutomation`); `nil` until the child is started.
    case child(executionID: String?)
}

/// An approver's decision on an `aws:approve` step.
public struct ApprovalDecision: Sendable, Equatable, Codable {
    /// The approver, as the principal ARN that signalled.
    public var approver: String
    /// Approved or rejected.
    public var approved: Bool
    /// The comment given.
    public var comment: String?
    /// When.
    public var at: Date

    /// Creates a decision.
    public init(approver: String, approved: Bool, comment: String?, at: Date) {
        self.approver = approver
        self.approved = approved
        self.comment = comment
        self.at = at
    }
}
