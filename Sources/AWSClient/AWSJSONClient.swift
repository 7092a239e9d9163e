import AWSProtocol
import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1

/// A client for one AWS JSON 1.1 API (the `X-Amz-Target` protocol): real AWS (the Support API) or a Hikeshi server
/// (its `hikeshi` API, or its `support` API as an upstream desk).
///
/// Each call is one `POST` to the endpoint's path (`/` when it has none) with `Content-Type:
/// application/x-amz-json-1.1`, `X-Amz-Target: <targetPrefix>.<operation>` and the input encoded with
/// ``AWSJSONCoding/encoder``, signed with SigV4 for `region` and `signingName`. A 2xx answer is decoded with
/// ``AWSJSONCoding/decoder``; anything else becomes an ``AWSClientError`` (see ``AWSClientError/isRetryable``). The
/// client does not retry: its callers (durable jobs, the command line) decide.
///
/// Logs (debug level) carry `aws.target`, `http.status`, `aws.request_id`, `aws.duration_ms` and, on failure,
/// `aws.error_code` and `aws.retryable`; never the secret, the session token, the `Authorization` header or a body.
public struct AWSJSONClient: Sendable, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The default largest answer read: 64 MiB, since attachments travel as base64.
    public static let defaultResponseLimit = 64 << 20

    /// The API's endpoint, e.g. `https://support.us-east-1.amazonaws.com` or `http://127.0.0.1:4750`.
    public let endpoint: URL
    /// The region signed for.
    public let region: String
    /// The signing name of the API, e.g. `support` or `hikeshi`.
    public let signingName: String
    /// The `X-Amz-Target` prefix, e.g. `AWSSupport_20130415` or `Hikeshi_20261121`.
    public let targetPrefix: String
    /// How long one call may take, answer included. AsyncHTTPClient keeps retrying a refused connection until then, so
    /// an endpoint that is down fails with a ``AWSClientError/Kind/transport`` error only once this has passed.
    public let timeout: Duration
    /// The largest answer body read, in bytes; a larger one is an ``AWSClientError/Kind/invalidResponse``.
    public let responseLimit: Int
    private let signer: SigV4Signer
    private let httpClient: HTTPClient
    private let logger: Logger
    private let now: @Sendable () -> Date

    /// Makes a client.
    ///
    /// - Parameters:
    ///   - endpoint: The API's endpoint (`http` or `https`); its path, if any, is where calls are posted.
    ///   - region: The region signed for (`us-east-1` for the AWS Support API).
    ///   - signingName: The signing name (`support`, `hikeshi`).
    ///   - targetPrefix: The `X-Amz-Target` prefix (`AWSSupport_20130415`, `Hikeshi_20261121`).
    ///   - credentials: The access key calls are signed with.
    ///   - httpClient: The HTTP client; its owner shuts it down.
    ///   - timeout: How long one call may take, answer included.
    ///   - responseLimit: The largest answer body read, in bytes.
    ///   - logger: Where calls are logged (debug level).
    ///   - now: The clock that dates signatures.
    public init(
        endpoint: URL,
        region: String,
        signingName: String,
        targetPrefix: String,
        credentials: AWSCredentials,
        httpClient: HTTPClient = .shared,
        timeout: Duration = .seconds(30),
        responseLimit: Int = AWSJSONClient.defaultResponseLimit,
        logger: Logger = Logger(label: "hikeshi.aws-client"),
        now: @escaping @Sendable () -> Date = { Date() }
    ) {
        self.endpoint = endpoint
        self.region = region
        self.signingName = signingName
        self.targetPrefix = targetPrefix
        self.timeout = timeout
        self.responseLimit = responseLimit
        self.signer = SigV4Signer(
            accessKeyID: credentials.accessKeyID, secretAccessKey: credentials.secretAccessKey, sessionToken: credentials.sessionToken,
            region: region, service: signingName)
        self.httpClient = httpClient
        self.logger = logger
        self.now = now
    }

    /// Calls `operation` with `input` and decodes its output.
    ///
    /// - Parameters:
    ///   - operation: The operation's name, e.g. `CreateCase`.
    ///   - input: The input shape, encoded with ``AWSJSONCoding/encoder``.
    ///   - output: The output shape, decoded with ``AWSJSONCoding/decoder`` (an empty body decodes as `{}`).
    /// - Returns: The decoded output.
    /// - Throws: ``AWSClientError``: the service's error for a non-2xx answer, a transport failure or timeout, an
    ///   answer that cannot be decoded or is larger than ``responseLimit``, an input that cannot be encoded.
    public func call<Input: Encodable & Sendable, Output: Decodable & Sendable>(
        _ operation: String,
        _ input: Input,
        as output: Output.Type = Output.self
    ) async throws(AWSClientError) -> Output {
        let target = "\(targetPrefix).\(operation)"
        let fields = [(name: "Content-Type", value: "application/x-amz-json-1.1"), (name: "X-Amz-Target", value: target)]
        return try await exchange(operation, label: target, input: input, method: "POST", url: endpoint, fields: fields, as: output)
    }

    /// Calls an operation of a REST-JSON API (such as `ssm-incidents`): `method` on `path` below the endpoint's, with
    /// `query` (percent-encoded here) and, for `POST`, `body` as the JSON body (`nil`: none).
    ///
    /// The caller places each member where the service model binds it (URI label, query string or body); the answer
    /// is read as ``call(_:_:as:)`` reads one.
    public func callREST<Body: Encodable & Sendable, Output: Decodable & Sendable>(
        _ operation: String,
        method: String,
        path: String,
        query: [(name: String, value: String)] = [],
        body: Body?,
        as output: Output.Type = Output.self
    ) async throws(AWSClientError) -> Output {
        guard var components = URLComponents(url: endpoint, resolvingAgainstBaseURL: true) else {
            throw .invalidRequest("the endpoint \(Self.redacted(endpoint)) cannot be used")
        }
        let base = components.percentEncodedPath.hasSuffix("/") ? String(components.percentEncodedPath.dropLast()) : components.percentEncodedPath
        components.percentEncodedPath = base + path
        components.percentEncodedQuery =
            query.isEmpty ? nil : query.map { "\(Self.percentEncoded($0.name))=\(Self.percentEncoded($0.value))" }.joined(separator: "&")
        guard let url = components.url else {
            throw .invalidRequest("the path of \(operation) cannot be used")
        }
        let fields = body == nil ? [] : [(name: "Content-Type", value: "application/json")]
        return try await exchange(operation, label: "\(signingName).\(operation)", input: body, method: method, url: url, fields: fields, as: output)
    }

    /// Encodes, sends, checks and decodes one call.
    private func exchange<Input: Encodable & Sendable, Output: Decodable & Sendable>(
        _ operation: String,
        label: String,
        input: Input?,
        method: String,
        url: URL,
        fields: [(name: String, value: String)],
        as output: Output.Type
    ) async throws(AWSClientError) -> Output {
        var logger = self.logger
        logger[metadataKey: "aws.target"] = "\(label)"
        let started = ContinuousClock.now
        do throws(AWSClientError) {
            var body = Data()
            if let input {
                do {
                    body = try AWSJSONCoding.encoder.encode(input)
                } catch {
                    throw AWSClientError.invalidRequest("the input of \(operation) cannot be encoded: \(error)")
                }
            }
            let answer = try await send(method: method, url: url, fields: fields, body: body, logger: logger)
            logger[metadataKey: "http.status"] = "\(answer.status)"
            logger[metadataKey: "aws.request_id"] = "\(answer.requestID ?? "")"
            guard (200...299).contains(answer.status) else {
                throw AWSClientError.service(status: answer.status, headers: answer.headers, body: Data(answer.body.readableBytesView))
            }
            let decoded = try Self.decode(output, from: answer, operation: operation)
            logger.debug("AWS call succeeded", metadata: ["aws.duration_ms": "\(Self.milliseconds(since: started))"])
            return decoded
        } catch {
            logger.debug(
                "AWS call failed",
                metadata: [
                    "aws.duration_ms": "\(Self.milliseconds(since: started))", "aws.error": "\(error)",
                    "aws.error_code": "\(error.code ?? "")", "aws.retryable": "\(error.isRetryable)",
                ])
            throw error
        }
    }

    /// The endpoint, scope and target prefix; never the secret.
    public var description: String {
        "AWSJSONClient(endpoint: \(Self.redacted(endpoint)), region: \(region), signingName: \(signingName), "
            + "targetPrefix: \(targetPrefix), accessKeyID: \(signer.accessKeyID))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror with the endpoint, scope, target prefix and key id; never the secret, the HTTP client or the logger.
    public var customMirror: Mirror {
        Mirror(
            self,
            children: [
                "endpoint": Self.redacted(endpoint), "region": region, "signingName": signingName, "targetPrefix": targetPrefix,
                "accessKeyID": signer.accessKeyID,
            ],
            displayStyle: .struct)
    }

    // MARK: - HTTP

    /// An answer as read: status, header fields and body.
    private struct Answer {
        var status: Int
        var headers: [(name: String, value: String)]
        var body: ByteBuffer

        /// The `x-amzn-RequestId` field, if any.
        var requestID: String? {
            headers.first { $0.name.caseInsensitiveCompare("x-amzn-RequestId") == .orderedSame }?.value
        }
    }

    /// Signs and sends `body` (with `fields`) to `url`, and reads the answer whatever its status.
    private func send(
        method: String, url: URL, fields: [(name: String, value: String)], body: Data, logger: Logger
    ) async throws(AWSClientError) -> Answer {
        guard let scheme = endpoint.scheme?.lowercased(), scheme == "http" || scheme == "https", let host = endpoint.host, !host.isEmpty
        else {
            throw .invalidRequest("the endpoint \(Self.redacted(endpoint)) is not an http or https URL with a host")
        }
        var request = HTTPClientRequest(url: url.absoluteString)
        request.method = HTTPMethod(rawValue: method)
        for field in fields + signer.sign(method: method, url: url, headers: fields, body: body, date: now()) {
            request.headers.add(name: field.name, value: field.value)
        }
        request.headers.add(name: "User-Agent", value: "hikeshi")
        if method != "GET" || !body.isEmpty {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let deadline = NIODeadline.now() + TimeAmount(timeout)
        let response: HTTPClientResponse
        do {
            response = try await httpClient.execute(request, deadline: deadline, logger: logger)
        } catch {
            throw Self.transportError(error, endpoint: endpoint)
        }
        let status = Int(response.status.code)
        let headers = response.headers.map { (name: $0.name, value: $0.value) }
        do {
            let bytes = try await response.body.collect(upTo: responseLimit)
            return Answer(status: status, headers: headers, body: bytes)
        } catch is NIOTooManyBytesError {
            let partial = Answer(status: status, headers: headers, body: ByteBuffer())
            throw .invalidResponse(
                "the answer from \(Self.redacted(endpoint)) is larger than \(responseLimit) bytes", statusCode: status,
                requestID: partial.requestID)
        } catch {
            throw Self.transportError(error, endpoint: endpoint)
        }
    }

    /// Decodes a 2xx answer's body; an empty one as `{}`.
    private static func decode<Output: Decodable>(_ type: Output.Type, from answer: Answer, operation: String) throws(AWSClientError) -> Output {
        var data = Data(answer.body.readableBytesView)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            data = Data("{}".utf8)
        }
        do {
            return try AWSJSONCoding.decoder.decode(type, from: data)
        } catch {
            throw .invalidResponse(
                "the answer to \(operation) cannot be decoded as \(Output.self): \(error)", statusCode: answer.status, requestID: answer.requestID)
        }
    }

    /// Maps an error of AsyncHTTPClient or NIO to an ``AWSClientError``.
    static func transportError(_ error: any Error, endpoint: URL) -> AWSClientError {
        let place = redacted(endpoint)
        if error is CancellationError {
            return .cancelled()
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .cancelled:
                return .cancelled()
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return .timeout("no answer from \(place) in time (\(error))")
            case .invalidURL, .emptyHost, .emptyScheme:
                return .invalidRequest("the endpoint \(place) cannot be used (\(error))")
            default:
                return .transport("the call to \(place) failed: \(error)")
            }
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return .timeout("connecting to \(place) timed out")
        }
        return .transport("the call to \(place) failed: \(error)")
    }

    /// `text` percent-encoded as SigV4 wants query names and values: everything but RFC 3986's unreserved characters.
    public static func percentEncoded(_ text: String) -> String {
        var unreserved = CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        unreserved.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// The URL without any user or password, for messages and logs.
    static func redacted(_ url: URL) -> String {
        guard url.user != nil || url.password != nil, var components = URLComponents(url: url, resolvingAgainstBaseURL: true) else {
            return url.absoluteString
        }
        components.user = nil
        components.password = nil
        return components.string ?? "(endpoint)"
    }

    /// Whole milliseconds since `start`, for log metadata.
    private static func milliseconds(since start: ContinuousClock.Instant) -> Int64 {
        let elapsed = ContinuousClock.now - start
        return elapsed.components.seconds * 1000 + elapsed.components.attoseconds / 1_000_000_000_000_000
    }
}
