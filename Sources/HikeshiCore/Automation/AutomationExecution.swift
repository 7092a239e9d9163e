import Foundation

/// A run of a runbook: the parameters it started with, the definition it runs (a snapshot of the version it started
/// with), its steps and where it is. Its transitions are methods; ``advance(now:)`` moves it as far as it can go without
/// outside work, and says what it waits for.
public struct AutomationExecution: Sendable, Equatable, Codable {
    /// The most step runs one execution makes (a runbook that jumps in a circle fails here instead of running forever).
    public static let maximumStepRuns = 1_000
    /// The most one step's outputs may hold, as JSON (a script's `Payload` is at most 100 KB).
    public static let maximumStepOutputBytes = 110 * 1024
    /// The most one step's resolved inputs may hold, as JSON.
    public static let maximumStepInputBytes = 256 * 1024
    /// The most all of an execution's step outputs may hold together, as JSON: an execution is stored whole, so it stays
    /// small enough to read and rewrite at every step.
    public static let maximumOutputBytes = 1024 * 1024
    /// How deep `aws:executeAutomation` may nest (a runbook that starts itself stops here).
    public static let maximumDepth = 5

    /// `AutomationExecutionId`, a UUID.
    public var id: String
    /// The account it runs in.
    public var accountID: String
    /// The region.
    public var region: String
    /// The runbook's name, as started (a name, or the ARN of a shared one).
    public var documentName: String
    /// The version that runs.
    public var documentVersion: String
    /// Auto or interactive.
    public var mode: AutomationMode
    /// The status.
    public var status: AutomationStatus
    /// Who started it, as a principal ARN (`ExecutedBy`).
    public var executedBy: String
    /// The access key of who started it: the calls its steps make are made as that caller.
    public var callerKey: String
    /// The parameters with defaults filled in and types applied.
    public var parameters: [String: DocumentValue]
    /// When it started.
    public var startedAt: Date
    /// When it ended.
    public var endedAt: Date?
    /// Why it failed.
    public var failureMessage: String?
    /// The execution that started this one (`aws:executeAutomation`).
    public var parentID: String?
    /// The OpsItem it works for, when one was named.
    public var opsItemID: String?
    /// The client token it was started with.
    public var clientToken: String?
    /// The incident whose response plan started it (children inherit it), which hears its events.
    public var incidentArn: String?
    /// The runbook it runs.
    public var definition: RunbookDefinition
    /// Every step record, in the order they were made.
    public var steps: [AutomationStepRecord]
    /// Where it is.
    public var cursor: AutomationCursor
    /// How many step runs have begun.
    public var stepRuns: Int
    /// Whether a critical step failed (the run goes on by `onFailure`, but ends Failed).
    public var criticalFailure: Bool
    /// The step an interactive execution was told to run next (`StartStep`).
    public var released: String?
    /// How deeply it is nested: 0 for an execution started on its own, its parent's depth plus one for a child.
    public var depth: Int

    /// A new execution, its steps pending, about to begin its first step.
    public init(
        id: String, accountID: String, region: String, documentName: String, documentVersion: String, mode: AutomationMode, executedBy: String,
        callerKey: String, parameters: [String: DocumentValue], definition: RunbookDefinition, startedAt: Date, parentID: String? = nil,
        opsItemID: String? = nil, clientToken: String? = nil, incidentArn: String? = nil, depth: Int = 0,
        stepID: () -> String = { UUID().uuidString.lowercased() }
    ) {
        self.id = id
        self.accountID = accountID
        self.region = region
        self.documentName = documentName
        self.documentVersion = documentVersion
        self.mode = mode
        self.status = mode == .interactive ? .waiting : .inProgress
        self.executedBy = executedBy
        self.callerKey = callerKey
        self.parameters = parameters
        self.definition = definition
        self.startedAt = startedAt
        self.parentID = parentID
        self.opsItemID = opsItemID
        self.clientToken = clientToken
        self.incidentArn = incidentArn
        self.depth = depth
        self.steps = definition.steps.map { AutomationStepRecord(id: stepID(), step: $0) }
        self.cursor = definition.steps.first.map { .next($0.name) } ?? .done
        self.stepRuns = 0
        self.criticalFailure = false
    }

    /// The ARN, `arn:aws:ssm:REGION:ACCOUNT:automation-execution/ID`.
    public var arn: String {
        "arn:aws:ssm:\(region):\(accountID):automation-execution/\(id)"
    }

    /// The record of the step running now.
    public var currentRecord: AutomationStepRecord? {
        guard case .at(let index) = cursor, steps.indices.contains(index) else { return nil }
        return steps[index]
    }

    /// The name of the step running or about to run (`CurrentStepName`).
    public var currentStepName: String? {
        switch cursor {
        case .at(let index): steps.indices.contains(index) ? steps[index].stepName : nil
        case .next(let name): status.isTerminal ? nil : name
        case .done: nil
        }
    }

    /// The execution's outputs: each `step.Output` the runbook declares, with the value it got.
    public var outputs: [String: DocumentValue] {
        var found: [String: DocumentValue] = [:]
        for reference in definition.outputs {
            guard case .stepOutput(let step, let output) = RunbookReference(text: reference), let value = latestOutput(step: step, output: output)
            else { continue }
            found[reference] = value
        }
        return found
    }

    /// The size, as JSON, of every step's outputs together.
    public var outputBytes: Int {
        steps.reduce(0) { total, record in total + record.outputs.values.reduce(0) { $0 + $1.jsonText.utf8.count } }
    }

    /// The value of `step.Output` from the step's latest run that has it.
    public func latestOutput(step: String, output: String) -> DocumentValue? {
        steps.last { $0.stepName == step && $0.outputs[output] != nil }?.outputs[output]
    }
}
