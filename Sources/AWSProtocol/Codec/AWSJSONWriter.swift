import Foundation

/// Writes a response body's JSON straight into bytes: the wire form ``AWSJSONCoding/encoder`` gives, without
/// `Encodable`'s containers, boxes and dynamic casts, which cost more than the rest of a large listing's request.
///
/// Output shapes write themselves through ``AWSJSONWritable``; the generated shapes do it member by member.
/// Strings are escaped as JSON requires (quote, backslash, control characters) and nothing more: `/` and every
/// non-ASCII character travel as they are, as with `.withoutEscapingSlashes`.
///
/// The structural writes are `@inlinable` so that each generated shape's calls are specialized for its member types;
/// unspecialized, each optional member cost a runtime metadata look-up for `Optional<Member>` (a third of writing a
/// `DescribeCases` response).
public struct AWSJSONWriter: Sendable {
    /// The JSON written so far.
    public var bytes: [UInt8] { storage }
    @usableFromInline var storage: [UInt8] = []
    /// Whether the next member or element needs a comma before it.
    @usableFromInline var needsComma = false

    /// An empty writer.
    public init() {
        storage.reserveCapacity(512)
    }

    /// Writes `value` as the whole document and returns the bytes.
    @inlinable
    public static func write(_ value: some AWSJSONWritable) -> [UInt8] {
        var writer = AWSJSONWriter()
        value.writeJSON(to: &writer)
        return writer.storage
    }

    /// Opens an object.
    @inlinable
    public mutating func beginObject() {
        storage.append(UInt8(ascii: "{"))
        needsComma = false
    }

    /// Closes an object.
    @inlinable
    public mutating func endObject() {
        storage.append(UInt8(ascii: "}"))
        needsComma = true
    }

    /// Writes a member with a key that needs no escaping (a model's member name), unless `value` is nil.
    @inlinable
    public mutating func member(_ key: StaticString, _ value: (some AWSJSONWritable)?) {
        guard let value else { return }
        if needsComma { storage.append(UInt8(ascii: ",")) }
        storage.append(UInt8(ascii: "\""))
        key.withUTF8Buffer { storage.append(contentsOf: $0) }
        storage.append(UInt8(ascii: "\""))
        storage.append(UInt8(ascii: ":"))
        value.writeJSON(to: &self)
    }

    /// Writes an array of `elements`.
    @inlinable
    public mutating func array<Element: AWSJSONWritable>(_ elements: [Element]) {
        storage.append(UInt8(ascii: "["))
        needsComma = false
        for element in elements {
            if needsComma { storage.append(UInt8(ascii: ",")) }
            element.writeJSON(to: &self)
        }
        storage.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// Writes an object of `entries`, keys escaped.
    @inlinable
    public mutating func object<Value: AWSJSONWritable>(_ entries: [String: Value]) {
        beginObject()
        for (key, value) in entries {
            if needsComma { storage.append(UInt8(ascii: ",")) }
            string(key)
            storage.append(UInt8(ascii: ":"))
            value.writeJSON(to: &self)
        }
        endObject()
    }

    /// Writes a string, escaped.
    public mutating func string(_ text: String) {
        storage.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { utf8 in
            var start = 0
            for index in utf8.indices {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                storage.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start..<index]))
                escape(byte)
                start = index + 1
            }
            storage.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[start...]))
        }
        storage.append(UInt8(ascii: "\""))
        needsComma = true
    }

    /// Writes an integer.
    public mutating func integer(_ value: Int) {
        raw(String(value))
    }

    /// Writes a number as `JSONEncoder` does: the shortest text that reads back as the same double, without a
    /// trailing `.0`; a value that is not finite (never in a response) as `null`.
    public mutating func number(_ value: Double) {
        guard value.isFinite else {
            raw("null")
            return
        }
        var text = value.description
        if text.hasSuffix(".0") {
            text.removeLast(2)
        }
        raw(text)
    }

    /// Writes `true` or `false`.
    public mutating func boolean(_ value: Bool) {
        raw(value ? "true" : "false")
    }

    /// Writes `null`.
    public mutating func null() {
        raw("null")
    }

    /// Appends a value that is already JSON (what `JSONEncoder` wrote), as one value.
    mutating func encoded(_ json: [UInt8]) {
        storage.append(contentsOf: json)
        needsComma = true
    }

    private mutating func raw(_ text: String) {
        storage.append(contentsOf: text.utf8)
        needsComma = true
    }

    private mutating func escape(_ byte: UInt8) {
        storage.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): storage.append(byte)
        case 0x08: storage.append(UInt8(ascii: "b"))
        case 0x0C: storage.append(UInt8(ascii: "f"))
        case 0x0A: storage.append(UInt8(ascii: "n"))
        case 0x0D: storage.append(UInt8(ascii: "r"))
        case 0x09: storage.append(UInt8(ascii: "t"))
        default:
            let hex: StaticString = "0123456789abcdef"
            storage.append(contentsOf: "u00".utf8)
            storage.append(hex.utf8Start[Int(byte >> 4)])
            storage.append(hex.utf8Start[Int(byte & 0x0F)])
        }
    }
}

/// A value that writes its own JSON wire form (see ``AWSJSONWriter``).
public protocol AWSJSONWritable {
    /// Writes the value at the writer's position.
    func writeJSON(to writer: inout AWSJSONWriter)
}

extension String: AWSJSONWritable {
    /// A JSON string.
    public func writeJSON(to writer: inout AWSJSONWriter) { writer.string(self) }
}

extension Int: AWSJSONWritable {
    /// A JSON number.
    public func writeJSON(to writer: inout AWSJSONWriter) { writer.integer(self) }
}

extension Double: AWSJSONWritable {
    /// A JSON number.
    public func writeJSON(to writer: inout AWSJSONWriter) { writer.number(self) }
}

extension Bool: AWSJSONWritable {
    /// `true` or `false`.
    public func writeJSON(to writer: inout AWSJSONWriter) { writer.boolean(self) }
}

extension Date: AWSJSONWritable {
    /// Epoch seconds with at most millisecond precision, as ``AWSJSONCoding/encoder`` writes timestamps.
    public func writeJSON(to writer: inout AWSJSONWriter) {
        writer.number((timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}

extension Data: AWSJSONWritable {
    /// Base64, as blobs travel.
    public func writeJSON(to writer: inout AWSJSONWriter) { writer.string(base64EncodedString()) }
}

extension Array: AWSJSONWritable where Element: AWSJSONWritable {
    /// A JSON array.
    public func writeJSON(to writer: inout AWSJSONWriter) { writer.array(self) }
}

extension Dictionary: AWSJSONWritable where Key == String, Value: AWSJSONWritable {
    /// A JSON object.
    public func writeJSON(to writer: inout AWSJSONWriter) { writer.object(self) }
}

extension AWSJSONValue: AWSJSONWritable {
    /// The value as JSON; whole numbers below 10^15 without a fraction, as its `encode(to:)` writes them.
    public func writeJSON(to writer: inout AWSJSONWriter) {
        switch self {
        case .null: writer.null()
        case .bool(let value): writer.boolean(value)
        case .number(let value):
            if value.rounded() == value, abs(value) < 1e15 {
                writer.integer(Int(value))
            } else {
                writer.number(value)
            }
        case .string(let value): writer.string(value)
        case .array(let value): writer.array(value)
        case .object(let value): writer.object(value)
        }
    }
}
