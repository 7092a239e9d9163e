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
