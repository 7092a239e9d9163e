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
            let text: String
            let date: Date?
            if let seconds = try? container.decode(Double.self) {
                text = String(seconds)
                date = AWSTimestamp.date(epochSeconds: seconds)
            } else {
                text = try container.decode(String.self)
                if let seconds = Double(text) {
                    date = AWSTimestamp.date(epochSeconds: seconds)
                } else if let parsed = parseISO8601(text) {
                    date = AWSTimestamp.isRepresentable(parsed) ? parsed : nil
                } else {
                    throw AWSDecodingFailure(
                        path: AWSFieldPath(codingPath: decoder.codingPath),
                        value: text,
                        constraint: "Member must be a timestamp (epoch seconds or ISO 8601)"
                    )
                }
            }
            guard let date else {
                throw AWSDecodingFailure(path: AWSFieldPath(codingPath: decoder.codingPath), value: text, constraint: AWSTimestamp.constraint)
            }
            return date
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
