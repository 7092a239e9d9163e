import Foundation
import HTTPTypes
import HikeshiCore
import Hummingbird
import Logging
import NIOCore
import Testing

@testable import App

/// `sts:GetCallerIdentity` over the query protocol: who the signing key is, in XML; everything else an XML error.
@Suite("STS endpoint")
struct STSEndpointTests {
    private struct Reply {
        var status: Int
        var headers: HTTPFields
        var body: String
    }

    private static func endpoint() -> STSEndpoint {
        var logger = Logger(label: "test")
        logger.logLevel = .critical
        let keys = StaticDirectory(keys: [
            "AKIAALICE00000000000": ("111111111111", "alice-secret"),
            "AKIABOB0000000000000": ("222222222222", "bob-secret"),
            "AKIAORPHAN0000000000": (nil, "orphan-secret"),
        ])
        return STSEndpoint(keys: keys, metrics: RequestMetrics(), throttle: TokenBuckets(limit: .init(rate: 0, burst: 1)), logger: logger)
    }

    private static func request(
        body: String, key: (id: String, secret: String)?, service: String = "sts", contentType: String = "application/x-www-form-urlencoded",
        target: String? = nil
    ) -> Request {
        var headers = ["Content-Type": contentType]
        if let target { headers["X-Amz-Target"] = target }
        let data = Data(body.utf8)
        if let key {
            let signer = TestSigner(accessKeyID: key.id, secret: key.secret, region: "us-east-1", service: service)
            headers = signer.sign(method: "POST", path: "/", headers: headers, host: EndpointHarness.host, body: data, date: Date())
        }
        var fields = HTTPFields()
        for (name, value) in headers {
            if let field = HTTPField.Name(name) { fields[field] = value }
        }
        let head = HTTPRequest(method: .post, scheme: "http", authority: EndpointHarness.host, path: "/", headerFields: fields)
        return Request(head: head, body: RequestBody(buffer: ByteBuffer(bytes: data)))
    }

    private static func send(_ body: String, key: (id: String, secret: String)?, service: String = "sts") async throws -> Reply {
        let response = await endpoint().respond(to: request(body: body, key: key, service: service))
        let writer = CollectingWriter()
        try await response.body.write(writer)
        return Reply(status: response.status.code, headers: response.headers, body: String(buffer: writer.buffer))
    }

    @Test(arguments: [
        ("AKIAALICE00000000000", "alice-secret", "111111111111"), ("AKIABOB0000000000000", "bob-secret", "222222222222"),
    ])
    func callerIdentityNamesTheSigningKey(key: String, secret: String, account: String) async throws {
        let reply = try await Self.send("Action=GetCallerIdentity&Version=2011-06-15", key: (key, secret))
        #expect(reply.status == 200)
        #expect(reply.headers[.contentType] == "text/xml")
        #expect(reply.body.contains("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"))
        #expect(reply.body.contains("<Arn>arn:aws:iam::\(account):user/\(key)</Arn>"))
        #expect(reply.body.contains("<UserId>\(key)</UserId>"))
        #expect(reply.body.contains("<Account>\(account)</Account>"))
        let requestID = try #require(reply.headers[.amznRequestID])
        #expect(reply.body.contains("<RequestId>\(requestID)</RequestId>"))
    }

    @Test(
        arguments: [
            ("Action=GetCallerIdentity&Version=2011-06-15", nil, "sts", 403, "MissingAuthenticationTokenException"),
            ("Action=GetCallerIdentity&Version=2011-06-15", "wrong-secret", "sts", 403, "InvalidSignatureException"),
            ("Action=GetCallerIdentity&Version=2011-06-15", "alice-secret", "ssm-contacts", 403, "InvalidSignatureException"),
            ("Action=AssumeRole&Version=2011-06-15", "alice-secret", "sts", 400, "InvalidAction"),
            ("Version=2011-06-15", "alice-secret", "sts", 400, "MissingAction"),
        ] as [(String, String?, String, Int, String)])
    func failuresAreQueryProtocolErrors(body: String, secret: String?, service: String, status: Int, code: String) async throws {
        let reply = try await Self.send(body, key: secret.map { ("AKIAALICE00000000000", $0) }, service: service)
        #expect(reply.status == status)
        #expect(reply.body.contains("<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"))
        #expect(reply.body.contains("<Type>Sender</Type>"))
        #expect(reply.body.contains("<Code>\(code)</Code>"))
    }

    @Test func aKeyWithoutAnOwnerIsRefused() async throws {
        let reply = try await Self.send("Action=GetCallerIdentity", key: ("AKIAORPHAN0000000000", "orphan-secret"))
        #expect(reply.status == 403)
        #expect(reply.body.contains("<Code>UnrecognizedClientException</Code>"))
    }

    @Test func onlyFormPostsWithoutATargetAreQueryCalls() {
        #expect(STSEndpoint.matches(Self.request(body: "Action=GetCallerIdentity", key: nil)))
        #expect(STSEndpoint.matches(Self.request(body: "", key: nil, contentType: "application/x-www-form-urlencoded; charset=utf-8")))
        #expect(!STSEndpoint.matches(Self.request(body: "{}", key: nil, contentType: "application/x-amz-json-1.1")))
        #expect(
            !STSEndpoint.matches(
                Self.request(body: "{}", key: nil, contentType: "application/x-www-form-urlencoded", target: "SSMContacts.ListContacts")))
    }

    @Test func textIsEscaped() {
        #expect(STSEndpoint.escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&apos;")
        let document = STSEndpoint.errorDocument(.init(code: "X", message: "</Message><Code>Y", status: 500), requestID: "r")
        #expect(document.contains("<Type>Receiver</Type>"))
        #expect(document.contains("&lt;/Message&gt;&lt;Code&gt;Y"))
    }
}
