/// A parsed document (JSON or YAML), as plain values: what the content rules read.
public enum DocumentValue: Sendable, Equatable {
    /// A string.
    case string(String)
    /// A number.
    case number(Double)
    /// A boolean.
    case bool(Bool)
    /// A list.
    case array([DocumentValue])
    /// A mapping with string keys.
    case object([String: DocumentValue])
    /// Null.
    case null

    /// The value as a string, when it is one.
    public var string: String? {
        if case .string(let value) = self { return value }
        return nil
    }

    /// The value as a mapping, when it is one.
    public var object: [String: DocumentValue]? {
        if case .object(let value) = self { return value }
        return nil
    }

    /// The value as a list, when it is one.
    public var array: [DocumentValue]? {
        if case .array(let value) = self { return value }
        return nil
    }

    /// The value as parameter default text: strings as they are, anything else as its plain text.
    public var plainText: String {
        switch self {
        case .string(let value): value
        case .number(let value): value.rounded() == value && abs(value) < 1e15 ? String(Int64(value)) : String(value)
        case .bool(let value): value ? "true" : "false"
        case .array(let values): "[" + values.map(\.plainText).joined(separator: ",") + "]"
        case .object(let fields): "{" + fields.keys.sorted().map { "\($0):\(fields[$0]?.plainText ?? "")" }.joined(separator: ",") + "}"
        case .null: ""
        }
    }
}
