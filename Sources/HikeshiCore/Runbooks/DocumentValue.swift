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

    /// The value as a parameter's `DefaultValue`: strings as they are, integral numbers as digits, booleans as
    /// `true`/`false`, and lists and mappings as JSON (keys sorted, `", "` and `": "` between items, as Python's
    /// `json.dumps` writes them, so a client can read the text back with any JSON parser).
    public var defaultText: String {
        switch self {
        case .array, .object: jsonText
        default: plainText
        }
    }

    /// The value as JSON text, keys sorted. Numbers JSON cannot hold (infinities, NaN) are written as strings.
    public var jsonText: String {
        switch self {
        case .string(let value): Self.quoted(value)
        case .number(let value): value.isFinite ? plainText : Self.quoted(value.isNaN ? "NaN" : value > 0 ? "Infinity" : "-Infinity")
        case .bool, .null: self == .null ? "null" : plainText
        case .array(let values): "[" + values.map(\.jsonText).joined(separator: ", ") + "]"
        case .object(let fields):
            "{" + fields.keys.sorted().map { Self.quoted($0) + ": " + (fields[$0] ?? .null).jsonText }.joined(separator: ", ") + "}"
        }
    }

    private static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
