import Foundation
import HikeshiCore
import SSMModel

extension AutomationExecution {
    /// The execution as `GetAutomationExecution` shows it.
    var wire: SSM.AutomationExecution {
        SSM.AutomationExecution(
            automationExecutionId: id, documentName: documentName, documentVersion: documentVersion, executionStartTime: startedAt,
            executionEndTime: endedAt, automationExecutionStatus: status.wire, stepExecutions: steps.map { wireStep($0) },
            stepExecutionsTruncated: false, parameters: parameters.isEmpty ? nil : AutomationParameters.wire(parameters), outputs: wireOutputs,
            failureMessage: failureMessage, mode: mode.wire, parentAutomationExecutionId: parentID, executedBy: executedBy,
            currentStepName: currentStepName, currentAction: currentAction, progressCounters: progressCounters, opsItemId: opsItemID)
    }

    /// The execution as `DescribeAutomationExecutions` lists it.
    var wireMetadata: SSM.AutomationExecutionMetadata {
        SSM.AutomationExecutionMetadata(
            automationExecutionId: id, documentName: documentName, documentVersion: documentVersion, automationExecutionStatus: status.wire,
            executionStartTime: startedAt, executionEndTime: endedAt, executedBy: executedBy, outputs: wireOutputs, mode: mode.wire,
            parentAutomationExecutionId: parentID, currentStepName: currentStepName, currentAction: currentAction, failureMessage: failureMessage,
            automationType: .local, opsItemId: opsItemID)
    }

    /// The outputs, left out when there are none (the model's map holds at least one entry).
    private var wireOutputs: [String: [String]]? {
        outputs.isEmpty ? nil : outputs.mapValues(\.wireList)
    }

    private var currentAction: String? {
        currentStepName.flatMap { definition.step(named: $0)?.action.rawValue }
    }

    private var progressCounters: SSM.ProgressCounters {
        let ran = steps.filter { $0.status != .pending }
        return SSM.ProgressCounters(
            totalSteps: ran.count, successSteps: ran.filter { $0.status == .success }.count, failedSteps: ran.filter { $0.status == .failed }.count,
            cancelledSteps: ran.filter { $0.status == .cancelled }.count, timedOutSteps: ran.filter { $0.status == .timedOut }.count)
    }

    /// One step record as `StepExecutions` shows it: inputs as JSON texts (the resolved ones once the step ran), outputs
    /// as lists of strings.
    func wireStep(_ record: AutomationStepRecord) -> SSM.StepExecution {
        let step = definition.step(named: record.stepName)
        let inputs = (record.inputs ?? step?.inputs ?? [:]).mapValues(\.jsonText)
        var validNext: [String]?
        if let step, step.action == .branch, let (choices, fallback) = try? BranchChoice.read(step.inputs, step: step.name) {
            validNext = choices.map(\.nextStep) + (fallback.map { [$0] } ?? [])
        }
        return SSM.StepExecution(
            stepName: record.stepName, action: record.action.rawValue, timeoutSeconds: step?.effectiveTimeout, onFailure: step?.onFailure.text,
            maxAttempts: step?.maxAttempts, executionStartTime: record.startedAt, executionEndTime: record.endedAt, stepStatus: record.status.wire,
            inputs: inputs, outputs: record.outputs.isEmpty ? nil : record.outputs.mapValues(\.wireList), response: record.response,
            failureMessage: record.failureMessage, stepExecutionId: record.id, isEnd: step?.isEnd, nextStep: step?.nextStep,
            isCritical: step?.isCritical, validNextSteps: validNext)
    }
}

extension AutomationStatus {
    /// The model's status.
    var wire: SSM.AutomationExecutionStatus {
        switch self {
        case .pending: .pending
        case .inProgress: .inProgress
        case .waiting: .waiting
        case .success: .success
        case .timedOut: .timedOut
        case .cancelling: .cancelling
        case .cancelled: .cancelled
        case .failed: .failed
        }
    }

    /// The domain status for a model status; `nil` for the ones Hikeshi never reaches (Change Manager's).
    init?(wire: SSM.AutomationExecutionStatus) {
        guard let status = AutomationStatus(rawValue: wire.rawValue) else { return nil }
        self = status
    }
}

extension AutomationMode {
    /// The model's mode.
    var wire: SSM.ExecutionMode {
        switch self {
        case .auto: .auto
        case .interactive: .interactive
        }
    }

    /// The domain mode.
    init(wire: SSM.ExecutionMode) {
        switch wire {
        case .auto: self = .auto
        case .interactive: self = .interactive
        }
    }
}
