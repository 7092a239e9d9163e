/// Minimal `application/x-www-form-urlencoded` decoding, as Slack posts slash commands and interactions.
enum FormBody {
    /// The fields of a body, in order: `+` is a space, `%XX` a byte, the bytes read as UTF-8 (invalid sequences
    /// become U+FFFD); a pair without `=` is a name with an empty value; malformed escapes are kept as they are.
    static func decode(_ body: String) -> [(name: String, value: String)] {
        body.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            guard let equals = pair.firstIndex(of: "=") else { return (unescape(pair), "") }
            return (unescape(pair[..<equals]), unescape(pair[pair.index(after: equals)...]))
        }
    }

    /// The fields as a dictionary, the first of repeated names kept.
    static func fields(_ body: String) -> [String: String] {
        var fields: [String: String] = [:]
        for (name, value) in decode(body) where fields[name] == nil {
            fields[name] = value
        }
        return fields
    }

    /// Decodes one name or value.
    static func unescape(_ text: some StringProtocol) -> String {
        let input = Array(text.utf8)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            if byte == UInt8(ascii: "+") {
                bytes.append(UInt8(ascii: " "))
            } else if byte == UInt8(ascii: "%"), index + 2 < input.count, let high = hexValue(input[index + 1]),
                let low = hexValue(input[index + 2])
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

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
