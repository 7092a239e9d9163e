import Foundation

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

    /// A stored value; text that does not decode is ``StorageError/Kind/corrupt``, described by `what`.
    public static func decode<Value: Decodable>(_ type: Value.Type, from text: String, what: String) throws -> Value {
        do {
            return try decoder.decode(type, from: Data(text.utf8))
        } catch {
            throw StorageError(.corrupt, "\(what) is unreadable")
        }
    }
}
