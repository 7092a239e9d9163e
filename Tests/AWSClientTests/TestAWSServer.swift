import AWSProtocol
import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Logging
import NIOCore
import Synchronization
import Testing

/// A small AWS JSON 1.1 service on 127.0.0.1 for the client's tests, served by Hummingbird: every call's signature
/// is checked by the project's own `SigV4Verifier` (a failure answers 403 with the verifier's error, as the real
/// server does), the `X-Amz-Target` prefix is checked, each call is recorded, and the responder answers the rest.
enum TestAWSServer {
    /// One call as the server received it.
    struct Call: Sendable {
        /// The method, such as `POST`.
        var method: String
        /// The path, as received.
        var path: String
        /// The query string, as received (percent-encoded), if any.
        var query: String? = nil
        /// The header fields, as received (the HTTP layer keeps `Host` apart, in `authority`).
        var headers: [(name: String, value: String)]
        /// The `Host` value.
        var authority: String?
        /// The body.
        var body: Data
        /// Who signed the call, when the signature verified.
        var identity: SigV4Identity?

        /// The first value of a header, case-insensitively.
        func header(_ name: String) -> String? {
            headers.first { $0.name.lowercased() == name.lowercased() }?.value
        }

        /// The body as a JSON object, if it is one.
        var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: body)) as? [String: Any]
        }
    }

    /// A canned answer.
    struct Answer: Sendable {
        /// The status code.
        var status: Int = 200
        /// The body.
        var body: String
        /// Extra header fields.
        var headers: [(name: String, value: String)] = [("x-amzn-RequestId", "req-0001")]
    }

    /// The calls received, in order.
    final class Recorder: Sendable {
        private let calls = Mutex<[Call]>([])

        /// Adds a call.
        func record(_ call: Call) {
            calls.withLock { $0.append(call) }
        }

        /// Every call so far.
        var all: [Call] {
            calls.withLock { $0 }
        }

        /// The only call; fails when there was not exactly one.
        func only(sourceLocation: SourceLocation = #_sourceLocation) throws -> Call {
            let all = self.all
            try #require(all.count == 1, "expected one call, saw \(all.count)", sourceLocation: sourceLocation)
            return try #require(all.first, sourceLocation: sourceLocation)
        }
    }

    /// Runs `body` with the URL of a live server that checks signatures with `secrets` for `signingName` as of `now`,
    /// expects targets starting with `targetPrefix.` (or, when it is `nil`, serves REST-JSON: `GET` and `POST` on any
    /// path, no target), serves `path` and answers verified calls with `respond`.
    static func with<T: Sendable>(
        path: String = "/",
        secrets: [String: String],
        signingName: String,
        targetPrefix: String?,
        now: Date,
        respond: @escaping @Sendable (Call) async -> Answer,
        _ body: @Sendable (URL, Recorder) async throws -> T
    ) async throws -> T {
        let recorder = Recorder()
        let verifier = SigV4Verifier(keys: SigV4StaticKeyStore(secrets), now: { now })
        let router = Router()
        let handler: @Sendable (Request, BasicRequestContext) async throws -> Response = { request, _ in
            var request = request
            let bytes = try await request.collectBody(upTo: 1 << 20)
            var call = Call(
                method: request.method.rawValue,
                path: request.uri.path,
                headers: request.headers.map { (name: $0.name.canonicalName, value: $0.value) },
                authority: request.head.authority,
                body: Data(bytes.readableBytesView)
            )
            call.query = request.uri.query
            let signed = SigV4Request(
                method: call.method, path: call.path, query: request.uri.query, headers: call.headers, authority: call.authority,
                body: call.body)
            do {
                call.identity = try await verifier.verify(signed, service: signingName)
            } catch let error as AWSError {
                recorder.record(call)
                return Self.response(Answer(status: error.status, body: Self.errorBody(error.code, error.message)))
            }
            recorder.record(call)
            if let targetPrefix {
                guard let target = call.header("X-Amz-Target"), target.hasPrefix(targetPrefix + ".") else {
                    return Self.response(Answer(status: 400, body: Self.errorBody("UnknownOperationException", "Unknown target")))
                }
            }
            return Self.response(await respond(call))
        }
        if targetPrefix == nil {
            router.get("**", use: handler)
            router.post("**", use: handler)
        } else {
            router.post(RouterPath(path), use: handler)
        }
        var logger = Logger(label: "AWSClientTests.server")
        logger.logLevel = .error
        let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)), logger: logger)
        return try await app.test(.live) { client in
            let port = try #require(client.port)
            let url = try #require(URL(string: "http://127.0.0.1:\(port)\(path == "/" ? "" : path)"))
            return try await body(url, recorder)
        }
    }

    /// An AWS JSON 1.1 error body.
    static func errorBody(_ type: String, _ message: String) -> String {
        let object = ["__type": type, "message": message]
        guard let data = try? JSONSerialization.data(withJSONObject: object) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func response(_ answer: Answer) -> Response {
        var fields = HTTPFields()
        fields[.contentType] = "application/x-amz-json-1.1"
        for header in answer.headers {
            if let name = HTTPField.Name(header.name) {
                fields.append(HTTPField(name: name, value: header.value))
            }
        }
        return Response(
            status: HTTPResponse.Status(code: answer.status), headers: fields, body: ResponseBody(byteBuffer: ByteBuffer(string: answer.body)))
    }
}
