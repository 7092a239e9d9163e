import AWSProtocol
import Foundation
import HTTPTypes
import HikeshiCore
import Hummingbird
import Logging
import NIOCore

/// The AWS Security Token Service's one operation a newcomer reaches for first: `GetCallerIdentity`, so that
/// `aws sts get-caller-identity` and boto3 show which account and key a configuration talks as.
///
/// STS speaks the AWS *query* protocol: a form-encoded `POST /` (`Action=GetCallerIdentity&Version=2011-06-15`), signed
/// for the service `sts`, answered in XML; errors are `<ErrorResponse>` documents. Every call is authenticated exactly as
/// the JSON APIs are (the same verifier, key store and error codes) and counts against the key's rate; any other action
/// is `InvalidAction`. Nothing is changed, so nothing is audited.
struct STSEndpoint: Sendable {
    /// The signing name and the service's name in metrics and logs.
    static let service = "sts"
    /// The API version the answers are written for.
    static let version = "2011-06-15"
    /// The XML namespace of every answer.
    static let namespace = "https://sts.amazonaws.com/doc/2011-06-15/"
    /// The largest form accepted: GetCallerIdentity takes no parameters, so a few KiB is plenty.
    static let maxBodySize = 64 * 1024

    private let verifier: SigV4Verifier
    private let metrics: RequestMetrics
    private let throttle: TokenBuckets
    private let logger: Logger

    /// The endpoint checking signatures against `keys`; `throttle` is the JSON APIs' own buckets, so one key has one rate.
    init(keys: any SigV4KeyStore, metrics: RequestMetrics, throttle: TokenBuckets, logger: Logger) {
        self.verifier = SigV4Verifier(keys: keys)
        self.metrics = metrics
        self.throttle = throttle
        self.logger = logger
    }

    /// Whether `request` is a query-protocol call: a form-encoded `POST /` without `X-Amz-Target`.
    static func matches(_ request: Request) -> Bool {
        guard request.method == .post, request.uri.path == "/" || request.uri.path.isEmpty, request.headers[.amzTarget] == nil,
            let type = request.headers[.contentType]
        else { return false }
        return type.lowercased().hasPrefix("application/x-www-form-urlencoded")
    }

    /// Answers a query-protocol call; never throws: every failure becomes an `<ErrorResponse>`.
    func respond(to request: Request) async -> Response {
        let started = ContinuousClock.now
        let requestID = RequestID.next()
        var logger = self.logger
        logger.handler.metadata.merge(["request.id": .string(requestID), "aws.service": .string(Self.service)]) { _, new in new }
        var operation = "unknown"
        var accountID = "-"
        var response: Response
        do {
            var request = request
            let body = try await request.readBody(upTo: Self.maxBodySize)
            let data = Data(buffer: body, byteTransferStrategy: .noCopy)
            let identity = try await verifier.verify(AWSEndpoint.sigV4Request(request, body: data), service: Self.service)
            guard let account = identity.owner else {
                throw AWSError(code: "UnrecognizedClientException", message: "The security token included in the request is invalid.", status: 403)
            }
            accountID = account
            logger[metadataKey: "aws.account"] = .string(account)
            if case .throttled(let wait) = throttle.take(identity.accessKeyID) {
                throw AWSError(code: "Throttling", message: "Rate exceeded: retry after \(max(1, Int(wait.rounded(.up)))) s", status: 400)
            }
            let form = QueryString.parse(String(decoding: data, as: UTF8.self))
            guard let action = form.first(where: { $0.0 == "Action" })?.1, !action.isEmpty else {
                throw AWSError(code: "MissingAction", message: "Missing Action", status: 400)
            }
            guard action == "GetCallerIdentity" else {
                throw AWSError(code: "InvalidAction", message: "Could not find operation \(action) for version \(Self.version)", status: 400)
            }
            operation = action
            logger[metadataKey: "aws.operation"] = .string(action)
            let caller = AWSRequestContext(
                accountID: account, region: identity.region, accessKeyID: identity.accessKeyID, requestID: requestID, logger: logger)
            response = Self.reply(status: .ok, xml: Self.callerIdentity(caller), requestID: requestID)
        } catch {
            let failure = Self.awsError(error, requestID: requestID, logger: logger)
            response = Self.reply(
                status: HTTPResponse.Status(code: failure.status), xml: Self.errorDocument(failure, requestID: requestID), requestID: requestID)
            if let bodyError = error as? RequestBodyError {
                response.headers.append(contentsOf: bodyError.headers)
            }
        }
        let elapsed = ContinuousClock.now - started
        let status = response.status.code
        metrics.record(service: Self.service, operation: operation, status: status, duration: elapsed)
        logger.info(
            "request",
            metadata: [
                "aws.account": .string(accountID), "aws.operation": .string(operation), "http.status": .stringConvertible(status),
                "latency.ms": .string(String(format: "%.2f", Double(elapsed.nanoseconds) / 1_000_000)),
            ])
        return response
    }

    /// The `GetCallerIdentity` answer for the caller: the account, the key as the user id, and the principal ARN the other
    /// APIs record as creator (`arn:aws:iam::<account>:user/<key id>`).
    static func callerIdentity(_ caller: AWSRequestContext) -> String {
        """
        <GetCallerIdentityResponse xmlns="\(namespace)">
          <GetCallerIdentityResult>
            <Arn>\(escape(caller.principalArn))</Arn>
            <UserId>\(escape(caller.accessKeyID))</UserId>
            <Account>\(escape(caller.accountID))</Account>
          </GetCallerIdentityResult>
          <ResponseMetadata>
            <RequestId>\(escape(caller.requestID))</RequestId>
          </ResponseMetadata>
        </GetCallerIdentityResponse>

        """
    }

    /// The query protocol's error document: `Sender` for the client's mistakes, `Receiver` for the server's.
    static func errorDocument(_ error: AWSError, requestID: String) -> String {
        """
        <ErrorResponse xmlns="\(namespace)">
          <Error>
            <Type>\(error.status >= 500 ? "Receiver" : "Sender")</Type>
            <Code>\(escape(error.code))</Code>
            <Message>\(escape(error.message))</Message>
          </Error>
          <RequestId>\(escape(requestID))</RequestId>
        </ErrorResponse>

        """
    }

    /// `text` as XML character data (also safe inside attribute values).
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    private static func awsError(_ error: any Error, requestID: String, logger: Logger) -> AWSError {
        switch error {
        case let error as RequestBodyError:
            switch error {
            case .tooLarge:
                return AWSError(code: "RequestEntityTooLarge", message: error.message, status: 413)
            case .malformed:
                return AWSError(code: "MalformedInput", message: error.message, status: 400)
            }
        case let error as any AWSErrorConvertible:
            return error.awsError
        default:
            logger.error("unexpected failure", metadata: ["error": .string(String(describing: error))])
            return AWSError.internalFailure(requestID: requestID)
        }
    }

    private static func reply(status: HTTPResponse.Status, xml: String, requestID: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = "text/xml"
        headers[.amznRequestID] = requestID
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(string: xml)))
    }
}
