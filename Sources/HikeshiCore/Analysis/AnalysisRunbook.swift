import Foundation

/// A runbook of an incident, as an analysis records it: an automation execution linked to the incident (with its
/// status and steps), a runbook its response plan named that never ran, or a linked execution Hikeshi does not have.
public struct AnalysisRunbook: Sendable, Equatable {
    /// The Automation document: the execution's, or the one the plan named.
    public var documentName: String?
    /// The document version: the execution's, or the one the plan named (nil: the default).
    public var documentVersion: String?
    /// The execution's ARN.
    public var executionArn: String?
    /// The execution's status when the analysis was made.
    public var status: AutomationStatus?
    /// When the execution started.
    public var startedAt: Date?
    /// When it ended.
    public var endedAt: Date?
    /// Why it failed.
    public var failureMessage: String?
    /// Its step runs, in order (at most ``stepLimit``).
    public var steps: [AnalysisRunbookStep]

    /// Creates an entry.
    public init(
        documentName: String?, documentVersion: String?, executionArn: String?, status: AutomationStatus? = nil, startedAt: Date? = nil,
        endedAt: Date? = nil, failureMessage: String? = nil, steps: [AnalysisRunbookStep] = []
    ) {
        self.documentName = documentName
        self.documentVersion = documentVersion
        self.executionArn = executionArn
        self.status = status
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.failureMessage = failureMessage
        self.steps = steps
    }

    /// The most step runs an analysis records of one execution.
    public static let stepLimit = 200

    /// The entry of an execution, with its step runs.
    public init(_ execution: AutomationExecution) {
        self.init(
            documentName: execution.documentName, documentVersion: execution.documentVersion, executionArn: execution.arn, status: execution.status,
            startedAt: execution.startedAt, endedAt: execution.endedAt, failureMessage: execution.failureMessage,
            steps: execution.steps.prefix(Self.stepLimit).map(AnalysisRunbookStep.init))
    }

    /// The runbooks of an incident: the `executions` linked to it (oldest first), then the runbooks its plan named that
    /// no execution ran (`pending`), then the `linked` execution ARNs (the record's `automationExecutions` and its
    /// `AUTOMATION` related items) that are not among `executions`.
    public static func of(pending: [RunbookAction], linked: [String], executions: [AutomationExecution]) -> [AnalysisRunbook] {
        let ran = executions.sorted { ($0.startedAt, $0.id) < ($1.startedAt, $1.id) }.map(AnalysisRunbook.init)
        let started = Set(executions.map(\.documentName))
        let named = pending.filter { !started.contains($0.documentName) }.map {
            AnalysisRunbook(documentName: $0.documentName, documentVersion: $0.documentVersion, executionArn: nil)
        }
        var known = Set(executions.map(\.arn))
        let unknown = linked.compactMap { arn -> AnalysisRunbook? in
            guard known.insert(arn).inserted else { return nil }
            return AnalysisRunbook(documentName: nil, documentVersion: nil, executionArn: arn)
        }
        return ran + named + unknown
    }

    /// The execution ARNs linked to an incident: those its record lists, then those its `AUTOMATION` related items name.
    public static func linked(to incident: Incident, relatedItems: [RelatedItem]) -> [String] {
        incident.automationExecutions
            + relatedItems.compactMap { item -> String? in
                guard item.kind == .automation, case .arn(let arn) = item.value else { return nil }
                return arn
            }
    }
}

/// One run of one step of an execution, as an analysis records it.
public struct AnalysisRunbookStep: Sendable, Equatable {
    /// The step's name.
    public var name: String
    /// Its action (`aws:pause`…).
    public var action: RunbookStepAction
    /// Its status.
    public var status: AutomationStatus
    /// When it started.
    public var startedAt: Date?
    /// When it ended.
    public var endedAt: Date?
    /// Why it failed.
    public var failureMessage: String?

    /// Creates an entry.
    public init(name: String, action: RunbookStepAction, status: AutomationStatus, startedAt: Date?, endedAt: Date?, failureMessage: String?) {
        self.name = name
        self.action = action
        self.status = status
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.failureMessage = failureMessage
    }

    /// The entry of a step record.
    public init(_ record: AutomationStepRecord) {
        self.init(
            name: record.stepName, action: record.action, status: record.status, startedAt: record.startedAt, endedAt: record.endedAt,
            failureMessage: record.failureMessage)
    }
}
