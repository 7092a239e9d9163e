extension ICalendarFeed {
    /// The most octets a content line may have before folding (RFC 5545 §3.1), CRLF excluded.
    public static let maximumLineOctets = 75

    /// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines.
    public static func escapeText(_ text: String) -> String {
        var result = ""
        result.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\": result += "\\\\"
            case ";": result += "\\;"
            case ",": result += "\\,"
            case "\r\n", "\n", "\r": result += "\\n"
            default: result.append(character)
            }
        }
        return result
    }

    /// Folds a content line (without its CRLF) so that no physical line exceeds 75 octets:
    /// continuation lines start with one space. Splits only between characters, and between Unicode
    /// scalars only for a single character too long to fit a line, so UTF-8 sequences stay whole.
    public static func fold(_ line: String) -> String {
        guard line.utf8.count > maximumLineOctets else { return line }
        var physical: [String] = []
        var current = ""
        var currentOctets = 0
        var limit = maximumLineOctets
        func append(_ piece: String, octets: Int) {
            if currentOctets + octets > limit {
                physical.append(current)
                current = ""
                currentOctets = 0
                limit = maximumLineOctets - 1
            }
            current += piece
            currentOctets += octets
        }
        for character in line {
            let octets = String(character).utf8.count
            if octets <= maximumLineOctets - 1 {
                append(String(character), octets: octets)
            } else {
                for scalar in character.unicodeScalars {
                    append(String(scalar), octets: String(scalar).utf8.count)
                }
            }
        }
        physical.append(current)
        return physical.joined(separator: "\r\n ")
    }
}
