import Crypto
import Foundation
import Testing

@testable import Alerting

@Suite("SlackSignature")
struct SlackSignatureTests {
    /// The example from Slack's "Verifying requests from Slack" documentation.
    static let docsSecret = "8f742231b10e8888abcd99yyyzzz85a5"
    static let docsTimestamp = "1531420618"
    static let docsBody =
        "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id=G8PSS9T3V&channel_name=foobar"
        + "&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-collect&text=&response_url=https%3A%2F%2Fhooks.slack.com"
        + "%2Fcommands%2FT1DC2JH3J%2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121.803a0bc887a14d10d2c447fce8b6703c"
    static let docsSignature = "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503"
    static let docsNow = Date(timeIntervalSince1970: 1_531_420_618)

    @Test("Slack's documented example verifies")
    func docsExample() {
        #expect(
            SlackSignature.compute(signingSecret: Self.docsSecret, timestamp: Self.docsTimestamp, body: Array(Self.docsBody.utf8))
                == Self.docsSignature)
        #expect(
            SlackSignature.verify(
                signingSecret: Self.docsSecret, timestamp: Self.docsTimestamp, body: Array(Self.docsBody.utf8), signature: Self.docsSignature,
                now: Self.docsNow.addingTimeInterval(42)))
    }

    @Test("The signature is the hex HMAC-SHA256 of v0:timestamp:body")
    func matchesHMAC() {
        let secret = "s3cr3t-signing-secret"
        let body = Array("payload=%7B%22type%22%3A%22block_actions%22%7D".utf8)
        let key = SymmetricKey(data: Array(secret.utf8))
        let mac = HMAC<SHA256>.authenticationCode(for: Array("v0:1700000000:".utf8) + body, using: key)
        let expected = "v0=" + mac.map { String(format: "%02x", $0) }.joined()
        #expect(SlackSignature.compute(signingSecret: secret, timestamp: "1700000000", body: body) == expected)
        let now = Date(timeIntervalSince1970: 1_700_000_100)
        #expect(SlackSignature.verify(signingSecret: secret, timestamp: "1700000000", body: body, signature: expected, now: now))
        #expect(SlackSignature.verify(signingSecret: secret, timestamp: "1700000000", body: body, signature: expected.uppercased(), now: now))
    }

    @Test("Stale or future timestamps are refused, whatever the signature")
    func freshness() {
        let body = Array(Self.docsBody.utf8)
        func verify(at offset: TimeInterval, tolerance: TimeInterval = SlackSignature.defaultTolerance) -> Bool {
            SlackSignature.verify(
                signingSecret: Self.docsSecret, timestamp: Self.docsTimestamp, body: body, signature: Self.docsSignature,
                now: Self.docsNow.addingTimeInterval(offset), tolerance: tolerance)
        }
        #expect(verify(at: 300))
        #expect(verify(at: -300))
        #expect(!verify(at: 301))
        #expect(!verify(at: -301))
        #expect(!verify(at: 86_400))
        #expect(!verify(at: 60, tolerance: 30))
    }

    @Test("A changed body, secret, timestamp or signature is refused")
    func tampering() {
        let body = Array(Self.docsBody.utf8)
        let now = Self.docsNow
        #expect(
            !SlackSignature.verify(
                signingSecret: Self.docsSecret, timestamp: Self.docsTimestamp, body: body + [0x20], signature: Self.docsSignature, now: now))
        #expect(!SlackSignature.verify(signingSecret: "other", timestamp: Self.docsTimestamp, body: body, signature: Self.docsSignature, now: now))
        #expect(!SlackSignature.verify(signingSecret: "", timestamp: Self.docsTimestamp, body: body, signature: Self.docsSignature, now: now))
        #expect(!SlackSignature.verify(signingSecret: Self.docsSecret, timestamp: "1531420619", body: body, signature: Self.docsSignature, now: now))
        #expect(
            !SlackSignature.verify(signingSecret: Self.docsSecret, timestamp: "1531420618.0", body: body, signature: Self.docsSignature, now: now))
        #expect(!SlackSignature.verify(signingSecret: Self.docsSecret, timestamp: "", body: body, signature: Self.docsSignature, now: now))
        #expect(!SlackSignature.verify(signingSecret: Self.docsSecret, timestamp: "-1", body: body, signature: Self.docsSignature, now: now))
        #expect(!SlackSignature.verify(signingSecret: Self.docsSecret, timestamp: Self.docsTimestamp, body: body, signature: "", now: now))
        #expect(
            !SlackSignature.verify(
                signingSecret: Self.docsSecret, timestamp: Self.docsTimestamp, body: body, signature: String(Self.docsSignature.dropLast()), now: now)
        )
        #expect(
            !SlackSignature.verify(
                signingSecret: Self.docsSecret, timestamp: Self.docsTimestamp, body: body,
                signature: "v1=" + Self.docsSignature.dropFirst(3), now: now))
    }
}
