import Foundation

/// The JSON coders for AWS JSON 1.1 and REST-JSON bodies.
///
/// Timestamps travel as epoch seconds (fractions allowed); inputs may also give ISO 8601 strings.
/// Blobs travel as base64.
public enum AWSJSONCoding {
    /// The decoder for request bodies.
    public static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            if let seconds = try? container.decode(Double.self) {
                return Date(timeIntervalSince1970: seconds)
            }
            let text = try container.decode(String.self)
            if let seconds = Double(text) {
                return Date(timeIntervalSince1970: seconds)
            }
            if let date = parseISO8601(text) {
                return date
            }
            throw AWSDecodingFailure(
                path: AWSFieldPath(codingPath: decoder.codingPath),
                value: text,
                constraint: "Member must be a timestamp (epoch seconds or ISO 8601)"
            )
        }
        return decoder
    }()

    /// The encoder for response bodies.
    public static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            let millis = (date.timeIntervalSince1970 * 1000).rounded() / 1000
            try container.encode(millis)
        }
        encoder.outputFormatting = [.withoutEscapingSlashes]
        return encoder
    }()

    /// Parses an ISO 8601 instant with or without fractional seconds.
    public static func parseISO8601(_ text: String) -> Date? {
        if let date = try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text) {
            return date
        }
        return try? Date.ISO8601FormatStyle().parse(text)
    }
}
