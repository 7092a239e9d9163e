/// `application/x-www-form-urlencoded` encoding and decoding, as browsers, Twilio and the WHATWG URL standard do it:
/// UTF-8 bytes, `+` for a space, `%XX` (upper-case hex) for every byte except ASCII letters, digits and `*-._`.
public enum FormEncoding {
    /// Encodes fields in the order given, repeats kept: `a=1&b=x+y`.
    ///
    /// - Parameter fields: Names and values.
    /// - Returns: The encoded body.
    public static func encode(_ fields: [(name: String, value: String)]) -> String {
        fields.map { "\(Self.escape($0.name))=\(Self.escape($0.value))" }.joined(separator: "&")
    }

    /// Decodes a body into fields in order, repeats kept. A pair without `=` is a name with an empty value, empty
    /// pairs (`a=1&&b=2`) are skipped, malformed `%` escapes are kept as they are and invalid UTF-8 becomes U+FFFD.
    ///
    /// - Parameter body: The encoded body.
    /// - Returns: Names and values.
    public static func decode(_ body: String) -> [(name: String, value: String)] {
        body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            if let equals = pair.firstIndex(of: "=") {
                return (Self.unescape(pair[..<equals]), Self.unescape(pair[pair.index(after: equals)...]))
            }
            return (Self.unescape(pair), "")
        }
    }

    /// The fields as a dictionary, the first of repeated names kept (as Slack's bodies are read).
    public static func fields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in decode(body) where fields[name] == nil {
            fields[name] = value
        }
        return fields
    }

    /// Encodes one name or value.
    ///
    /// - Parameter text: The text to encode.
    /// - Returns: The text with `+` for spaces and `%XX` for every byte that is not an ASCII letter, digit or `*-._`.
    public static func escape(_ text: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            if Self.isUnreserved(byte) {
                bytes.append(byte)
            } else if byte == UInt8(ascii: " ") {
                bytes.append(UInt8(ascii: "+"))
            } else {
                bytes.append(UInt8(ascii: "%"))
                bytes.append(Self.hexDigit(byte >> 4))
                bytes.append(Self.hexDigit(byte & 0x0F))
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Decodes one name or value: `+` to a space, `%XX` to a byte, the bytes read as UTF-8.
    ///
    /// - Parameter text: The encoded text.
    /// - Returns: The decoded text.
    public static func unescape(_ text: some StringProtocol) -> String {
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < input.count,
                let high = Self.hexValue(input[index + 1]), let low = Self.hexValue(input[index + 2])
            {
                bytes.append(high << 4 | low)
                index += 2
            } else {
                bytes.append(byte)
            }
            index += 1
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            true
        case UInt8(ascii: "*"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "A") + nibble - 10
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
