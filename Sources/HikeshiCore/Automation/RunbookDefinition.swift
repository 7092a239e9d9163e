/// A runbook as the engine runs it: read once from a version's content when an execution starts, and kept with the
/// execution, so a document that changes afterwards does not change a run in progress.
public struct RunbookDefinition: Sendable, Equatable, Codable {
    /// `description`.
    public var description: String?
    /// `assumeRole` (informational: steps run as the execution's caller).
    public var assumeRole: String?
    /// The parameters, by name.
    public var parameters: [String: RunbookParameter]
    /// The steps, in document order.
    public var steps: [RunbookStep]
    /// `outputs`: `step.Output` references whose values become the execution's outputs.
    public var outputs: [String]

    /// Creates a definition.
    public init(
        description: String? = nil, assumeRole: String? = nil, parameters: [String: RunbookParameter] = [:], steps: [RunbookStep],
        outputs: [String] = []
    ) {
        self.description = description
        self.assumeRole = assumeRole
        self.parameters = parameters
        self.steps = steps
        self.outputs = outputs
    }

    /// The step named `name`.
    public func step(named name: String) -> RunbookStep? {
        steps.first { $0.name == name }
    }

    /// The step after `name` in document order.
    public func step(after name: String) -> RunbookStep? {
        guard let index = steps.firstIndex(where: { $0.name == name }), index + 1 < steps.count else { return nil }
        return steps[index + 1]
    }
}

/// A runbook parameter: its type and the rules a value must meet.
public struct RunbookParameter: Sendable, Equatable, Codable {
    /// The type.
    public var type: DocumentParameterKind
    /// `default`, when there is one (a parameter without one is required).
    public var defaultValue: DocumentValue?
    /// `allowedValues`: strings a value (or each item of a list) must be one of, compared exactly.
    public var allowedValues: [String]?
    /// `allowedPattern`: a regular expression a value (or each item) must match in full.
    public var allowedPattern: String?

    /// Creates a parameter.
    public init(type: DocumentParameterKind, defaultValue: DocumentValue? = nil, allowedValues: [String]? = nil, allowedPattern: String? = nil) {
        self.type = type
        self.defaultValue = defaultValue
        self.allowedValues = allowedValues
        self.allowedPattern = allowedPattern
    }
}

extension RunbookParameter {
    private enum CodingKeys: String, CodingKey {
        case type, defaultValue, allowedValues, allowedPattern
    }

    /// Reads a stored parameter. A stored `null` default is the default `null` (`default:` left empty in YAML: the
    /// parameter is optional and takes the empty string), not the absence of one, which would make it required.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        type = try container.decode(DocumentParameterKind.self, forKey: .type)
        defaultValue = container.contains(.defaultValue) ? try container.decode(DocumentValue.self, forKey: .defaultValue) : nil
        allowedValues = try container.decodeIfPresent([String].self, forKey: .allowedValues)
        allowedPattern = try container.decodeIfPresent(String.self, forKey: .allowedPattern)
    }
}

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
}

/// A user output of a step: a value selected from the action's response and converted to a type.
public struct RunbookStepOutput: Sendable, Equatable, Codable {
    /// `Name`, referred to as `step.Name`.
    public var name: String
    /// `Selector`, a JSONPath of the subset runbooks use (`$.a.b`, `$.a[0]`, `$..a`).
    public var selector: String
    /// `Type`.
    public var type: DocumentParameterKind

    /// Creates an output.
    public init(name: String, selector: String, type: DocumentParameterKind) {
        self.name = name
        self.selector = selector
        self.type = type
    }
}
