import Crypto
import Foundation
import HikeshiCore

/// Slack's request signing (version `v0`): the `X-Slack-Signature` header is `v0=` and the hex HMAC-SHA256, keyed
/// with the app's signing secret, of `v0:<X-Slack-Request-Timestamp>:<raw body>`.
public enum SlackSignature {
    /// How far a request's timestamp may be from now, in seconds, as Slack recommends: 5 minutes.
    public static let defaultTolerance: TimeInterval = 300

    /// The signature Slack sends for a request: `v0=<hex HMAC-SHA256>`.
    ///
    /// - Parameters:
    ///   - signingSecret: The app's signing secret.
    ///   - timestamp: The `X-Slack-Request-Timestamp` header, as sent.
    ///   - body: The raw request body.
    /// - Returns: The expected `X-Slack-Signature` header.
    public static func compute(signingSecret: String, timestamp: String, body: some Collection<UInt8>) -> String {
        var base = Array("v0:\(timestamp):".utf8)
        base.append(contentsOf: body)
        let key = SymmetricKey(data: Array(signingSecret.utf8))
        let code = HMAC<SHA256>.authenticationCode(for: base, using: key)
        return "v0=" + Alerting.hex(Array(code))
    }

    /// Whether a request is signed by Slack: the timestamp is whole seconds within `tolerance` of `now` (so a
    /// captured request cannot be replayed later) and the signature matches, compared in constant time.
    ///
    /// - Parameters:
    ///   - signingSecret: The app's signing secret.
    ///   - timestamp: The `X-Slack-Request-Timestamp` header.
    ///   - body: The raw request body.
    ///   - signature: The `X-Slack-Signature` header.
    ///   - now: The current time.
    ///   - tolerance: The largest accepted distance between `timestamp` and `now`, in seconds.
    /// - Returns: Whether the request is authentic and fresh.
    public static func verify(
        signingSecret: String,
        timestamp: String,
        body: some Collection<UInt8>,
        signature: String,
        now: Date,
        tolerance: TimeInterval = defaultTolerance
    ) -> Bool {
        guard !signingSecret.isEmpty, !timestamp.isEmpty, timestamp.utf8.count <= 12,
            timestamp.allSatisfy({ ("0"..."9").contains($0) }), let seconds = Double(timestamp)
        else { return false }
        guard abs(now.timeIntervalSince1970 - seconds) <= tolerance else { return false }
        let expected = compute(signingSecret: signingSecret, timestamp: timestamp, body: body)
        return ConstantTime.equal(expected, signature.trimmingWhitespace().lowercased())
    }
}
