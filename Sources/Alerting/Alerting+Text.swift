import Crypto
import HikeshiCore

extension Alerting {
    /// Cuts text to at most `limit` UTF-8 bytes, at a character boundary so that no character is split.
    ///
    /// - Parameters:
    ///   - text: The text to cut.
    ///   - limit: The most UTF-8 bytes to keep.
    /// - Returns: The text itself when it fits, else its longest prefix of whole characters that does.
    public static func truncate(_ text: String, toUTF8Bytes limit: Int) -> String {
        guard text.utf8.count > limit else { return text }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let next = text.index(after: index)
            let size = text.utf8.distance(from: index, to: next)
            if used + size > limit { break }
            used += size
            end = next
        }
        return String(text[..<end])
    }

    /// Cuts text to at most `limit` Unicode scalars (the way AWS counts a string's length), at a character boundary,
    /// ending it with `…` when it was cut.
    ///
    /// - Parameters:
    ///   - text: The text to cut.
    ///   - limit: The most Unicode scalars to keep, the ellipsis included.
    /// - Returns: The text itself when it fits, else a prefix of whole characters and `…`.
    public static func truncate(_ text: String, toScalars limit: Int) -> String {
        guard text.unicodeScalars.count > limit else { return text }
        guard limit > 0 else { return "" }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let next = text.index(after: index)
            let size = text.unicodeScalars.distance(from: index, to: next)
            if used + size > limit - 1 { break }
            used += size
            end = next
        }
        return String(text[..<end]) + "…"
    }

    /// A dedupe key that fits ssm-incidents: the key itself when short enough, else `prefix` and the SHA-256 hex of
    /// the whole key (so two long keys never collide by truncation).
    static func boundedDedupeKey(_ key: String, prefix: String) -> String {
        guard key.unicodeScalars.count > maximumDedupeKeyLength else { return key }
        return prefix + "sha256:" + sha256Hex(key)
    }

    /// The lower-case hex SHA-256 digest of text's UTF-8 bytes.
    static func sha256Hex(_ text: String) -> String {
        hex(Array(SHA256.hash(data: Array(text.utf8))))
    }

    /// Bytes as lower-case hex.
    static func hex(_ bytes: [UInt8]) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            out.append(digits[Int(byte >> 4)])
            out.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text with leading and trailing white space removed; `nil` when nothing is left.
    static func nonEmpty(_ text: String?) -> String? {
        guard let text else { return nil }
        let trimmed = text.trimmingWhitespace()
        return trimmed.isEmpty ? nil : trimmed
    }
}
