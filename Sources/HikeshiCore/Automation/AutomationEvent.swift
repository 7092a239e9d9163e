/// Something about an execution people may want to hear: a step that waits for them, a step that failed, the end.
public struct AutomationEvent: Sendable, Equatable, Codable {
    /// What happened.
    public enum Kind: String, Sendable, Equatable, Codable, CaseIterable {
        /// A step waits for a signal (`aws:pause`, `aws:approve`).
        case stepWaiting = "StepWaiting"
        /// A step failed or timed out.
        case stepFailed = "StepFailed"
        /// The execution ended.
        case finished = "Finished"
    }

    /// What happened.
    public var kind: Kind
    /// The step, for step events.
    public var stepName: String?
    /// The step's action, for step events.
    public var action: RunbookStepAction?
    /// The status the step or execution reached.
    public var status: AutomationStatus
    /// A failure message, when there is one.
    public var message: String?

    /// Creates an event.
    public init(kind: Kind, stepName: String?, action: RunbookStepAction?, status: AutomationStatus, message: String?) {
        self.kind = kind
        self.stepName = stepName
        self.action = action
        self.status = status
        self.message = message
    }

    /// The events between two states of one execution, in order.
    public static func between(_ before: AutomationExecution, _ after: AutomationExecution) -> [AutomationEvent] {
        var events: [AutomationEvent] = []
        for (index, record) in after.steps.enumerated() {
            let old = index < before.steps.count ? before.steps[index] : nil
            let wasWaiting = old.map { if case .awaitingSignal = $0.phase { true } else { false } } ?? false
            if case .awaitingSignal = record.phase, !wasWaiting {
                events.append(AutomationEvent(kind: .stepWaiting, stepName: record.stepName, action: record.action, status: .waiting, message: nil))
            }
            if record.status == .failed || record.status == .timedOut, old?.status != record.status {
                events.append(
                    AutomationEvent(
                        kind: .stepFailed, stepName: record.stepName, action: record.action, status: record.status, message: record.failureMessage))
            }
        }
        if after.status.isTerminal, !before.status.isTerminal {
            events.append(AutomationEvent(kind: .finished, stepName: nil, action: nil, status: after.status, message: after.failureMessage))
        }
        return events
    }
}
