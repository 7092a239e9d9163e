import HikeshiCore

/// A JSON document as a value: read from request bodies, and written with sorted keys so rendered output is
/// deterministic.
enum JSONValue: Sendable, Hashable {
    /// `null`.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// A number.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([JSONValue])
    /// An object.
    case object([String: JSONValue])

    /// Reads a JSON body of at most `limit` bytes.
    ///
    /// - Parameters:
    ///   - bytes: The body.
    ///   - limit: The most bytes read.
    /// - Returns: The document.
    /// - Throws: ``AlertingError/payloadTooLarge(size:limit:)`` or ``AlertingError/malformedPayload(_:)``.
    static func parse(_ bytes: some Collection<UInt8>, limit: Int = Alerting.maximumPayloadBytes) throws(AlertingError) -> JSONValue {
        let size = bytes.count
        guard size <= limit else { throw .payloadTooLarge(size: size, limit: limit) }
        guard size > 0 else { throw .malformedPayload("the body is empty.") }
        let node = Array(bytes).withUnsafeBufferPointer { try? JSONReader.parse($0, options: .lenient) }
        guard let node, let value = JSONValue(node) else {
            throw .malformedPayload("the body is not valid JSON.")
        }
        return value
    }

    /// The value of a read document; `nil` when a number does not fit a `Double` (`1e999`).
    private init?(_ node: JSONNode) {
        switch node {
        case .null: self = .null
        case .bool(let value): self = .bool(value)
        case .number(let text):
            guard let number = Double(text), number.isFinite else { return nil }
            self = .number(number)
        case .string(let text): self = .string(text)
        case .array(let elements):
            var values: [JSONValue] = []
            values.reserveCapacity(elements.count)
            for element in elements {
                guard let value = JSONValue(element) else { return nil }
                values.append(value)
            }
            self = .array(values)
        case .object(let object):
            var members: [String: JSONValue] = [:]
            members.reserveCapacity(object.members.count)
            for member in object.members {
                guard let value = JSONValue(member.value) else { return nil }
                members[member.key] = value
            }
            self = .object(members)
        }
    }

    /// Reads a JSON body that must be an object.
    static func parseObject(_ bytes: some Collection<UInt8>) throws(AlertingError) -> [String: JSONValue] {
        guard case .object(let object) = try parse(bytes) else {
            throw .malformedPayload("the body is not a JSON object.")
        }
        return object
    }

    /// The member named `key` of an object; `nil` for other values.
    subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    /// The string, if this is one.
    var stringValue: String? {
        guard case .string(let text) = self else { return nil }
        return text
    }

    /// The string if this is one with something other than white space in it, trimmed.
    var nonEmptyString: String? {
        Alerting.nonEmpty(stringValue)
    }

    /// The number, if this is one.
    var numberValue: Double? {
        guard case .number(let number) = self else { return nil }
        return number
    }

    /// The number if this is an integral one that fits an `Int`.
    var intValue: Int? {
        guard case .number(let number) = self, number.rounded() == number, abs(number) < 9.0e15 else { return nil }
        return Int(number)
    }

    /// The members, if this is an object.
    var objectValue: [String: JSONValue]? {
        guard case .object(let object) = self else { return nil }
        return object
    }

    /// The elements, if this is an array.
    var arrayValue: [JSONValue]? {
        guard case .array(let array) = self else { return nil }
        return array
    }

    /// A string, number or boolean as text; `nil` for `null`, arrays and objects.
    var scalarText: String? {
        switch self {
        case .string(let text): text
        case .bool(let flag): flag ? "true" : "false"
        case .number(let number): Self.format(number: number)
        case .null, .array, .object: nil
        }
    }

    /// An object's scalar members as text (labels, annotations, dimensions); other members are left out.
    var stringMap: [String: String] {
        guard case .object(let object) = self else { return [:] }
        var map: [String: String] = [:]
        for (key, value) in object {
            if let text = value.scalarText { map[key] = text }
        }
        return map
    }

    /// The document as compact JSON text, object keys sorted by their UTF-8 bytes.
    var serialized: String {
        var out = ""
        write(into: &out)
        return out
    }

    private func write(into out: inout String) {
        switch self {
        case .null:
            out += "null"
        case .bool(let flag):
            out += flag ? "true" : "false"
        case .number(let number):
            out += number.isFinite ? Self.format(number: number) : "null"
        case .string(let text):
            Self.writeString(text, into: &out)
        case .array(let elements):
            out += "["
            for (offset, element) in elements.enumerated() {
                if offset > 0 { out += "," }
                element.write(into: &out)
            }
            out += "]"
        case .object(let members):
            out += "{"
            let keys = members.keys.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            for (offset, key) in keys.enumerated() {
                if offset > 0 { out += "," }
                Self.writeString(key, into: &out)
                out += ":"
                members[key, default: .null].write(into: &out)
            }
            out += "}"
        }
    }

    private static func format(number: Double) -> String {
        if number.rounded() == number, abs(number) < 9.0e15 {
            return String(Int(number))
        }
        return String(number)
    }

    private static func writeString(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
