/// Document values are stored as the JSON they are: a runbook definition snapshot and step outputs keep their types.
extension DocumentValue: Codable {
    /// Reads a JSON value.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([DocumentValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: DocumentValue].self))
        }
    }

    /// Writes the value as JSON; whole numbers without a fraction (`3`, not `3.0`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let value): try container.encode(value)
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
        case .bool(let value): try container.encode(value)
        case .array(let values): try container.encode(values)
        case .object(let fields): try container.encode(fields)
        case .null: try container.encodeNil()
        }
    }
}

extension DocumentValue {
    /// The value as a boolean, when it is one.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The value as a number, when it is one.
    public var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    /// The value as a whole number, when it is one.
    public var integer: Int? {
        guard case .number(let value) = self, value.rounded() == value, abs(value) < 1e15 else { return nil }
        return Int(value)
    }

    /// The value as a step input or output shows it on the wire: strings as they are, anything else as JSON.
    public var wireText: String {
        if case .string(let value) = self { return value }
        return jsonText
    }

    /// The value as a list of strings, the shape of `Outputs` and `Parameters` on the wire: a list item by item,
    /// anything else as one item.
    public var wireList: [String] {
        if case .array(let values) = self { return values.map(\.wireText) }
        return [wireText]
    }
}
