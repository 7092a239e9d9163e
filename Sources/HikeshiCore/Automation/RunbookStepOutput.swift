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
