/// One step of a runbook.
public struct RunbookStep: Sendable, Equatable, Codable {
    /// The name, unique in the runbook.
    public var name: String
    /// The action.
    public var action: RunbookStepAction
    /// The inputs, still holding their `{{ }}` references.
    public var inputs: [String: DocumentValue]
    /// User outputs selected from the action's response.
    public var outputs: [RunbookStepOutput]
    /// What a failure does.
    public var onFailure: StepFailurePolicy
    /// What cancelling the execution during this step does (`abort` or `step`).
    public var onCancel: StepFailurePolicy
    /// The step to run after success, when not the next one.
    public var nextStep: String?
    /// Whether the execution ends after this step.
    public var isEnd: Bool
    /// Whether this step failing makes the execution fail.
    public var isCritical: Bool
    /// How many times the step is tried before it fails.
    public var maxAttempts: Int
    /// How long one attempt may take, in seconds (`nil`: the action's default, or no limit).
    public var timeoutSeconds: Int?

    /// Creates a step.
    public init(
        name: String, action: RunbookStepAction, inputs: [String: DocumentValue] = [:], outputs: [RunbookStepOutput] = [],
        onFailure: StepFailurePolicy = .abort, onCancel: StepFailurePolicy = .abort, nextStep: String? = nil, isEnd: Bool = false,
        isCritical: Bool = true, maxAttempts: Int = 1, timeoutSeconds: Int? = nil
    ) {
        self.name = name
        self.action = action
        self.inputs = inputs
        self.outputs = outputs
        self.onFailure = onFailure
        self.onCancel = onCancel
        self.nextStep = nextStep
        self.isEnd = isEnd
        self.isCritical = isCritical
        self.maxAttempts = maxAttempts
        self.timeoutSeconds = timeoutSeconds
    }

    /// The timeout that applies: the step's own, else the action's default.
    public var effectiveTimeout: Int? {
        timeoutSeconds ?? action.timeoutLimits.default
    }

    /// How long one attempt of outside work may take: the effective timeout, else 600 seconds (outside work is never
    /// unbounded). The engine's launch deadline and a script's start-by time both count from it.
    public var attemptTimeout: Int {
        effectiveTimeout ?? 600
    }
}
