import AsyncHTTPClient
import Foundation
import HikeshiCore
import Logging
import Testing

@testable import Delivery

/// The Twilio client against an in-process fake of Twilio's REST API.
@Suite("TwilioClient")
struct TwilioClientTests {
    static let sid = "AC0123456789abcdef0123456789abcdef"
    static let token = "s3cr3t-auth-token-0123456789abcdef"

    static let messageCreated = """
        {"sid": "SM11112222333344445555666677778888", "status": "queued", "to": "+819012345678", "body": "x"}
        """

    /// Runs `body` with a client pointed at a fake server that answers with `responder`.
    static func withClient<T>(
        timeout: Duration = .seconds(5),
        responder: @escaping @Sendable (FakeHTTPServer.Request) -> FakeHTTPServer.Response?,
        _ body: (TwilioClient, FakeHTTPServer, RecordingLogHandler.Store) async throws -> T
    ) async throws -> T {
        let server = try await FakeHTTPServer.start(responder)
        let httpClient = HTTPClient(eventLoopGroupProvider: .singleton)
        let (logger, logs) = RecordingLogHandler.logger()
        let configuration = TwilioConfiguration(
            accountSID: Self.sid, authToken: Self.token, fromNumber: "+15005550006", baseURL: server.baseURL + "/")
        let client = TwilioClient(configuration: configuration, httpClient: httpClient, logger: logger, timeout: timeout)
        do {
            let result = try await body(client, server, logs)
            try await httpClient.shutdown()
            try await server.stop()
            return result
        } catch {
            try await httpClient.shutdown()
            try await server.stop()
            throw error
        }
    }

    static func fields(_ request: FakeHTTPServer.Request) -> [String: String] {
        Dictionary(FormEncoding.decode(request.body).map { ($0.name, $0.value) }, uniquingKeysWith: { $1 })
    }

    static func expectError(
        _ expected: DeliveryError.Code,
        sourceLocation: SourceLocation = #_sourceLocation,
        _ body: () async throws -> TwilioReceipt
    ) async throws -> DeliveryError {
        do {
            let receipt = try await body()
            Issue.record("expected \(expected), got \(receipt)", sourceLocation: sourceLocation)
            throw DeliveryTestError("no error")
        } catch let error as DeliveryError {
            #expect(error.errorCode == expected, "\(error)", sourceLocation: sourceLocation)
            return error
        }
    }

    // MARK: - Requests

    @Test("sendSMS posts the form to Messages.json with Basic auth and returns the SID")
    func sendSMS() async throws {
        try await Self.withClient(responder: { _ in .init(status: 201, body: Self.messageCreated) }) { client, server, logs in
            let receipt = try await client.sendSMS(
                to: "+819012345678",
                body: "障害: db down. Reply 1 & ack <now>",
                statusCallback: "https://hikeshi.example.com/twilio/status?page=1"
            )
            #expect(receipt == TwilioReceipt(sid: "SM11112222333344445555666677778888", status: "queued", httpStatus: 201))

            let request = try server.onlyRequest()
            #expect(request.method == "POST")
            #expect(request.uri == "/2010-04-01/Accounts/\(Self.sid)/Messages.json")
            let authorization = try #require(request.header("Authorization"))
            #expect(authorization.hasPrefix("Basic "))
            #expect(Data(base64Encoded: String(authorization.dropFirst(6))) == Data("\(Self.sid):\(Self.token)".utf8))
            #expect(request.header("Content-Type")?.hasPrefix("application/x-www-form-urlencoded") == true)
            #expect(
                Self.fields(request) == [
                    "To": "+819012345678", "From": "+15005550006", "Body": "障害: db down. Reply 1 & ack <now>",
                    "StatusCallback": "https://hikeshi.example.com/twilio/status?page=1",
                ]
            )
            #expect(request.body.hasPrefix("To=%2B819012345678&From=%2B15005550006&Body="))

            #expect(logs.all.contains { $0.metadata["twilio.sid"] == "SM11112222333344445555666677778888" })
            #expect(!logs.text.contains(Self.token))
            #expect(!logs.text.contains("db down"))
        }
    }

    @Test("placeCall posts To, From and the TwiML to Calls.json")
    func placeCall() async throws {
        let created = #"{"sid": "CA00000000000000000000000000000001", "status": "queued"}"#
        try await Self.withClient(responder: { _ in .init(status: 201, body: created) }) { client, server, logs in
            let twiml = TwiML.page(
                message: "障害が発生しました。1を押してください。",
                language: .japanese,
                action: "https://hikeshi.example.com/twilio/gather?page=1&x=2"
            )
            let receipt = try await client.placeCall(to: "+819012345678", twiml: twiml)
            #expect(receipt.sid == "CA00000000000000000000000000000001")
            #expect(receipt.status == "queued")

            let request = try server.onlyRequest()
            #expect(request.uri == "/2010-04-01/Accounts/\(Self.sid)/Calls.json")
            #expect(Self.fields(request) == ["To": "+819012345678", "From": "+15005550006", "Twiml": twiml.xml])
            #expect(!logs.text.contains("障害"))
        }
    }

    @Test("An invalid number fails permanently without a request")
    func invalidNumber() async throws {
        try await Self.withClient(responder: { _ in .init(status: 201, body: Self.messageCreated) }) { client, server, _ in
            let error = try await Self.expectError(.invalidMessage) { try await client.sendSMS(to: "090-1234-5678", body: "x") }
            #expect(error.isPermanent)
            #expect(server.requests.isEmpty)
        }
    }

    // MARK: - Errors

    @Test("400 with Twilio's code: permanent, code and message kept")
    func badRequest() async throws {
        let body = """
            {"code": 21211, "message": "The 'To' number +15005550001 is not a valid phone number.", \
            "more_info": "https://www.twilio.com/docs/errors/21211", "status": 400}
            """
        try await Self.withClient(responder: { _ in .init(status: 400, body: body) }) { client, _, logs in
            let error = try await Self.expectError(.httpRejected) { try await client.sendSMS(to: "+15005550001", body: "x") }
            #expect(error.isPermanent)
            #expect(error.statusCode == 400)
            #expect(error.providerCode == 21211)
            #expect(error.message == "The 'To' number +15005550001 is not a valid phone number.")
            #expect(logs.all.contains { $0.metadata["twilio.error_code"] == "21211" && $0.metadata["http.status"] == "400" })
        }
    }

    @Test("401: permanent")
    func unauthorized() async throws {
        let body = #"{"code": 20003, "message": "Authenticate", "status": 401}"#
        try await Self.withClient(responder: { _ in .init(status: 401, body: body) }) { client, _, _ in
            let error = try await Self.expectError(.httpRejected) { try await client.sendSMS(to: "+15005550006", body: "x") }
            #expect(error.isPermanent)
            #expect(error.providerCode == 20003)
        }
    }

    @Test("429: transient")
    func tooManyRequests() async throws {
        let body = #"{"code": 20429, "message": "Too Many Requests", "status": 429}"#
        try await Self.withClient(responder: { _ in .init(status: 429, body: body) }) { client, _, _ in
            let error = try await Self.expectError(.httpRejected) { try await client.placeCall(to: "+15005550006", twiml: "<Response/>") }
            #expect(error.isTransient)
            #expect(error.statusCode == 429)
            #expect(error.providerCode == 20429)
        }
    }

    @Test("500 with a non-JSON body: transient")
    func serverError() async throws {
        try await Self.withClient(responder: { _ in .init(status: 500, body: "<html>oops</html>", contentType: "text/html") }) { client, _, _ in
            let error = try await Self.expectError(.httpRejected) { try await client.sendSMS(to: "+15005550006", body: "x") }
            #expect(error.isTransient)
            #expect(error.statusCode == 500)
            #expect(error.providerCode == nil)
        }
    }

    @Test("201 with an unreadable body: invalidResponse, permanent (it was probably sent)")
    func unreadableSuccess() async throws {
        try await Self.withClient(responder: { _ in .init(status: 201, body: "not json") }) { client, _, _ in
            let error = try await Self.expectError(.invalidResponse) { try await client.sendSMS(to: "+15005550006", body: "x") }
            #expect(error.isPermanent)
        }
    }

    @Test("No answer: a transient timeout")
    func timeout() async throws {
        try await Self.withClient(timeout: .milliseconds(300), responder: { _ in nil }) { client, _, _ in
            let started = ContinuousClock.now
            let error = try await Self.expectError(.timeout) { try await client.sendSMS(to: "+15005550006", body: "x") }
            #expect(error.isTransient)
            // The 300 ms timeout ends the wait (without it the request would hang); the bound leaves room for a loaded
            // 2-core machine running every suite at once, where 5 s was once missed by 77 ms.
            #expect(ContinuousClock.now - started < .seconds(20))
        }
    }

    @Test("Nothing listening: a transient connection failure")
    func connectionRefused() async throws {
        let server = try await FakeHTTPServer.start { _ in nil }
        try await server.stop()
        // AsyncHTTPClient retries a refused connection until its connect timeout; keep that short here.
        let httpClient = HTTPClient(
            eventLoopGroupProvider: .singleton,
            configuration: HTTPClient.Configuration(timeout: .init(connect: .milliseconds(500)))
        )
        let configuration = TwilioConfiguration(accountSID: Self.sid, authToken: Self.token, fromNumber: "+15005550006", baseURL: server.baseURL)
        let client = TwilioClient(configuration: configuration, httpClient: httpClient, logger: RecordingLogHandler.logger().0)
        var failure: (any Error)?
        do {
            _ = try await client.sendSMS(to: "+15005550006", body: "x")
        } catch {
            failure = error
        }
        try await httpClient.shutdown()
        let error = try #require(failure as? DeliveryError)
        #expect(error.errorCode == .connectionFailed)
        #expect(error.isTransient)
    }

    // MARK: - Configuration

    @Test("optional settings: nil unless SID, token and sender are set; base URL optional")
    func settings() throws {
        #expect(try TwilioConfiguration.optional(accountSID: nil, authToken: nil, from: nil, baseURL: nil) == nil)
        #expect(try TwilioConfiguration.optional(accountSID: Self.sid, authToken: Self.token, from: " ", baseURL: nil) == nil)
        func full(base: String?) throws -> TwilioConfiguration? {
            try TwilioConfiguration.optional(accountSID: Self.sid, authToken: Self.token, from: "+15005550006", baseURL: base)
        }
        let configuration = try #require(try full(base: nil))
        #expect(configuration.baseURL == "https://api.twilio.com")
        #expect(configuration.accountSID == Self.sid)
        #expect(configuration.authToken == Self.token)
        #expect(configuration.fromNumber == "+15005550006")
        #expect(try full(base: "http://127.0.0.1:9999/")?.baseURL == "http://127.0.0.1:9999")
        #expect(throws: DeliveryError.invalidConfiguration()) { try full(base: "ftp://example.com") }
    }

    @Test("The token never shows in description, debugDescription or dump")
    func tokenNotShown() {
        let configuration = TwilioConfiguration(accountSID: Self.sid, authToken: Self.token, fromNumber: "+15005550006")
        var dumped = ""
        dump(configuration, to: &dumped)
        for text in [configuration.description, String(reflecting: configuration), "\(configuration)", dumped] {
            #expect(!text.contains(Self.token))
            #expect(text.contains(Self.sid))
        }
        var signatureDump = ""
        dump(TwilioSignature(authToken: Self.token), to: &signatureDump)
        #expect(!signatureDump.contains(Self.token))
    }
}
