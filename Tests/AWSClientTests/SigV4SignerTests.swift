import Foundation
import Testing

@testable import AWSProtocol

/// The signer against AWS's published examples, and against the project's own verifier: what it signs must verify,
/// and what it signs must be what a tampered request breaks.
@Suite("SigV4Signer")
struct SigV4SignerTests {
    static let exampleKeyID = "AKIDEXAMPLE"
    static let exampleSecret = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"
    /// 2015-08-30T12:36:00Z, the instant of AWS's examples.
    static let exampleDate = Date(timeIntervalSince1970: 1_440_938_160)

    static let keyID = "AKIAHIKESHITEST00001"
    static let secret = "hikeshi/Secret+Key0123456789abcdefghijkl"
    static let token = "FwoGZXIvYXdzEXAMPLE//////////wEaDHikeshiSessionToken+/="
    /// 2026-11-21T09:30:00Z.
    static let now = Date(timeIntervalSince1970: 1_795_253_400)

    static func value(_ name: String, in fields: [(name: String, value: String)]) -> String? {
        fields.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    static func signedHeaders(_ authorization: String?) -> String? {
        authorization?.components(separatedBy: ", ").first { $0.hasPrefix("SignedHeaders=") }.map { String($0.dropFirst(14)) }
    }

    // MARK: - Published examples

    @Test("reproduces the AWS documentation's IAM ListUsers example exactly")
    func awsDocumentationListUsers() throws {
        let signer = SigV4Signer(accessKeyID: Self.exampleKeyID, secretAccessKey: Self.exampleSecret, region: "us-east-1", service: "iam")
        let contentType = ("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        let added = signer.sign(
            method: "GET", path: "/", query: "Action=ListUsers&Version=2010-05-08", host: "iam.amazonaws.com", headers: [contentType],
            body: Data(), date: Self.exampleDate)

        #expect(added.map(\.name) == ["X-Amz-Date", "Authorization"])
        #expect(Self.value("X-Amz-Date", in: added) == "20150830T123600Z")
        #expect(
            Self.value("Authorization", in: added)
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, "
                + "SignedHeaders=content-type;host;x-amz-date, "
                + "Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7")

        // The documented canonical request, and its documented hash.
        let canonical = signer.canonicalRequest(
            method: "GET", path: "/", query: "Action=ListUsers&Version=2010-05-08", host: "iam.amazonaws.com",
            headers: [contentType, ("X-Amz-Date", "20150830T123600Z")],
            payloadHash: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        let expected = """
            GET
            /
            Action=ListUsers&Version=2010-05-08
            content-type:application/x-www-form-urlencoded; charset=utf-8
            host:iam.amazonaws.com
            x-amz-date:20150830T123600Z

            content-type;host;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            """
        #expect(String(decoding: canonical.bytes, as: UTF8.self) == expected)
        #expect(SigV4Canonical.sha256Hex(canonical.bytes) == "f536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59")
        #expect(canonical.signedHeaders == "content-type;host;x-amz-date")
    }

    struct SuiteVector: Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var query: String?
        var headers: [(name: String, value: String)]
        var body: String
        var signedHeaders: String
        var signature: String

        var testDescription: String { name }
    }

    /// Cases of AWS's Signature Version 4 test suite (service `service`, host `example.amazonaws.com`).
    static let suiteVectors = [
        SuiteVector(
            name: "get-vanilla-query-order-key-case", method: "GET", query: "Param2=value2&Param1=value1", headers: [], body: "",
            signedHeaders: "host;x-amz-date", signature: "b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500"),
        SuiteVector(
            name: "post-x-www-form-urlencoded", method: "POST", query: nil,
            headers: [("Content-Type", "application/x-www-form-urlencoded")], body: "Param1=value1",
            signedHeaders: "content-type;host;x-amz-date", signature: "ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a"),
    ]

    @Test("reproduces cases of the AWS SigV4 test suite", arguments: suiteVectors)
    func awsTestSuite(_ vector: SuiteVector) {
        let signer = SigV4Signer(accessKeyID: Self.exampleKeyID, secretAccessKey: Self.exampleSecret, region: "us-east-1", service: "service")
        let added = signer.sign(
            method: vector.method, path: "/", query: vector.query, host: "example.amazonaws.com", headers: vector.headers,
            body: Data(vector.body.utf8), date: Self.exampleDate)
        #expect(
            Self.value("Authorization", in: added)
                == "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, "
                + "SignedHeaders=\(vector.signedHeaders), Signature=\(vector.signature)")
    }

    // MARK: - Round trips through SigV4Verifier

    struct RoundTrip: Sendable, CustomTestStringConvertible {
        var name: String
        var method: String
        var path: String
        var query: String?
        var sessionToken: String?
        var includeContentSHA256: Bool
        var body: String

        var testDescription: String { name }
    }

    static let roundTrips = [
        RoundTrip(
            name: "JSON 1.1 POST with a session token", method: "POST", path: "/", query: nil, sessionToken: token,
            includeContentSHA256: false, body: #"{"RawMessage":"RnJvbTogYQ=="}"#),
        RoundTrip(
            name: "query string, encoded path, session token and payload hash", method: "POST", path: "/tags/arn%3Aaws%3Assm%3A%3A1%2Fx",
            query: "b=2&a=1&c=x%20y&d=%E7%81%AB&a=0&flag", sessionToken: token, includeContentSHA256: true, body: "{}"),
        RoundTrip(
            name: "GET without a body or token", method: "get", path: "/console/../v1//cases/", query: "max=10", sessionToken: nil,
            includeContentSHA256: false, body: ""),
    ]

    /// The request as the server would receive it, given the fields the client sends besides `Host`.
    static func received(_ trip: RoundTrip, fields: [(name: String, value: String)], authority: String = "127.0.0.1:4750") -> SigV4Request {
        SigV4Request(method: trip.method, path: trip.path, query: trip.query, headers: fields, authority: authority, body: Data(trip.body.utf8))
    }

    static func verifier() -> SigV4Verifier {
        SigV4Verifier(keys: SigV4StaticKeyStore([keyID: secret]), now: { now })
    }

    /// The verifier's error code for `request`, or `nil` when it verifies.
    static func rejection(_ request: SigV4Request, service: String = "hikeshi") async throws -> String? {
        do {
            _ = try await verifier().verify(request, service: service)
            return nil
        } catch let error as AWSError {
            return error.code
        }
    }

    @Test("what the signer signs, the verifier accepts; tampering is caught", arguments: roundTrips)
    func roundTrip(_ trip: RoundTrip) async throws {
        let signer = SigV4Signer(
            accessKeyID: Self.keyID, secretAccessKey: Self.secret, sessionToken: trip.sessionToken, region: "ap-northeast-1",
            service: "hikeshi")
        let fields: [(name: String, value: String)] = [
            ("Content-Type", "application/x-amz-json-1.1"),
            ("X-Amz-Target", "Hikeshi_20261121.PostEmail"),
            ("X-Custom", "  several   spaces\tand tab  "),
            ("x-custom", "second"),
            ("User-Agent", "hikeshi"),
        ]
        let added = signer.sign(
            method: trip.method, path: trip.path, query: trip.query, host: "127.0.0.1:4750", headers: fields, body: Data(trip.body.utf8),
            date: Self.now, includeContentSHA256: trip.includeContentSHA256)
        let sent = fields + added

        let identity = try await Self.verifier().verify(Self.received(trip, fields: sent), service: "hikeshi")
        #expect(identity == SigV4Identity(accessKeyID: Self.keyID, region: "ap-northeast-1", service: "hikeshi", date: Self.now))

        var expectedSigned = ["content-type", "host", "x-amz-date", "x-amz-target", "x-custom"]
        if trip.includeContentSHA256 { expectedSigned.append("x-amz-content-sha256") }
        if trip.sessionToken != nil { expectedSigned.append("x-amz-security-token") }
        #expect(Self.signedHeaders(Self.value("Authorization", in: added)) == expectedSigned.sorted().joined(separator: ";"))
        #expect(Self.value("X-Amz-Security-Token", in: added) == trip.sessionToken)
        #expect(Self.value("X-Amz-Date", in: added) == "20261121T093000Z")
        #expect((Self.value("X-Amz-Content-Sha256", in: added) != nil) == trip.includeContentSHA256)

        // An unsigned header may change on the way.
        let otherAgent = sent.map { $0.name == "User-Agent" ? (name: $0.name, value: "proxy/1.0") : $0 }
        #expect(try await Self.rejection(Self.received(trip, fields: otherAgent)) == nil)

        // Everything signed is covered.
        var otherBody = Self.received(trip, fields: sent)
        otherBody.payload = .body(Data((trip.body + " ").utf8))
        #expect(try await Self.rejection(otherBody) != nil)
        var otherQuery = Self.received(trip, fields: sent)
        otherQuery.query = (trip.query.map { $0 + "&" } ?? "") + "extra=1"
        #expect(try await Self.rejection(otherQuery) == "InvalidSignatureException")
        #expect(try await Self.rejection(Self.received(trip, fields: sent, authority: "127.0.0.1:4751")) == "InvalidSignatureException")
        let otherTarget = sent.map { $0.name == "X-Amz-Target" ? (name: $0.name, value: "Hikeshi_20261121.Other") : $0 }
        #expect(try await Self.rejection(Self.received(trip, fields: otherTarget)) == "InvalidSignatureException")
        if let token = trip.sessionToken {
            let otherToken = sent.map { $0.name == "X-Amz-Security-Token" ? (name: $0.name, value: token + "x") : $0 }
            #expect(try await Self.rejection(Self.received(trip, fields: otherToken)) == "InvalidSignatureException")
        }
        // Signed for another service.
        #expect(try await Self.rejection(Self.received(trip, fields: sent), service: "support") == "InvalidSignatureException")
    }

    @Test("a wrong secret does not verify")
    func wrongSecret() async throws {
        let signer = SigV4Signer(accessKeyID: Self.keyID, secretAccessKey: Self.secret + "x", region: "us-east-1", service: "hikeshi")
        let trip = Self.roundTrips[0]
        let added = signer.sign(method: "POST", path: "/", host: "127.0.0.1:4750", body: Data(trip.body.utf8), date: Self.now)
        #expect(try await Self.rejection(Self.received(trip, fields: added)) == "InvalidSignatureException")
    }

    @Test("the payload hash header is the body's SHA-256")
    func payloadHash() {
        let signer = SigV4Signer(accessKeyID: Self.keyID, secretAccessKey: Self.secret, region: "us-east-1", service: "support")
        let added = signer.sign(method: "POST", path: "/", host: "h", body: Data("{}".utf8), date: Self.now, includeContentSHA256: true)
        #expect(Self.value("X-Amz-Content-Sha256", in: added) == "44136fa355b3678a1146ad16f7e8649e94fb4fc21fe77e8310c060f61caaff8a")
    }

    // MARK: - URLs

    @Test("signing a URL adds the Host it signed, and the verifier accepts the request as sent")
    func signURL() async throws {
        let signer = SigV4Signer(accessKeyID: Self.keyID, secretAccessKey: Self.secret, region: "us-east-1", service: "hikeshi")
        let url = try #require(URL(string: "http://127.0.0.1:4750"))
        let body = Data("{}".utf8)
        let added = signer.sign(method: "POST", url: url, headers: [("X-Amz-Target", "Hikeshi_20261121.PostEmail")], body: body, date: Self.now)
        #expect(added.first?.name == "Host")
        #expect(added.first?.value == "127.0.0.1:4750")
        let fields = [(name: "X-Amz-Target", value: "Hikeshi_20261121.PostEmail")] + added.dropFirst()
        let request = SigV4Request(method: "POST", path: "/", headers: fields, authority: "127.0.0.1:4750", body: body)
        _ = try await Self.verifier().verify(request, service: "hikeshi")

        let withPath = try #require(URL(string: "https://desk.example.com/upstream/support?x=a%20b"))
        let signed = signer.sign(method: "POST", url: withPath, body: body, date: Self.now)
        let viaPath = SigV4Request(
            method: "POST", path: "/upstream/support", query: "x=a%20b", headers: Array(signed.dropFirst()), authority: "desk.example.com",
            body: body)
        _ = try await Self.verifier().verify(viaPath, service: "hikeshi")
    }

    @Test(
        "the Host value keeps a non-default port and brackets IPv6",
        arguments: [
            ("http://127.0.0.1:4750/", "127.0.0.1:4750"),
            ("https://support.us-east-1.amazonaws.com", "support.us-east-1.amazonaws.com"),
            ("https://support.us-east-1.amazonaws.com:443/", "support.us-east-1.amazonaws.com"),
            ("http://example.com:80", "example.com"),
            ("http://example.com:443", "example.com:443"),
            ("http://[::1]:8080/x", "[::1]:8080"),
        ])
    func hostHeader(_ url: String, _ expected: String) throws {
        #expect(SigV4Signer.hostHeader(of: try #require(URL(string: url))) == expected)
    }

    // MARK: - Secrets

    @Test("descriptions and mirrors never show the secret or the session token")
    func noSecrets() {
        let signer = SigV4Signer(
            accessKeyID: Self.keyID, secretAccessKey: Self.secret, sessionToken: Self.token, region: "us-east-1", service: "support")
        var dumped = ""
        dump(signer, to: &dumped)
        for text in [String(describing: signer), String(reflecting: signer), dumped] {
            #expect(text.contains(Self.keyID))
            #expect(!text.contains(Self.secret))
            #expect(!text.contains(Self.token))
        }
    }
}
