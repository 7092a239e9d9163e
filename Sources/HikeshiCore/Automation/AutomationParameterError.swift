/// A parameter value a runbook refuses at start: `InvalidAutomationExecutionParametersException`.
public struct AutomationParameterError: Error, Sendable, Equatable {
    /// The message, naming the parameter.
    public var message: String
}
