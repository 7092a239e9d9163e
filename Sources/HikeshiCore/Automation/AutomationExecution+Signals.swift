import Foundation

extension AutomationExecution {
    /// Takes a signal from `principal` (a principal ARN; `accessKey` is its key id, which approvers may name too).
    public mutating func receive(
        _ signal: AutomationSignal, payload: [String: [String]], principal: String, accessKey: String, now: Date
    ) throws(AutomationSignalError) {
        guard !status.isTerminal else { throw .invalidSignal("Execution \(id) has ended (\(status.rawValue)); it takes no signals") }
        let named = payload["StepName"]?.first
        if let named, definition.step(named: named) == nil {
            throw .stepNotFound("Step \(named) is not a step of execution \(id)'s runbook")
        }
        switch signal {
        case .approve, .reject:
            guard case .at(let index) = cursor, steps[index].action == .approve, case .awaitingSignal = steps[index].phase else {
                throw .invalidSignal("Execution \(id) is not waiting for an approval")
            }
            let approvers = steps[index].inputs?["Approvers"]?.array?.compactMap(\.string) ?? []
            guard approvers.contains(where: { Self.names($0, principal: principal, accessKey: accessKey, accountID: accountID) }) else {
                throw .invalidSignal("\(principal) is not an approver of step \(steps[index].stepName)")
            }
            guard !steps[index].decisions.contains(where: { $0.approver == principal }) else {
                throw .invalidSignal("\(principal) has already decided on step \(steps[index].stepName)")
            }
            let comment = payload["Comment"]?.first
            steps[index].decisions.append(ApprovalDecision(approver: principal, approved: signal == .approve, comment: comment, at: now))
        case .resume:
            guard case .at(let index) = cursor, steps[index].action == .pause, case .awaitingSignal = steps[index].phase else {
                throw .invalidSignal("Execution \(id) is not paused")
            }
            if let named, named != steps[index].stepName {
                throw .invalidSignal("Execution \(id) is paused at step \(steps[index].stepName), not \(named)")
            }
            guard let step = definition.step(named: steps[index].stepName) else { return }
            _ = succeed(index, step: step, outputs: [:], now: now)
        case .startStep:
            guard mode == .interactive else { throw .invalidSignal("StartStep is for executions started in Interactive mode") }
            guard let named else { throw .invalidSignal("StartStep needs the payload StepName") }
            guard case .next = cursor, status == .waiting else {
                throw .invalidSignal("Execution \(id) is running step \(currentStepName ?? ""); StartStep waits until it ends")
            }
            released = named
            cursor = .next(named)
            status = .inProgress
        case .stopStep:
            guard let stepID = payload["StepExecutionId"]?.first else { throw .invalidSignal("StopStep needs the payload StepExecutionId") }
            guard let index = steps.firstIndex(where: { $0.id == stepID }) else {
                throw .stepNotFound("No step execution \(stepID) in execution \(id)")
            }
            guard cursor == .at(index), let step = definition.step(named: steps[index].stepName) else {
                throw .invalidSignal("Step execution \(stepID) is not running")
            }
            steps[index].attempts = step.maxAttempts
            _ = fail(index, step: step, message: "Stopped by a StopStep signal from \(principal)", timedOut: false, now: now)
            steps[index].status = .cancelled
        case .revoke:
            throw .invalidSignal("Revoke is for Change Manager requests, which Hikeshi does not run")
        }
    }

    /// Stops the execution: `cancel` runs the current step's `onCancel` steps first when it has some.
    public mutating func stop(_ kind: AutomationStopKind, now: Date) throws(AutomationSignalError) {
        guard !status.isTerminal else {
            throw .invalidStatusUpdate("Execution \(id) has ended (\(status.rawValue)); it cannot be stopped")
        }
        switch kind {
        case .complete:
            criticalFailure = false
            finish(.success, message: nil, now: now)
            failureMessage = nil
        case .cancel:
            guard status != .cancelling else {
                finish(.cancelled, message: nil, now: now)
                return
            }
            let current: (Int, RunbookStep)? = {
                guard case .at(let index) = cursor, let step = definition.step(named: steps[index].stepName) else { return nil }
                return (index, step)
            }()
            if let (index, step) = current {
                steps[index].status = .cancelled
                steps[index].endedAt = now
                steps[index].phase = .idle
                if case .step(let target) = step.onCancel {
                    status = .cancelling
                    cursor = .next(target)
                    return
                }
            }
            status = .cancelling
            finish(.cancelled, message: nil, now: now)
        }
    }

    /// Ends the execution Cancelled at once, without `onCancel` steps: the parent step that waited for it is gone.
    public mutating func abandon(now: Date) {
        guard !status.isTerminal else { return }
        status = .cancelling
        finish(.cancelled, message: "Cancelled: the parent execution's step that started it ended first", now: now)
    }

    /// Whether an approver entry names the signalling principal: its principal ARN, its access key id, the account's
    /// root (`arn:aws:iam::ACCOUNT:root`, anyone of the account) or the account id.
    static func names(_ approver: String, principal: String, accessKey: String, accountID: String) -> Bool {
        approver == principal || approver == accessKey || approver == "arn:aws:iam::\(accountID):root" || approver == accountID
            || approver == "arn:aws:iam::\(accountID):user/\(accessKey)"
    }

    /// Whether an approval step has its answer: `true` approved (enough approvals), `false` rejected (any rejection),
    /// `nil` still waiting.
    func approvalVerdict(_ index: Int, step: RunbookStep) -> Bool? {
        let decisions = steps[index].decisions
        if decisions.contains(where: { !$0.approved }) { return false }
        let needed = steps[index].inputs?["MinRequiredApprovals"]?.integer ?? 1
        return decisions.filter(\.approved).count >= needed ? true : nil
    }

    /// The outputs of an approval step: `ApprovalStatus` and `ApproverDecisions`.
    func approvalOutputs(_ index: Int, status: String) -> [String: DocumentValue] {
        let decisions: [DocumentValue] = steps[index].decisions.map { decision in
            var fields: [String: DocumentValue] = [
                "Approver": .string(decision.approver), "Decision": .string(decision.approved ? "Approve" : "Reject"),
            ]
            if let comment = decision.comment { fields["Comment"] = .string(comment) }
            return .object(fields)
        }
        return ["ApprovalStatus": .string(status), "ApproverDecisions": .array(decisions)]
    }
}
