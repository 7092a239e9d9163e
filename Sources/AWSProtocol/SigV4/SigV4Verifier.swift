import Crypto
import Foundation
import HikeshiCore

/// Verifies AWS Signature Version 4 on requests as the aws CLI and boto3 sign them: the
/// `Authorization` header form, and presigned URLs (signature in the query string).
///
/// The canonical request is rebuilt from the request as received exactly as botocore's
/// `SigV4Auth` builds it from the request it sends; see `SigV4Canonical` for the details that
/// matter (the path is encoded a second time, the query is re-encoded per RFC 3986).
///
/// Every failure is an ``AWSError`` with status 403 and the code AWS uses:
/// `MissingAuthenticationTokenException`, `IncompleteSignatureException`,
/// `UnrecognizedClientException` or `InvalidSignatureException`. Errors from the key store pass
/// through unchanged.
public struct SigV4Verifier: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The payload hash used when the payload is deliberately not signed.
    public static let unsignedPayload = "UNSIGNED-PAYLOAD"

    private let keys: any SigV4KeyStore
    private let maxSkew: TimeInterval
    private let now: @Sendable () -> Date
    private let cache: SigV4SigningKeyCache

    /// Creates a verifier.
    ///
    /// - Parameters:
    ///   - keys: Where secrets are looked up.
    ///   - maxSkew: How far `X-Amz-Date` may be from `now()`, either way (AWS: 15 minutes).
    ///   - now: The clock.
    public init(keys: any SigV4KeyStore, maxSkew: TimeInterval = 15 * 60, now: @escaping @Sendable () -> Date = { Date() }) {
        self.keys = keys
        self.maxSkew = maxSkew
        self.now = now
        self.cache = SigV4SigningKeyCache()
    }

    /// Checks the request's signature and returns who signed it.
    ///
    /// - Parameters:
    ///   - request: The request as received.
    ///   - expected: The signing name the credential scope must carry (e.g. `ssm-contacts`); `nil` accepts any.
    /// - Returns: The access key and the scope it signed for.
    /// - Throws: ``AWSError`` (status 403) when the request is not properly signed; whatever the key store throws.
    public func verify(_ request: SigV4Request, service expected: String? = nil) async throws -> SigV4Identity {
        let auth = try SigV4Authorization.parse(request)
        let timestampDate = String(auth.timestamp.prefix(8))
        guard auth.scopeDate == timestampDate else {
            throw SigV4Failure.invalid(
                "Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: "
                    + "'\(auth.scopeDate)' != '\(timestampDate)', from '\(auth.timestamp)'."
            )
        }
        if let expected, auth.service != expected {
            throw SigV4Failure.invalid("Credential should be scoped to correct service: '\(expected)'")
        }
        try checkTime(auth)
        let payloadHashes = try payloadHashes(request, auth: auth)
        guard let credential = try await keys.credential(for: auth.accessKeyID) else {
            throw SigV4Failure.unrecognizedClient
        }
        let authenticator = cache.authenticator(
            secret: credential.secret, date: auth.scopeDate, region: auth.region, service: auth.service)
        let provided = Array(auth.signature.lowercased().utf8)
        let canonicalPrefix = canonicalRequestPrefix(request, auth: auth)
        let scope = "\(auth.scopeDate)/\(auth.region)/\(auth.service)/aws4_request"
        var matched = false
        for payloadHash in payloadHashes {
            let stringToSign = Self.stringToSign(timestamp: auth.timestamp, scope: scope, canonicalRequest: canonicalPrefix + payloadHash.utf8)
            let expected = Self.signature(for: stringToSign, authenticator: authenticator)
            // Keep going after a match so that the time taken does not depend on which candidate matched.
            matched = ConstantTime.equal(expected, provided) || matched
        }
        guard matched else { throw SigV4Failure.signatureMismatch }
        return SigV4Identity(
            accessKeyID: auth.accessKeyID, region: auth.region, service: auth.service, date: auth.date, owner: credential.owner)
    }

    /// The verifier's settings; never any key material.
    public var description: String {
        "SigV4Verifier(maxSkew: \(maxSkew), cache: \(cache))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror showing the settings only, never the key store or cached keys.
    public var customMirror: Mirror {
        Mirror(self, children: ["maxSkew": maxSkew, "cache": cache.description], displayStyle: .struct)
    }

    /// Rejects a request signed too long ago or too far in the future.
    private func checkTime(_ auth: SigV4Authorization) throws(AWSError) {
        let current = now()
        if auth.date > current.addingTimeInterval(maxSkew) {
            throw SigV4Failure.invalid(
                "Signature not yet current: \(auth.timestamp) is still later than "
                    + "\(SigV4Timestamp.formatBasic(current.addingTimeInterval(maxSkew))) "
                    + "(\(SigV4Timestamp.formatBasic(current)) + \(Self.span(maxSkew)).)"
            )
        }
        let window = auth.expires.map(TimeInterval.init) ?? maxSkew
        if auth.date < current.addingTimeInterval(-window) {
            throw SigV4Failure.invalid(
                "Signature expired: \(auth.timestamp) is now earlier than "
                    + "\(SigV4Timestamp.formatBasic(current.addingTimeInterval(-window))) "
                    + "(\(SigV4Timestamp.formatBasic(current)) - \(Self.span(window)).)"
            )
        }
    }

    /// The payload hashes a legitimate client may have signed, tried in order.
    private func payloadHashes(_ request: SigV4Request, auth: SigV4Authorization) throws(AWSError) -> [String] {
        let bodyHash: String
        switch request.payload {
        case .body(let data): bodyHash = SigV4Canonical.sha256Hex(data)
        case .sha256Hex(let hex): bodyHash = hex.lowercased()
        }
        var declared = request.header("X-Amz-Content-SHA256").map { String($0.trimmingASCIIWhitespace) }
        if declared == nil, auth.isPresigned, let query = request.query {
            declared = SigV4Canonical.queryParameters(query).first { $0.name == Array("X-Amz-Content-Sha256".utf8) }
                .map { String(decoding: $0.value, as: UTF8.self) }
        }
        guard let declared else {
            // botocore's generic SigV4QueryAuth signs the body's hash (of an empty body, for a GET);
            // S3-style presigners sign UNSIGNED-PAYLOAD.
            return auth.isPresigned ? [bodyHash, Self.unsignedPayload] : [bodyHash]
        }
        if declared == Self.unsignedPayload {
            return [declared]
        }
        let isHex =
            declared.utf8.count == 64
            && declared.utf8.allSatisfy { byte in
                (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                    || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
            }
        guard isHex else {
            throw SigV4Failure.incomplete(
                "x-amz-content-sha256 must be \(Self.unsignedPayload) or the hex SHA-256 of the payload; got '\(declared)'."
            )
        }
        guard declared.lowercased() == bodyHash else {
            throw SigV4Failure.invalid("The provided 'x-amz-content-sha256' header does not match what was computed.")
        }
        // botocore puts the header's value into the canonical request as it is.
        return [declared]
    }

    /// The canonical request up to (not including) the payload hash, as UTF-8.
    private func canonicalRequestPrefix(_ request: SigV4Request, auth: SigV4Authorization) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(512)
        // Methods are ASCII tokens.
        for byte in request.method.utf8 {
            bytes.append(byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "z") ? byte - 0x20 : byte)
        }
        bytes.append(0x0A)
        bytes += SigV4Canonical.uri(path: request.path).utf8
        bytes.append(0x0A)
        bytes += SigV4Canonical.query(request.query, excluding: auth.isPresigned ? "X-Amz-Signature" : nil).utf8
        bytes.append(0x0A)
        for name in auth.signedHeaders {
            bytes += name.utf8
            bytes.append(UInt8(ascii: ":"))
            if name == "host", let authority = request.authority {
                SigV4Canonical.appendHeaderValue([authority], to: &bytes)
            } else {
                SigV4Canonical.appendHeaderValue(request.headerValues(name), to: &bytes)
            }
            bytes.append(0x0A)
        }
        bytes.append(0x0A)
        for (index, name) in auth.signedHeaders.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ";")) }
            bytes += name.utf8
        }
        bytes.append(0x0A)
        return bytes
    }

    /// The string to sign: algorithm, timestamp, scope and the canonical request's hash, one a line.
    static func stringToSign(timestamp: String, scope: String, canonicalRequest: [UInt8]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(160)
        bytes += SigV4Authorization.algorithm.utf8
        bytes.append(0x0A)
        bytes += timestamp.utf8
        bytes.append(0x0A)
        bytes += scope.utf8
        bytes.append(0x0A)
        bytes += SigV4Canonical.hexBytes(SHA256.hash(data: canonicalRequest))
        return bytes
    }

    /// The signature, lowercase hex (UTF-8): HMAC-SHA256 of the string to sign, with `authenticator` (an HMAC keyed
    /// with the signing key; a copy is used).
    static func signature(for stringToSign: [UInt8], authenticator: HMAC<SHA256>) -> [UInt8] {
        var mac = authenticator
        mac.update(data: stringToSign)
        return SigV4Canonical.hexBytes(mac.finalize())
    }

    /// `15 min` for whole minutes, `90 sec` otherwise, as AWS prints the window.
    private static func span(_ seconds: TimeInterval) -> String {
        let whole = Int(seconds.rounded())
        return whole % 60 == 0 ? "\(whole / 60) min" : "\(whole) sec"
    }
}
