import Crypto
import Foundation

/// Signs outgoing requests with AWS Signature Version 4, in the `Authorization` header form, as botocore's `SigV4Auth`
/// signs them.
///
/// The canonical request is built from the same pieces ``SigV4Verifier`` rebuilds on the receiving side (the path
/// encoded once more, the query re-encoded and sorted, header values collapsed and repeated fields joined with `,`,
/// the same string to sign and key derivation), so what this signer signs the verifier accepts.
///
/// Every header field given is signed, except those that HTTP layers and intermediaries add or rewrite:
/// `Authorization`, `User-Agent`, `Expect`, `X-Amzn-Trace-Id`, `Content-Length` and the hop-by-hop fields. `host` is
/// always signed, with the value given (or taken from the URL), which the request must carry as its `Host`.
///
/// The secret access key and the session token never appear in descriptions or mirrors.
public struct SigV4Signer: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The access key id, as it appears in the credential scope.
    public let accessKeyID: String
    /// The region signed for, e.g. `us-east-1`.
    public let region: String
    /// The signing name of the service, e.g. `support` or `hikeshi`.
    public let service: String
    private let secretAccessKey: String
    private let sessionToken: String?
    private let keys: SigV4SigningKeyCache

    /// Header names (lowercase) that are sent but never signed: HTTP layers and proxies add, drop or rewrite them.
    static let unsignedHeaders: Set<String> = [
        "authorization", "user-agent", "expect", "x-amzn-trace-id", "content-length", "connection", "keep-alive",
        "proxy-authorization", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
    ]

    /// Creates a signer for one key and one scope.
    ///
    /// - Parameters:
    ///   - accessKeyID: The access key id.
    ///   - secretAccessKey: The secret access key.
    ///   - sessionToken: The session token of temporary credentials; sent and signed as `X-Amz-Security-Token`.
    ///   - region: The region of the credential scope.
    ///   - service: The signing name of the credential scope.
    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil, region: String, service: String) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
        self.region = region
        self.service = service
        self.keys = SigV4SigningKeyCache(capacity: 4)
    }

    /// Signs a request and returns the header fields to add to it.
    ///
    /// - Parameters:
    ///   - method: The HTTP method, e.g. `POST`.
    ///   - path: The path exactly as it will travel, already percent-encoded, without the query (`/` when empty).
    ///   - query: The raw query string as it will travel, without the `?`, or `nil`.
    ///   - host: The `Host` value the request carries (`host` or `host:port`); it is signed as the `host` header.
    ///     A `Host` field in `headers` is ignored.
    ///   - headers: The fields the request carries besides `Host`; must not already hold those returned.
    ///   - body: The exact body bytes sent (empty for none).
    ///   - date: The signing instant.
    ///   - includeContentSHA256: Whether to add (and sign) `X-Amz-Content-Sha256` with the body's hash.
    /// - Returns: In order: `X-Amz-Date`, `X-Amz-Security-Token` (with a session token), `X-Amz-Content-Sha256`
    ///   (when asked for) and `Authorization`.
    public func sign(
        method: String,
        path: String,
        query: String? = nil,
        host: String,
        headers: [(name: String, value: String)] = [],
        body: some DataProtocol,
        date: Date,
        includeContentSHA256: Bool = false
    ) -> [(name: String, value: String)] {
        let timestamp = SigV4Timestamp.formatBasic(date)
        let day = String(timestamp.prefix(8))
        let payloadHash = SigV4Canonical.sha256Hex(body)
        var added: [(name: String, value: String)] = [("X-Amz-Date", timestamp)]
        if let sessionToken {
            added.append(("X-Amz-Security-Token", sessionToken))
        }
        if includeContentSHA256 {
            added.append(("X-Amz-Content-Sha256", payloadHash))
        }
        let canonical = canonicalRequest(
            method: method, path: path, query: query, host: host, headers: headers + added, payloadHash: payloadHash)
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let stringToSign = SigV4Verifier.stringToSign(timestamp: timestamp, scope: scope, canonicalRequest: canonical.bytes)
        let authenticator = keys.authenticator(secret: secretAccessKey, date: day, region: region, service: service)
        let signature = String(decoding: SigV4Verifier.signature(for: stringToSign, authenticator: authenticator), as: UTF8.self)
        added.append(
            (
                "Authorization",
                "\(SigV4Authorization.algorithm) Credential=\(accessKeyID)/\(scope), SignedHeaders=\(canonical.signedHeaders), "
                    + "Signature=\(signature)"
            ))
        return added
    }

    /// Signs a request to `url` and returns the header fields to add to it, `Host` first.
    ///
    /// The path, query and `Host` are taken from `url` as AsyncHTTPClient sends them: the percent-encoded path (`/`
    /// when empty), the query as written, and the host with the port when it is not the scheme's default.
    ///
    /// - Parameters:
    ///   - method: The HTTP method, e.g. `POST`.
    ///   - url: The request's URL.
    ///   - headers: The fields the request carries besides `Host`; must not already hold those returned.
    ///   - body: The exact body bytes sent (empty for none).
    ///   - date: The signing instant.
    ///   - includeContentSHA256: Whether to add (and sign) `X-Amz-Content-Sha256` with the body's hash.
    /// - Returns: `Host`, then the fields of ``sign(method:path:query:host:headers:body:date:includeContentSHA256:)``.
    public func sign(
        method: String,
        url: URL,
        headers: [(name: String, value: String)] = [],
        body: some DataProtocol,
        date: Date,
        includeContentSHA256: Bool = false
    ) -> [(name: String, value: String)] {
        let host = Self.hostHeader(of: url)
        let path = url.path.isEmpty ? "/" : URLComponents(url: url, resolvingAgainstBaseURL: true)?.percentEncodedPath ?? url.path
        let signed = sign(
            method: method, path: path, query: url.query, host: host, headers: headers, body: body, date: date,
            includeContentSHA256: includeContentSHA256)
        return [("Host", host)] + signed
    }

    /// The `Host` value for `url`: the host (IPv6 literals in brackets), with `:port` when the port is given and is not
    /// the scheme's default (80 for `http`, 443 for `https`).
    public static func hostHeader(of url: URL) -> String {
        var host = url.host ?? ""
        if host.contains(":"), !host.hasPrefix("[") {
            host = "[\(host)]"
        }
        let scheme = url.scheme?.lowercased()
        let defaultPort = scheme == "https" ? 443 : scheme == "http" ? 80 : nil
        if let port = url.port, port != defaultPort {
            host += ":\(port)"
        }
        return host
    }

    /// The canonical request (UTF-8) and its signed-headers list, for the given fields and payload hash.
    ///
    /// The fields are grouped by lowercase name (repeated names joined in order, as the verifier reads them), the
    /// unsigned ones left out, and `host` set to `host`.
    func canonicalRequest(
        method: String,
        path: String,
        query: String?,
        host: String,
        headers: [(name: String, value: String)],
        payloadHash: String
    ) -> (bytes: [UInt8], signedHeaders: String) {
        var grouped: [String: [String]] = ["host": [host]]
        for field in headers {
            let name = String(decoding: field.name.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }, as: UTF8.self)
            guard name != "host", !Self.unsignedHeaders.contains(name) else { continue }
            grouped[name, default: []].append(field.value)
        }
        let names = grouped.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        let signedHeaders = names.joined(separator: ";")
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        for byte in method.utf8 {
            bytes.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte)
        }
        bytes.append(0x0A)
        bytes += SigV4Canonical.uri(path: path.isEmpty ? "/" : path).utf8
        bytes.append(0x0A)
        bytes += SigV4Canonical.query(query).utf8
        bytes.append(0x0A)
        for name in names {
            bytes += name.utf8
            bytes.append(UInt8(ascii: ":"))
            SigV4Canonical.appendHeaderValue(grouped[name] ?? [], to: &bytes)
            bytes.append(0x0A)
        }
        bytes.append(0x0A)
        bytes += signedHeaders.utf8
        bytes.append(0x0A)
        bytes += payloadHash.utf8
        return (bytes, signedHeaders)
    }

    /// The key id and scope; never the secret or the session token.
    public var description: String {
        "SigV4Signer(accessKeyID: \(accessKeyID), region: \(region), service: \(service), sessionToken: "
            + (sessionToken == nil ? "none" : "present") + ")"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the key id and scope only.
    public var customMirror: Mirror {
        Mirror(
            self, children: ["accessKeyID": accessKeyID, "region": region, "service": service, "hasSessionToken": sessionToken != nil],
            displayStyle: .struct)
    }
}
