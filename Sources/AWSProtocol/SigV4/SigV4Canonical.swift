import Crypto
import Foundation

/// The pieces of the canonical request, computed from a request as received, the way botocore's
/// `SigV4Auth` computes them from the request it sends.
enum SigV4Canonical {
    /// The canonical URI: botocore's `quote(normalize_url_path(path), safe='/~')` applied to the
    /// path *as it travels on the wire*.
    ///
    /// The wire path is already percent-encoded once (an ARN label arrives as `arn%3Aaws%3A...`,
    /// a `/` inside a label as `%2F`), and botocore encodes it once more, so the `%` signs become
    /// `%25`: the canonical URI of `/tags/arn%3Aaws` is `/tags/arn%253Aaws`. Decoding first would
    /// lose the difference between `%2F` and `/`, so the path is never decoded here.
    static func uri(path: String) -> String {
        percentEncode(normalize(path: path).utf8, keepingSlash: true)
    }

    /// botocore's `normalize_url_path`: RFC 3986 dot-segment removal, also dropping empty segments.
    static func normalize(path: String) -> String {
        guard !path.isEmpty else { return "/" }
        var output: [Substring] = []
        for segment in path.split(separator: "/", omittingEmptySubsequences: false) {
            if segment.isEmpty || segment == "." { continue }
            if segment == ".." {
                if !output.isEmpty { output.removeLast() }
            } else {
                output.append(segment)
            }
        }
        let first = path.hasPrefix("/") ? "/" : ""
        let last = path.hasSuffix("/") && !output.isEmpty ? "/" : ""
        return first + output.joined(separator: "/") + last
    }

    /// The canonical query string: split on `&`, each name and value percent-decoded once then
    /// encoded per RFC 3986 (everything but `A-Za-z0-9-_.~`), a parameter without `=` given an
    /// empty value, sorted by name then value; `excluding` (e.g. `X-Amz-Signature`) left out.
    static func query(_ raw: String?, excluding excluded: String? = nil) -> String {
        guard let raw, !raw.isEmpty else { return "" }
        var pairs: [(name: [UInt8], value: [UInt8])] = []
        for parameter in queryParameters(raw) {
            if let excluded, parameter.name == Array(excluded.utf8) { continue }
            pairs.append(
                (
                    Array(percentEncode(parameter.name, keepingSlash: false).utf8),
                    Array(percentEncode(parameter.value, keepingSlash: false).utf8)
                ))
        }
        pairs.sort { lhs, rhs in
            lhs.name == rhs.name
                ? lhs.value.lexicographicallyPrecedes(rhs.value) : lhs.name.lexicographicallyPrecedes(rhs.name)
        }
        var result: [UInt8] = []
        for (index, pair) in pairs.enumerated() {
            if index > 0 { result.append(UInt8(ascii: "&")) }
            result += pair.name
            result.append(UInt8(ascii: "="))
            result += pair.value
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// The query's parameters, names and values percent-decoded once (as bytes; `+` stays `+`).
    static func queryParameters(_ raw: String) -> [(name: [UInt8], value: [UInt8])] {
        raw.split(separator: "&", omittingEmptySubsequences: false).map { piece in
            if let equals = piece.firstIndex(of: "=") {
                return (percentDecode(piece[..<equals]), percentDecode(piece[piece.index(after: equals)...]))
            }
            return (percentDecode(piece), [])
        }
    }

    /// A canonical header value: the values of every field with the name, each trimmed and with
    /// runs of whitespace collapsed to one space (Python's `' '.join(value.split())`), joined by `,`.
    static func headerValue(_ values: [String]) -> String {
        var bytes: [UInt8] = []
        appendHeaderValue(values, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Appends ``headerValue(_:)`` of `values` to `bytes`.
    static func appendHeaderValue(_ values: [String], to bytes: inout [UInt8]) {
        for (index, value) in values.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            var value = value
            let isASCII = value.withUTF8 { appendASCIIHeaderValue($0, to: &bytes) }
            if !isASCII {
                bytes += value.split(whereSeparator: isPythonWhitespace).joined(separator: " ").utf8
            }
        }
    }

    /// Appends one value collapsed byte by byte (the usual case: no Unicode whitespace to look up); `false`, with
    /// nothing appended, when the value has a byte outside ASCII.
    private static func appendASCIIHeaderValue(_ value: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) -> Bool {
        guard value.allSatisfy({ $0 < 0x80 }) else { return false }
        var pendingSpace = false
        var wroteAny = false
        for byte in value {
            // Python's str.split(): \t \n \v \f \r, space, and the separators U+001C–U+001F.
            if byte == 0x20 || (0x09...0x0D).contains(byte) || (0x1C...0x1F).contains(byte) {
                pendingSpace = wroteAny
                continue
            }
            if pendingSpace {
                bytes.append(0x20)
                pendingSpace = false
            }
            bytes.append(byte)
            wroteAny = true
        }
        return true
    }

    /// The lowercase hex SHA-256 of `bytes`.
    static func sha256Hex<Bytes: DataProtocol>(_ bytes: Bytes) -> String {
        hex(SHA256.hash(data: bytes))
    }

    /// Lowercase hex of a byte sequence.
    static func hex<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> String {
        String(decoding: hexBytes(bytes), as: UTF8.self)
    }

    /// Lowercase hex of a byte sequence, as UTF-8.
    static func hexBytes<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in bytes {
            out.append(hexDigit(byte >> 4))
            out.append(hexDigit(byte & 0x0F))
        }
        return out
    }

    private static func hexDigit(_ nibble: UInt8) -> UInt8 {
        nibble < 10 ? UInt8(ascii: "0") + nibble : UInt8(ascii: "a") + nibble - 10
    }

    /// Percent-encodes every byte but the RFC 3986 unreserved set (and `/` when `keepingSlash`),
    /// with uppercase hex digits, as Python's `urllib.parse.quote` does.
    static func percentEncode<Bytes: Sequence<UInt8>>(_ bytes: Bytes, keepingSlash: Bool) -> String {
        let digits = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for byte in bytes {
            if isUnreserved(byte) || (keepingSlash && byte == UInt8(ascii: "/")) {
                out.append(byte)
            } else {
                out.append(UInt8(ascii: "%"))
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0x0F)])
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Decodes `%XX` escapes; a `%` not followed by two hex digits stays as it is.
    static func percentDecode(_ text: Substring) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count,
                let high = hexValue(bytes[index + 1]), let low = hexValue(bytes[index + 2])
            {
                out.append(high << 4 | low)
                index += 3
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }

    private static func isUnreserved(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
            UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."), UInt8(ascii: "~"):
            true
        default:
            false
        }
    }

    /// Whitespace as Python's `str.split()` sees it: Unicode whitespace plus the separators U+001C–U+001F.
    private static func isPythonWhitespace(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { scalar in
            scalar.properties.isWhitespace || (0x1C...0x1F).contains(scalar.value)
        }
    }
}
