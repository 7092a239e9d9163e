import Foundation
import HikeshiCore

/// The pieces of RFC 5322 / MIME rendering: RFC 2047 encoded words, base64 bodies, RFC 5322 dates.
enum MIMEEncoding {
    /// The longest a header line holding encoded words may be (RFC 2047 section 2).
    static let maximumEncodedLineLength = 76
    /// `=?UTF-8?B?` and `?=`.
    private static let encodedWordOverhead = 12

    /// An unstructured header value (Subject, custom headers). Printable ASCII stays as it is, folded at spaces
    /// into lines of at most 78 characters where it can be (unfolding restores it exactly); anything else (non-ASCII,
    /// control characters, text that looks like an encoded word, a word too long for a 998-character line) becomes
    /// RFC 2047 `=?UTF-8?B?...?=` words folded onto continuation lines. Line breaks become spaces.
    ///
    /// - Parameters:
    ///   - value: The text.
    ///   - headerName: The field name, whose length counts on the first line.
    static func unstructured(_ value: String, headerName: String) -> String {
        let text = Self.singleLine(value)
        let firstLinePrefix = headerName.utf8.count + 2
        if Self.isPrintableASCII(text), !text.contains("=?"), let folded = Self.folded(text, firstLinePrefix: firstLinePrefix) {
            return folded
        }
        return Self.encodedWords(text, firstLinePrefix: firstLinePrefix).joined(separator: "\r\n ")
    }

    /// Folds ASCII text by putting CRLF before some of its spaces, so lines stay within 78 characters where a space
    /// allows it; nil when a line would still exceed 998 characters.
    static func folded(_ text: String, firstLinePrefix: Int) -> String? {
        let words = text.split(separator: " ", omittingEmptySubsequences: false)
        var lines: [String] = []
        var line = ""
        var lineLength = firstLinePrefix
        for (index, word) in words.enumerated() {
            let piece = index == 0 ? String(word) : " " + word
            let hasContent = line.contains { $0 != " " }
            if lineLength + piece.count > 78, hasContent, !word.isEmpty {
                lines.append(line)
                line = piece
                lineLength = piece.count
            } else {
                line += piece
                lineLength += piece.count
            }
        }
        lines.append(line)
        guard lines.enumerated().allSatisfy({ ($0.offset == 0 ? firstLinePrefix : 0) + $0.element.count <= 998 }) else {
            return nil
        }
        return lines.joined(separator: "\r\n")
    }

    /// A display name: as it is when it is made of letters, digits and spaces, a quoted string when it is other
    /// printable ASCII, RFC 2047 encoded words otherwise.
    static func phrase(_ value: String) -> String {
        let text = Self.singleLine(value)
        if text.unicodeScalars.allSatisfy({ Self.isAtext($0) || $0 == " " }), !text.contains("=?") {
            return text
        }
        if Self.isPrintableASCII(text), !text.contains("=?") {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            return "\"\(escaped)\""
        }
        return Self.encodedWords(text, firstLinePrefix: 10).joined(separator: " ")
    }

    /// Splits text into RFC 2047 base64 encoded words, each within the 76-character line limit once folded, never
    /// splitting a character's UTF-8 bytes between two words (grapheme clusters are kept whole when they fit).
    ///
    /// - Parameters:
    ///   - text: The text to encode.
    ///   - firstLinePrefix: How many characters precede the first word on its line.
    static func encodedWords(_ text: String, firstLinePrefix: Int) -> [String] {
        let firstLimit = max(((Self.maximumEncodedLineLength - firstLinePrefix - Self.encodedWordOverhead) / 4) * 3, 6)
        let laterLimit = ((Self.maximumEncodedLineLength - 1 - Self.encodedWordOverhead) / 4) * 3
        var chunks: [[UInt8]] = []
        var current: [UInt8] = []
        func limit() -> Int { chunks.isEmpty ? firstLimit : laterLimit }
        func append(_ bytes: some Collection<UInt8>) {
            if !current.isEmpty, current.count + bytes.count > limit() {
                chunks.append(current)
                current = []
            }
            current.append(contentsOf: bytes)
        }
        for character in text {
            let bytes = Array(character.utf8)
            if bytes.count <= laterLimit {
                append(bytes)
            } else {
                for scalar in character.unicodeScalars {
                    append(Array(String(scalar).utf8))
                }
            }
        }
        if !current.isEmpty || chunks.isEmpty {
            chunks.append(current)
        }
        return chunks.map { "=?UTF-8?B?\(Data($0).base64EncodedString())?=" }
    }

    /// A text body as base64 of its UTF-8 bytes, line breaks first made CRLF, in lines of 76 characters each ending
    /// with CRLF.
    static func base64Body(_ text: String) -> String {
        let encoded = Data(Self.crlfNormalized(text)).base64EncodedString()
        var lines: [Substring] = []
        var start = encoded.startIndex
        while start < encoded.endIndex {
            let end = encoded.index(start, offsetBy: 76, limitedBy: encoded.endIndex) ?? encoded.endIndex
            lines.append(encoded[start..<end])
            start = end
        }
        return lines.map { $0 + "\r\n" }.joined()
    }

    /// The UTF-8 bytes of text with every line break (CRLF, lone CR, lone LF) made CRLF.
    static func crlfNormalized(_ text: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count + 16)
        var previousWasCR = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\r"):
                bytes.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
                previousWasCR = true
            case UInt8(ascii: "\n"):
                if !previousWasCR {
                    bytes.append(contentsOf: [UInt8(ascii: "\r"), UInt8(ascii: "\n")])
                }
                previousWasCR = false
            default:
                bytes.append(byte)
                previousWasCR = false
            }
        }
        return bytes
    }

    /// A date in RFC 5322 form, in UTC: `Thu, 05 Jun 2025 09:04:03 +0000`.
    static func date(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = CivilCalendar.floorDiv(seconds, CivilCalendar.secondsPerDay)
        let secondOfDay = seconds - days * CivilCalendar.secondsPerDay
        let weekdays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let (year, month, day) = CivilCalendar.civil(fromDayNumber: days)
        func twoDigits(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(weekdays[CivilCalendar.weekdayIndex(ofDayNumber: days)]), \(twoDigits(day)) \(months[month - 1]) \(year) "
            + "\(twoDigits(secondOfDay / 3600)):\(twoDigits(secondOfDay / 60 % 60)):\(twoDigits(secondOfDay % 60)) +0000"
    }

    /// Whether every character is printable ASCII (space to tilde).
    static func isPrintableASCII(_ text: String) -> Bool {
        text.utf8.allSatisfy { $0 >= 0x20 && $0 < 0x7F }
    }

    private static func singleLine(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.map { $0 == "\r" || $0 == "\n" || $0 == "\t" ? " " : $0 }
            )
        )
    }

    private static func isAtext(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": true
        case "!", "#", "$", "%", "&", "'", "*", "+", "-", "/", "=", "?", "^", "_", "`", "{", "|", "}", "~": true
        default: false
        }
    }
}
