import AWSProtocol
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import Testing

@testable import AWSClient

/// The JSON 1.1 client against a live in-process service that verifies every signature with `SigV4Verifier`.
@Suite("AWSJSONClient")
struct AWSJSONClientTests {
    static let keyID = "AKIAHIKESHICLIENT001"
    static let secret = "client/Secret+Key0123456789abcdefghijklm"
    static let token = "IQoJb3JpZ2luX2VjEXAMPLE+session/token=="
    static let credentials = AWSCredentials(accessKeyID: keyID, secretAccessKey: secret, sessionToken: token)
    /// 2026-11-21T09:30:00Z: the clients sign with it and the server checks against it.
    static let now = Date(timeIntervalSince1970: 1_795_253_400)

    struct PostEmailInput: Codable, Sendable {
        var RawMessage: Data
        var ReceivedAt: Date
        var Recipients: [String]
    }

    struct PostEmailOutput: Codable, Sendable, Equatable {
        var MessageId: String
        var AcceptedAt: Date
    }

    struct Empty: Codable, Sendable {}

    static let input = PostEmailInput(
        RawMessage: Data("From: a@example.com\r\nSubject: 障害\r\n\r\nhello\r\n".utf8),
        ReceivedAt: Date(timeIntervalSince1970: 1_795_253_000.5),
        Recipients: ["support@example.com"])

    static func client(
        _ endpoint: URL,
        credentials: AWSCredentials = credentials,
        region: String = "ap-northeast-1",
        signingName: String = "hikeshi",
        targetPrefix: String = "Hikeshi_20261121",
        timeout: Duration = .seconds(10),
        responseLimit: Int = AWSJSONClient.defaultResponseLimit,
        logger: Logger = Logger(label: "AWSClientTests") { _ in SwiftLogNoOpLogHandler() }
    ) -> AWSJSONClient {
        AWSJSONClient(
            endpoint: endpoint, region: region, signingName: signingName, targetPrefix: targetPrefix, credentials: credentials,
            timeout: timeout, responseLimit: responseLimit, logger: logger, now: { now })
    }

    /// Runs `body` against a `hikeshi` service that answers verified calls with `respond`.
    static func withHikeshi<T: Sendable>(
        respond: @escaping @Sendable (TestAWSServer.Call) async -> TestAWSServer.Answer,
        _ body: @Sendable (URL, TestAWSServer.Recorder) async throws -> T
    ) async throws -> T {
        try await TestAWSServer.with(
            secrets: [keyID: secret], signingName: "hikeshi", targetPrefix: "Hikeshi_20261121", now: now, respond: respond, body)
    }

    /// The error a call throws; fails the test when it succeeds.
    static func failure<Output: Decodable & Sendable>(
        _ client: AWSJSONClient, _ operation: String = "PostEmail", as output: Output.Type, sourceLocation: SourceLocation = #_sourceLocation
    ) async -> AWSClientError? {
        do {
            let result = try await client.call(operation, Self.input, as: output)
            Issue.record("expected an error, got \(result)", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    // MARK: - Success

    @Test("a call is a signed JSON 1.1 POST whose answer decodes with AWSJSONCoding")
    func success() async throws {
        let answer = #"{"MessageId":"m-0001","AcceptedAt":1795253400.25}"#
        try await Self.withHikeshi(respond: { _ in .init(body: answer) }) { url, recorder in
            let output = try await Self.client(url).call("PostEmail", Self.input, as: PostEmailOutput.self)
            #expect(output == PostEmailOutput(MessageId: "m-0001", AcceptedAt: Date(timeIntervalSince1970: 1_795_253_400.25)))

            let call = try recorder.only()
            #expect(call.method == "POST")
            #expect(call.path == "/")
            #expect(call.header("X-Amz-Target") == "Hikeshi_20261121.PostEmail")
            #expect(call.header("Content-Type") == "application/x-amz-json-1.1")
            #expect(call.header("X-Amz-Security-Token") == Self.token)
            #expect(call.header("X-Amz-Date") == "20261121T093000Z")
            #expect(call.header("User-Agent") == "hikeshi")
            #expect(call.authority == "127.0.0.1:\(url.port ?? 0)")
            #expect(call.identity == SigV4Identity(accessKeyID: Self.keyID, region: "ap-northeast-1", service: "hikeshi", date: Self.now))
            let authorization = try #require(call.header("Authorization"))
            #expect(authorization.contains("SignedHeaders=content-type;host;x-amz-date;x-amz-security-token;x-amz-target,"))
            #expect(!authorization.contains(Self.secret))

            // Blobs as base64, timestamps as epoch seconds, as the generated shapes expect.
            let json = try #require(call.json)
            #expect(json["RawMessage"] as? String == Self.input.RawMessage.base64EncodedString())
            #expect(json["ReceivedAt"] as? Double == 1_795_253_000.5)
            #expect(json["Recipients"] as? [String] == ["support@example.com"])
        }
    }

    @Test("the endpoint's path is where calls go, and it is signed as sent")
    func endpointPath() async throws {
        let answer = #"{"caseId":"case-123456789012-2026-abc"}"#
        struct CreateCaseOutput: Codable, Sendable { var caseId: String }
        try await TestAWSServer.with(
            path: "/upstream/support", secrets: [Self.keyID: Self.secret], signingName: "support", targetPrefix: "AWSSupport_20130415",
            now: Self.now, respond: { _ in .init(body: answer) }
        ) { url, recorder in
            #expect(url.path == "/upstream/support")
            let client = Self.client(
                url, credentials: AWSCredentials(accessKeyID: Self.keyID, secretAccessKey: Self.secret), region: "us-east-1",
                signingName: "support", targetPrefix: "AWSSupport_20130415")
            let output = try await client.call("CreateCase", ["subject": "db down"], as: CreateCaseOutput.self)
            #expect(output.caseId == "case-123456789012-2026-abc")
            let call = try recorder.only()
            #expect(call.path == "/upstream/support")
            #expect(call.header("X-Amz-Target") == "AWSSupport_20130415.CreateCase")
            #expect(call.header("X-Amz-Security-Token") == nil)
            #expect(call.identity?.service == "support")
            #expect(call.identity?.region == "us-east-1")
        }
    }

    @Test("an empty 2xx body decodes as {}")
    func emptyAnswer() async throws {
        try await Self.withHikeshi(respond: { _ in .init(body: "") }) { url, _ in
            _ = try await Self.client(url).call("PostEmail", Self.input, as: Empty.self)
            let error = await Self.failure(Self.client(url), as: PostEmailOutput.self)
            #expect(error?.kind == .invalidResponse)
        }
    }

    // MARK: - Errors from the service

    @Test("a 400 answer is the service's error, not retryable")
    func clientError() async throws {
        let body = TestAWSServer.errorBody("com.amazonaws.support#CaseIdNotFound", "Case 123 not found")
        try await Self.withHikeshi(respond: { _ in .init(status: 400, body: body, headers: [("x-amzn-RequestId", "req-400")]) }) { url, _ in
            let error = try #require(await Self.failure(Self.client(url), as: PostEmailOutput.self))
            #expect(error.kind == .service)
            #expect(error.code == "CaseIdNotFound")
            #expect(error.message == "Case 123 not found")
            #expect(error.statusCode == 400)
            #expect(error.requestID == "req-400")
            #expect(!error.isRetryable)
            #expect(error.description == "CaseIdNotFound (HTTP 400): Case 123 not found [request req-400]")
        }
    }

    @Test("a 500 answer is the service's error, retryable")
    func serverError() async throws {
        let body = TestAWSServer.errorBody("InternalFailure", "boom")
        try await Self.withHikeshi(respond: { _ in .init(status: 500, body: body) }) { url, _ in
            let error = try #require(await Self.failure(Self.client(url), as: PostEmailOutput.self))
            #expect(error.kind == .service)
            #expect(error.code == "InternalFailure")
            #expect(error.message == "boom")
            #expect(error.statusCode == 500)
            #expect(error.isRetryable)
        }
    }

    @Test("throttling named only in x-amzn-ErrorType is retryable")
    func throttlingHeader() async throws {
        let headers = [(name: "x-amzn-ErrorType", value: "ThrottlingException:http://internal.amazon.com/")]
        try await Self.withHikeshi(respond: { _ in .init(status: 400, body: "", headers: headers) }) { url, _ in
            let error = try #require(await Self.failure(Self.client(url), as: PostEmailOutput.self))
            #expect(error.code == "ThrottlingException")
            #expect(error.isRetryable)
        }
    }

    @Test("a wrong secret is rejected by the verifier with InvalidSignatureException")
    func wrongSecret() async throws {
        try await Self.withHikeshi(respond: { _ in .init(body: "{}") }) { url, recorder in
            let wrong = AWSCredentials(accessKeyID: Self.keyID, secretAccessKey: Self.secret + "x", sessionToken: Self.token)
            let error = try #require(await Self.failure(Self.client(url, credentials: wrong), as: Empty.self))
            #expect(error.code == "InvalidSignatureException")
            #expect(error.statusCode == 403)
            #expect(!error.isRetryable)
            #expect(recorder.all.first?.identity == nil)
        }
    }

    // MARK: - Unreadable answers and transport

    @Test("a 2xx answer that is not the output shape is an invalid response, not retryable")
    func undecodable() async throws {
        for body in ["<html>ok</html>", #"{"MessageId":5,"AcceptedAt":1}"#] {
            try await Self.withHikeshi(respond: { _ in .init(body: body) }) { url, _ in
                let error = try #require(await Self.failure(Self.client(url), as: PostEmailOutput.self))
                #expect(error.kind == .invalidResponse)
                #expect(error.statusCode == 200)
                #expect(error.requestID == "req-0001")
                #expect(error.message.hasPrefix("the answer to PostEmail cannot be decoded as PostEmailOutput"))
                #expect(!error.isRetryable)
            }
        }
    }

    @Test("an answer over the limit is not read")
    func responseLimit() async throws {
        let large = #"{"MessageId":""# + String(repeating: "a", count: 4096) + #"","AcceptedAt":1}"#
        try await Self.withHikeshi(respond: { _ in .init(body: large) }) { url, _ in
            let error = try #require(await Self.failure(Self.client(url, responseLimit: 1024), as: PostEmailOutput.self))
            #expect(error.kind == .invalidResponse)
            #expect(error.message.contains("larger than 1024 bytes"))
            let output = try await Self.client(url, responseLimit: 8192).call("PostEmail", Self.input, as: PostEmailOutput.self)
            #expect(output.MessageId.count == 4096)
        }
    }

    @Test("a slow answer times out, retryable")
    func timeout() async throws {
        try await Self.withHikeshi(
            respond: { _ in
                try? await Task.sleep(for: .seconds(4))
                return .init(body: "{}")
            }
        ) { url, _ in
            let started = ContinuousClock.now
            let error = try #require(await Self.failure(Self.client(url, timeout: .milliseconds(200)), as: Empty.self))
            #expect(error.kind == .timeout)
            #expect(error.isRetryable)
            // Well before the answer would come (a loaded machine may take a second or two to notice the deadline).
            #expect(ContinuousClock.now - started < .seconds(3))
        }
    }

    @Test("a refused connection is a transport failure, retryable")
    func connectionRefused() async throws {
        // The port of a server that has stopped.
        let url = try await Self.withHikeshi(respond: { _ in .init(body: "{}") }) { url, _ in url }
        let error = try #require(await Self.failure(Self.client(url, timeout: .seconds(1)), as: Empty.self))
        #expect(error.kind == .transport)
        #expect(error.isRetryable)
    }

    @Test("cancelling the calling task ends the call as cancelled, not retryable")
    func cancellation() async throws {
        try await Self.withHikeshi(
            respond: { _ in
                try? await Task.sleep(for: .seconds(1))
                return .init(body: "{}")
            }
        ) { url, recorder in
            let client = Self.client(url)
            let task = Task { await Self.failure(client, as: Empty.self) }
            while recorder.all.isEmpty {
                try await Task.sleep(for: .milliseconds(20))
            }
            task.cancel()
            let error = await task.value
            #expect(error?.kind == .cancelled)
            #expect(error?.isRetryable == false)
        }
    }

    @Test("transport errors map to timeout, invalid request, cancelled or transport")
    func transportErrors() throws {
        let endpoint = try #require(URL(string: "http://127.0.0.1:1"))
        let cases: [(any Error, AWSClientError.Kind)] = [
            (HTTPClientError.deadlineExceeded, .timeout),
            (HTTPClientError.readTimeout, .timeout),
            (HTTPClientError.connectTimeout, .timeout),
            (ChannelError.connectTimeout(.seconds(1)), .timeout),
            (HTTPClientError.invalidURL, .invalidRequest),
            (HTTPClientError.cancelled, .cancelled),
            (CancellationError(), .cancelled),
            (HTTPClientError.remoteConnectionClosed, .transport),
            (ChannelError.ioOnClosedChannel, .transport),
        ]
        for (error, kind) in cases {
            #expect(AWSJSONClient.transportError(error, endpoint: endpoint).kind == kind, "\(error)")
        }
    }

    @Test("an endpoint that is not http or https is an invalid request")
    func invalidEndpoint() async throws {
        for endpoint in ["ftp://example.com/", "file:///tmp/socket"] {
            let url = try #require(URL(string: endpoint))
            let error = try #require(await Self.failure(Self.client(url), as: Empty.self))
            #expect(error.kind == .invalidRequest)
            #expect(!error.isRetryable)
        }
    }

    // MARK: - Secrets

    @Test("logs carry the target and status but never the secret, the token or the signature")
    func logs() async throws {
        let (logger, store) = RecordingLogHandler.logger()
        let body = TestAWSServer.errorBody("ValidationException", "bad")
        try await Self.withHikeshi(respond: { call in call.json?["Recipients"] == nil ? .init(status: 400, body: body) : .init(body: "{}") }) {
            url, _ in
            let client = Self.client(url, logger: logger)
            _ = try await client.call("PostEmail", Self.input, as: Empty.self)
            do throws(AWSClientError) {
                let output = try await client.call("PostEmail", ["x": 1], as: Empty.self)
                Issue.record("expected a ValidationException, got \(output)")
            } catch {
                #expect(error.code == "ValidationException")
            }
        }
        let entries = store.all
        #expect(entries.contains { $0.message == "AWS call succeeded" && $0.metadata["aws.target"] == "Hikeshi_20261121.PostEmail" })
        #expect(entries.contains { $0.message == "AWS call failed" && $0.metadata["aws.error_code"] == "ValidationException" })
        #expect(entries.contains { $0.metadata["http.status"] == "400" })
        for entry in entries {
            for secret in [Self.secret, Self.token, "Signature=", "AWS4-HMAC-SHA256", Self.input.RawMessage.base64EncodedString()] {
                #expect(!entry.text.contains(secret), "\(entry.text)")
            }
        }
    }

    @Test("the client's description names the key id, never the secret")
    func description() throws {
        let client = Self.client(try #require(URL(string: "https://user:pw@support.us-east-1.amazonaws.com")))
        var dumped = ""
        dump(client, to: &dumped)
        #expect(client.description.contains(Self.keyID))
        #expect(!client.description.contains("pw@"))
        for text in [client.description, String(reflecting: client), dumped] {
            #expect(!text.contains(Self.secret))
            #expect(!text.contains(Self.token))
        }
    }

    // MARK: - REST-JSON

    @Test("a REST-JSON GET carries its members in the query, percent-encoded, signed as sent, with no body")
    func restGet() async throws {
        struct Output: Codable, Sendable { var tags: [String: String] }
        let arn = "arn:aws:ssm-incidents::111111111111:response-plan/web plan"
        try await TestAWSServer.with(
            secrets: [Self.keyID: Self.secret], signingName: "ssm-incidents", targetPrefix: nil, now: Self.now,
            respond: { _ in .init(body: #"{"tags":{"team":"sre"}}"#) }
        ) { url, recorder in
            let client = Self.client(url, region: "us-east-1", signingName: "ssm-incidents", targetPrefix: "")
            let none: Empty? = nil
            let output = try await client.callREST(
                "GetResponsePlan", method: "GET", path: "/getResponsePlan", query: [("arn", arn), ("x", "a+b&c")], body: none,
                as: Output.self)
            #expect(output.tags == ["team": "sre"])
            let call = try recorder.only()
            #expect(call.method == "GET")
            #expect(call.path == "/getResponsePlan")
            #expect(call.query == "arn=arn%3Aaws%3Assm-incidents%3A%3A111111111111%3Aresponse-plan%2Fweb%20plan&x=a%2Bb%26c")
            #expect(call.header("X-Amz-Target") == nil)
            #expect(call.body.isEmpty)
            #expect(call.identity?.service == "ssm-incidents")
        }
    }

    @Test("a REST-JSON POST sends its body as application/json to the operation's path; a label is one encoded segment")
    func restPost() async throws {
        struct Input: Codable, Sendable { var maxResults: Int }
        struct Output: Codable, Sendable { var nextToken: String? }
        try await TestAWSServer.with(
            secrets: [Self.keyID: Self.secret], signingName: "ssm-incidents", targetPrefix: nil, now: Self.now,
            respond: { _ in .init(body: "{}") }
        ) { url, recorder in
            let client = Self.client(url, region: "us-east-1", signingName: "ssm-incidents", targetPrefix: "")
            _ = try await client.callREST(
                "ListResponsePlans", method: "POST", path: "/listResponsePlans", body: Input(maxResults: 5), as: Output.self)
            let label = AWSJSONClient.percentEncoded("arn:aws:ssm-incidents::111111111111:response-plan/web")
            let none: Empty? = nil
            _ = try await client.callREST("ListTagsForResource", method: "GET", path: "/tags/\(label)", body: none, as: Output.self)
            let calls = recorder.all
            #expect(calls.count == 2)
            #expect(calls.first?.path == "/listResponsePlans")
            #expect(calls.first?.header("Content-Type") == "application/json")
            #expect(calls.first?.json?["maxResults"] as? Int == 5)
            #expect(calls.last?.path == "/tags/arn%3Aaws%3Assm-incidents%3A%3A111111111111%3Aresponse-plan%2Fweb")
            #expect(calls.allSatisfy { $0.identity != nil })
        }
    }
}
