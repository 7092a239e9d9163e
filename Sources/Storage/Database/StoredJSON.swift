import Foundation
import HikeshiCore

/// The JSON kept in `TEXT` columns (plans, rotation definitions, job payloads): sorted keys and
/// unescaped slashes, so the same value is always stored as the same text.
public enum StoredJSON {
    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()
    // One decoder for every read (JSONDecoder is Sendable; a decode does not change it): making one per value cost a
    // measurable share of list requests that decode a document per row.
    private static let decoder = JSONDecoder()

    /// The stored text of a value.
    public static func encode(_ value: some Encodable) throws -> String {
        String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    /// A stored list of strings (override members, say). The text the encoder writes for strings without a quote, a
    /// backslash or a control character — ARNs, ids — is `["a","b"]`, and is read here without a decoder, which cost a
    /// seventh of a year's ListRotationShifts for 100 overrides; anything else goes to the decoder, so the result is
    /// the same either way.
    public static func strings(from text: String, what: String) throws -> [String] {
        if let items = plainStrings(Array(text.utf8)) {
            return items
        }
        return try decode([String].self, from: text, what: what)
    }

    /// `["a","b"]` (or `[]`) read byte by byte, or nil for any other text (the decoder's to read or refuse).
    private static func plainStrings(_ bytes: [UInt8]) -> [String]? {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ",")
        guard bytes.allSatisfy({ $0 >= 0x20 && $0 != UInt8(ascii: "\\") }), bytes.first == UInt8(ascii: "["),
            bytes.last == UInt8(ascii: "]")
        else { return nil }
        if bytes.count == 2 { return [] }
        guard bytes.count >= 4, bytes[1] == quote, bytes[bytes.count - 2] == quote else { return nil }
        let end = bytes.count - 2
        var items: [String] = []
        var start = 2
        var index = 2
        while index < end {
            guard bytes[index] == quote else {
                index += 1
                continue
            }
            // Inside the brackets a quote only ever closes an item followed by `,"`.
            guard index + 2 < end, bytes[index + 1] == comma, bytes[index + 2] == quote else { return nil }
            items.append(String(decoding: bytes[start..<index], as: UTF8.self))
            index += 3
            start = index
        }
        items.append(String(decoding: bytes[start..<end], as: UTF8.self))
        return items
    }

    /// A stored value; text that does not decode is ``StorageError/Kind/corrupt``, described by `what`.
    ///
    /// ``JSONNodeDecoder`` reads it when it can (the common case, several times faster); whatever it declines,
    /// `JSONDecoder` reads, and its value or error stands.
    public static func decode<Value: Decodable>(_ type: Value.Type, from text: String, what: String) throws -> Value {
        if let value = try? JSONNodeDecoder.decode(type, from: text) {
            return value
        }
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StorageError(.corrupt, "\(what) is unreadable")
        }
    }
}
