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
    /// When the step gives up waiting for a child execution (`timeoutSeconds` of `aws:executeAutomation`).
    public var deadline: Date?

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
