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
