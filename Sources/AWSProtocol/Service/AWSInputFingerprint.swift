import Crypto
import Foundation

/// A stable text of a request's parameters, to tell a retried call (same client token, same
/// parameters) from a different one.
public enum AWSInputFingerprint {
    /// The input's wire JSON with sorted keys, without the named top-level member (the client token).
    public static func of(_ input: some Encodable, ignoring member: String) throws -> String {
        let data = try AWSJSONCoding.encoder.encode(input)
        guard var object = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            return String(decoding: data, as: UTF8.self)
        }
        object.removeValue(forKey: member)
        let canonical = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes])
        return String(decoding: canonical, as: UTF8.self)
    }

    /// A SHA-256 digest (hex) of a value's JSON with sorted keys and millisecond dates: equal for equal values, so a
    /// migration can tell whether a source object changed since it was last written.
    public static func digest(_ value: some Encodable, salt: String = "") throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .millisecondsSince1970
        return SHA256.hash(data: try encoder.encode(value) + Data(salt.utf8)).map { String(format: "%02x", $0) }.joined()
    }
}
