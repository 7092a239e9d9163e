import Foundation

/// RFC 2047 encoded words (`=?ISO-2022-JP?B?GyRC…?=`) in header values, and the base64 and quoted-printable
/// transfer encodings they share with bodies.
enum MailEncodedWords {
    /// `value` with its encoded words decoded; adjacent words of one charset are joined before decoding (mailers split
    /// ISO-2022-JP and multi-byte text across words), and the white space between encoded words dropped.
    static func decode(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var output = ""
        var pendingBytes: [UInt8] = []
        var pendingCharset: String?
        var between = ""  // white space after an encoded word, kept only if plain text follows
        func flush() {
            if let charset = pendingCharset { output += MailCharset.decode(pendingBytes, charset: charset) }
            pendingBytes = []
            pendingCharset = nil
        }
        var rest = Substring(value)
        while !rest.isEmpty {
            if rest.hasPrefix("=?"), let word = encodedWord(in: rest) {
                if pendingCharset != nil && pendingCharset?.lowercased() != word.charset.lowercased() { flush() }
                pendingCharset = word.charset
                pendingBytes += word.bytes
                between = ""
                rest = rest[word.end...]
                continue
            }
            let character = rest.removeFirst()
            if pendingCharset != nil && (character == " " || character == "\t") {
                between.append(character)
                continue
            }
            flush()
            output += between
            between = ""
            output.append(character)
        }
        flush()
        return output + between
    }

    /// The encoded word at the start of `text`: its charset, its decoded bytes and where it ends.
    static func encodedWord(in text: Substring) -> (charset: String, bytes: [UInt8], end: Substring.Index)? {
        let body = text.dropFirst(2)
        guard let firstMark = body.firstIndex(of: "?") else { return nil }
        let charset = body[..<firstMark].split(separator: "*").first.map(String.init) ?? ""  // RFC 2231 language suffix
        let afterCharset = body[body.index(after: firstMark)...]
        guard let secondMark = afterCharset.firstIndex(of: "?"), afterCharset.distance(from: afterCharset.startIndex, to: secondMark) == 1
        else { return nil }
        let encoding = afterCharset[afterCharset.startIndex].uppercased()
        let payloadStart = afterCharset.index(after: secondMark)
        guard let close = afterCharset[payloadStart...].range(of: "?=") else { return nil }
        let payload = afterCharset[payloadStart..<close.lowerBound]
        guard !charset.isEmpty, !payload.contains(" ") else { return nil }
        let bytes: [UInt8]
        switch encoding {
        case "B": bytes = base64(Array(payload.utf8)[...])
        case "Q": bytes = quotedPrintable(Array(payload.utf8)[...], underscoreIsSpace: true)
        default: return nil
        }
        return (charset, bytes, close.upperBound)
    }

    /// Base64, ignoring line breaks and anything outside the alphabet; a truncated tail gives what it holds.
    static func base64(_ input: ArraySlice<UInt8>) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count * 3 / 4)
        var buffer: UInt32 = 0
        var bits = 0
        for byte in input {
            let value: UInt8
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): value = byte - UInt8(ascii: "A")
            case UInt8(ascii: "a")...UInt8(ascii: "z"): value = byte - UInt8(ascii: "a") + 26
            case UInt8(ascii: "0")...UInt8(ascii: "9"): value = byte - UInt8(ascii: "0") + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            default: continue
            }
            buffer = (buffer << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                output.append(UInt8((buffer >> UInt32(bits)) & 0xFF))
            }
        }
        return output
    }

    /// Quoted-printable: `=XX` escapes, `=` at a line end joins lines; in encoded words `_` is a space.
    static func quotedPrintable(_ input: ArraySlice<UInt8>, underscoreIsSpace: Bool) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = input.startIndex
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
            case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
            case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
            default: nil
            }
        }
        while index < input.endIndex {
            let byte = input[index]
            if byte == UInt8(ascii: "=") {
                let next = input.index(after: index)
                if next < input.endIndex, input[next] == UInt8(ascii: "\n") {
                    index = input.index(after: next)
                    continue
                }
                if next < input.endIndex, input[next] == UInt8(ascii: "\r") {
                    index = input.index(next, offsetBy: 2, limitedBy: input.endIndex) ?? input.endIndex
                    continue
                }
                if input.distance(from: next, to: input.endIndex) >= 2, let high = hex(input[next]), let low = hex(input[next + 1]) {
                    output.append(high << 4 | low)
                    index = next + 2
                    continue
                }
            }
            output.append(underscoreIsSpace && byte == UInt8(ascii: "_") ? UInt8(ascii: " ") : byte)
            index = input.index(after: index)
        }
        return output
    }
}
