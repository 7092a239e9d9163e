/// What a document's content declares: its schema version, description, parameters and steps. Read once when a version
/// is created, by ``DocumentOutline/read(_:kind:)``, which refuses content the engine could not run.
public struct DocumentOutline: Sendable, Equatable, Codable {
    /// `schemaVersion` (`0.3` for runbooks).
    public var schemaVersion: String
    /// `description`.
    public var description: String?
    /// The parameters, in name order.
    public var parameters: [DocumentParameterSpec]
    /// The steps, in order (runbooks only).
    public var steps: [DocumentStepSpec]

    /// Creates an outline.
    public init(schemaVersion: String, description: String?, parameters: [DocumentParameterSpec], steps: [DocumentStepSpec]) {
        self.schemaVersion = schemaVersion
        self.description = description
        self.parameters = parameters
        self.steps = steps
    }
}

/// A parameter a document declares.
public struct DocumentParameterSpec: Sendable, Equatable, Codable {
    /// The name.
    public var name: String
    /// The type.
    public var type: DocumentParameterKind
    /// The description.
    public var description: String?
    /// The default, as text.
    public var defaultValue: String?

    /// Creates a parameter.
    public init(name: String, type: DocumentParameterKind, description: String?, defaultValue: String?) {
        self.name = name
        self.type = type
        self.description = description
        self.defaultValue = defaultValue
    }
}

/// The types a runbook parameter may have. The raw values are the document's spelling.
public enum DocumentParameterKind: String, Sendable, Equatable, Codable, CaseIterable {
    /// A string.
    case string = "String"
    /// A list of strings.
    case stringList = "StringList"
    /// An integer.
    case integer = "Integer"
    /// A boolean.
    case boolean = "Boolean"
    /// A list of mappings.
    case mapList = "MapList"
    /// A mapping of strings.
    case stringMap = "StringMap"
}

/// A step a runbook declares.
public struct DocumentStepSpec: Sendable, Equatable, Codable {
    /// The step's name, unique in the runbook.
    public var name: String
    /// Its action (`aws:pause`…).
    public var action: String

    /// Creates a step.
    public init(name: String, action: String) {
        self.name = name
        self.action = action
    }
}
