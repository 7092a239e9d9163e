import Crypto
import Foundation
import HikeshiCore

/// Computes and checks the `X-Twilio-Signature` of Twilio's webhooks exactly as Twilio's own libraries do
/// (`twilio.request_validator.RequestValidator`).
///
/// For a form post the signed text is the full URL Twilio requested (scheme, host, port if any, path, query string)
/// followed by every posted field name and value: names sorted by code point, each name once, and for each name its
/// distinct values sorted, each appended as name + value. The signature is the base64 HMAC of that text keyed with
/// the auth token: HMAC-SHA1 by default, HMAC-SHA256 when the `X-Twilio-Webhooks-Signature-Settings` header says
/// `algorithm=HMAC_SHA256`.
///
/// Validation compares in constant time and, like Twilio's libraries, accepts the signature of the URL with or
/// without its port (`:443` for https, `:80` for http, added when missing, removed when present), because Twilio
/// signs whichever form it was configured with.
public struct TwilioSignature: Sendable, CustomStringConvertible, CustomReflectable {
    /// The header carrying the signature.
    public static let headerName = "X-Twilio-Signature"
    /// The header naming the signing algorithm (absent for HMAC-SHA1).
    public static let settingsHeaderName = "X-Twilio-Webhooks-Signature-Settings"

    /// The HMAC algorithm a signature uses.
    public enum Algorithm: String, Sendable, Hashable, CaseIterable {
        /// HMAC-SHA1, Twilio's default.
        case hmacSHA1 = "HMAC_SHA1"
        /// HMAC-SHA256.
        case hmacSHA256 = "HMAC_SHA256"

        /// The algorithm named by an `X-Twilio-Webhooks-Signature-Settings` value such as
        /// `key=webhooks_sharedkey_1,algorithm=HMAC_SHA256`: HMAC-SHA1 when the header is missing or names none,
        /// nil when it names an algorithm this code does not know (the request must then be refused).
        ///
        /// - Parameter settingsHeader: The header value, or nil when absent.
        public init?(settingsHeader: String?) {
            for part in (settingsHeader ?? "").split(separator: ",") {
                guard let equals = part.firstIndex(of: "=") else {
                    continue
                }
                let name = String(part[..<equals]).trimmingWhitespace()
                let value = String(part[part.index(after: equals)...]).trimmingWhitespace()
                if name == "algorithm" && !value.isEmpty {
                    self.init(rawValue: value.uppercased())
                    return
                }
            }
            self = .hmacSHA1
        }
    }

    private let key: SymmetricKey

    /// Makes a signer for an auth token (or a webhook shared-key secret).
    ///
    /// - Parameter authToken: The secret webhooks are signed with.
    public init(authToken: String) {
        self.key = SymmetricKey(data: Data(authToken.utf8))
    }

    /// Says what this is without showing the key.
    public var description: String { "TwilioSignature(key: <redacted>)" }

    /// No children, so `dump` shows no key.
    public var customMirror: Mirror { Mirror(self, children: [:]) }

    /// Computes the signature of a form post.
    ///
    /// - Parameters:
    ///   - url: The full URL Twilio requested, query string included.
    ///   - parameters: The posted fields, repeats allowed, in any order.
    ///   - algorithm: The HMAC algorithm.
    /// - Returns: The base64 signature.
    public func compute(url: String, parameters: [(name: String, value: String)], algorithm: Algorithm = .hmacSHA1) -> String {
        var text = Array(url.utf8)
        var valuesByName: [[UInt8]: Set<[UInt8]>] = [:]
        for (name, value) in parameters {
            valuesByName[Array(name.utf8), default: []].insert(Array(value.utf8))
        }
        // UTF-8 byte order is code point order, which is how Twilio (Python's str sort) orders names and values.
        for name in valuesByName.keys.sorted(by: { $0.lexicographicallyPrecedes($1) }) {
            for value in (valuesByName[name] ?? []).sorted(by: { $0.lexicographicallyPrecedes($1) }) {
                text += name
                text += value
            }
        }
        switch algorithm {
        case .hmacSHA1:
            return Data(HMAC<Insecure.SHA1>.authenticationCode(for: text, using: self.key)).base64EncodedString()
        case .hmacSHA256:
            return Data(HMAC<SHA256>.authenticationCode(for: text, using: self.key)).base64EncodedString()
        }
    }

    /// Checks the signature of a form post, with and without the URL's port.
    ///
    /// - Parameters:
    ///   - signature: The `X-Twilio-Signature` value received.
    ///   - url: The full URL the request came to, as Twilio saw it (behind a proxy: the public URL).
    ///   - parameters: The posted fields, decoded.
    ///   - algorithm: The HMAC algorithm (see ``Algorithm/init(settingsHeader:)``).
    /// - Returns: Whether the signature matches.
    public func isValid(
        _ signature: String,
        url: String,
        parameters: [(name: String, value: String)],
        algorithm: Algorithm = .hmacSHA1
    ) -> Bool {
        var valid = false
        for candidate in Self.urlVariants(url) {
            valid = ConstantTime.equal(self.compute(url: candidate, parameters: parameters, algorithm: algorithm), signature) || valid
        }
        return valid
    }

    /// Checks the signature of a form post given its raw `application/x-www-form-urlencoded` body.
    ///
    /// - Parameters:
    ///   - signature: The `X-Twilio-Signature` value received.
    ///   - url: The full URL the request came to.
    ///   - formBody: The request body.
    ///   - algorithm: The HMAC algorithm.
    /// - Returns: Whether the signature matches.
    public func isValid(_ signature: String, url: String, formBody: String, algorithm: Algorithm = .hmacSHA1) -> Bool {
        self.isValid(signature, url: url, parameters: FormEncoding.decode(formBody), algorithm: algorithm)
    }

    /// Checks the signature of a JSON post: the URL's `bodySHA256` query parameter must be the hex SHA-256 of the
    /// body, and the signature that of the URL alone.
    ///
    /// - Parameters:
    ///   - signature: The `X-Twilio-Signature` value received.
    ///   - url: The full URL the request came to, `bodySHA256` included.
    ///   - jsonBody: The request body.
    ///   - algorithm: The HMAC algorithm.
    /// - Returns: Whether the body hash and the signature both match.
    public func isValid(_ signature: String, url: String, jsonBody: String, algorithm: Algorithm = .hmacSHA1) -> Bool {
        let query = url.firstIndex(of: "?").map { String(url[url.index(after: $0)...].prefix { $0 != "#" }) } ?? ""
        guard let expected = FormEncoding.decode(query).first(where: { $0.name == "bodySHA256" })?.value else {
            return false
        }
        let actual = SHA256.hash(data: Data(jsonBody.utf8)).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
        let hashMatches = ConstantTime.equal(actual, expected)
        return self.isValid(signature, url: url, parameters: [], algorithm: algorithm) && hashMatches
    }

    /// The URL as given, without its port and with its default port, as Twilio's validators try them.
    static func urlVariants(_ url: String) -> [String] {
        guard let schemeEnd = url.range(of: "://") else {
            return [url]
        }
        let scheme = url[..<schemeEnd.lowerBound].lowercased()
        let authorityStart = schemeEnd.upperBound
        let authorityEnd = url[authorityStart...].firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? url.endIndex
        let authority = url[authorityStart..<authorityEnd]
        let hostStart = authority.lastIndex(of: "@").map { authority.index(after: $0) } ?? authority.startIndex
        let hostPort = authority[hostStart...]
        let closingBracket = hostPort.lastIndex(of: "]")
        var portColon: Substring.Index?
        if let colon = hostPort.lastIndex(of: ":"), closingBracket.map({ colon > $0 }) ?? !hostPort.hasPrefix("[") {
            portColon = colon
        }
        let head = url[..<authorityStart]
        let tail = url[authorityEnd...]
        if let portColon {
            let port = hostPort[hostPort.index(after: portColon)...]
            guard !port.isEmpty, port.allSatisfy(\.isASCII), let number = Int(port), number != 0 else {
                return [url]
            }
            let withoutPort = head + authority[..<portColon] + tail
            return [url, String(withoutPort)]
        }
        let defaultPort = scheme == "https" ? 443 : 80
        return [url, "\(head)\(authority):\(defaultPort)\(tail)"]
    }
}
