import Foundation

/// The fields of an `application/x-www-form-urlencoded` body or a query string. A field given twice keeps every value.
public struct FormData: Sendable {
    private var fields: [(String, String)]

    /// An empty form.
    public init() { fields = [] }

    /// A form of decoded name–value pairs (a multipart body's text fields).
    public init(pairs: [(String, String)]) { fields = Array(pairs.prefix(1000)) }

    /// Parses `a=1&b=x+y%21`.
    public init(urlEncoded text: String) {
        fields = text.split(separator: "&", omittingEmptySubsequences: true).prefix(1000).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            return (Self.decode(parts[0]), parts.count > 1 ? Self.decode(parts[1]) : "")
        }
    }

    private static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The first value of a field.
    public subscript(_ name: String) -> String? {
        fields.first { $0.0 == name }?.1
    }

    /// The first value of a field, trimmed; nil when missing or blank.
    public func text(_ name: String) -> String? {
        guard let value = self[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Every value of a field.
    public func all(_ name: String) -> [String] {
        fields.filter { $0.0 == name }.map(\.1)
    }
}
