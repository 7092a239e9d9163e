extension DocumentOutline {
    /// Reads and checks parsed content of a document kind: a mapping with `schemaVersion` (`0.3` for runbooks), an
    /// optional `description` and `parameters` of the runbook types, and for runbooks everything
    /// ``RunbookDefinition/read(_:)`` checks (the engine runs only what passes).
    public static func read(_ value: DocumentValue, kind: DocumentKind) throws(DocumentContentError) -> DocumentOutline {
        guard let root = value.object else { throw DocumentContentError(.invalidContent, "The content must be a mapping (JSON object or YAML map)") }
        guard let schemaVersion = root["schemaVersion"]?.string else {
            throw DocumentContentError(.invalidSchemaVersion, "schemaVersion is required")
        }
        if kind == .automation, schemaVersion != "0.3" {
            throw DocumentContentError(.invalidSchemaVersion, "Automation documents use schemaVersion 0.3, not \(schemaVersion)")
        }
        var description: String?
        if let text = root["description"] {
            guard let string = text.string else { throw DocumentContentError(.invalidContent, "description must be a string") }
            description = string
        }
        let parameters = try readParameters(root["parameters"])
        let steps =
            kind == .automation ? try RunbookDefinition.read(value).steps.map { DocumentStepSpec(name: $0.name, action: $0.action.rawValue) } : []
        return DocumentOutline(schemaVersion: schemaVersion, description: description, parameters: parameters, steps: steps)
    }

    private static func readParameters(_ value: DocumentValue?) throws(DocumentContentError) -> [DocumentParameterSpec] {
        guard let value else { return [] }
        guard let fields = value.object else { throw DocumentContentError(.invalidContent, "parameters must be a mapping of names") }
        var parameters: [DocumentParameterSpec] = []
        for name in fields.keys.sorted() {
            guard let spec = fields[name]?.object else {
                throw DocumentContentError(.invalidContent, "Parameter \(name) must be a mapping with a type")
            }
            guard let typeName = spec["type"]?.string, let type = DocumentParameterKind(rawValue: typeName) else {
                let known = DocumentParameterKind.allCases.map(\.rawValue).joined(separator: ", ")
                throw DocumentContentError(.invalidContent, "Parameter \(name) has no type or an unknown one; use one of \(known)")
            }
            var text: String?
            if let describing = spec["description"], describing != .null {
                guard let string = describing.string else {
                    throw DocumentContentError(.invalidContent, "Parameter \(name): description must be a string")
                }
                text = string
            }
            if let allowed = spec["allowedValues"], allowed.array == nil {
                throw DocumentContentError(.invalidContent, "Parameter \(name): allowedValues must be a list")
            }
            if let pattern = spec["allowedPattern"], pattern.string == nil {
                throw DocumentContentError(.invalidContent, "Parameter \(name): allowedPattern must be a string")
            }
            if let fallback = spec["default"] { try checkDefault(fallback, of: name, type: type) }
            parameters.append(DocumentParameterSpec(name: name, type: type, description: text, defaultValue: spec["default"]?.defaultText))
        }
        return parameters
    }

    /// Refuses a default that cannot be a value of its parameter's type: a `Boolean` takes `true` or `false` (in YAML
    /// only those words: `yes`, `no`, `on` and `off` are strings), an `Integer` a whole number. The other types keep what
    /// AWS accepts (unverified), read as text.
    private static func checkDefault(_ value: DocumentValue, of name: String, type: DocumentParameterKind) throws(DocumentContentError) {
        switch type {
        case .boolean:
            guard case .bool = value else {
                throw DocumentContentError(.invalidContent, "Parameter \(name): the default of a Boolean is true or false, not \(value.jsonText)")
            }
        case .integer:
            guard case .number(let number) = value, number.rounded() == number, abs(number) < 1e15 else {
                throw DocumentContentError(.invalidContent, "Parameter \(name): the default of an Integer is a whole number, not \(value.jsonText)")
            }
        case .string, .stringList, .mapList, .stringMap:
            return
        }
    }
}
