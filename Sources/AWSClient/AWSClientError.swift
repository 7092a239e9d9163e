import Foundation

/// Why a call to an AWS-style API failed, or why credentials could not be found: the one error type of `AWSClient`.
///
/// ``kind`` says what went wrong; for ``Kind/service`` errors ``code`` is the AWS error code (`ThrottlingException`,
/// `ValidationException`, …) and ``statusCode`` the HTTP status. ``isRetryable`` says whether the same call may
/// succeed later: throttling, HTTP 429 and 5xx, dropped connections and timeouts.
///
/// No error ever carries a secret access key, a session token or an `Authorization` header.
public struct AWSClientError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of failure.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Base: Hashable, Sendable {
            case service
            case transport
            case timeout
            case invalidResponse
            case invalidRequest
            case credentials
            case cancelled
        }

        private let base: Base

        private init(_ base: Base) {
            self.base = base
        }

        /// The service answered with an error (any non-2xx status). Retryable for throttling, 429 and 5xx.
        public static let service = Kind(.service)
        /// The connection could not be made or was lost before the answer was read. Retryable.
        public static let transport = Kind(.transport)
        /// Connecting or waiting for the answer took longer than the client's timeout. Retryable.
        public static let timeout = Kind(.timeout)
        /// A 2xx answer that could not be read (not JSON, not the expected shape, too large). Not retryable: the call
        /// was probably carried out.
        public static let invalidResponse = Kind(.invalidResponse)
        /// The request could not be made: an endpoint that is not an `http`/`https` URL, an input that cannot be
        /// encoded. Not retryable.
        public static let invalidRequest = Kind(.invalidRequest)
        /// No usable credentials: missing variables, an unreadable credentials file, an unknown profile. Not retryable.
        public static let credentials = Kind(.credentials)
        /// The calling task was cancelled. Not retryable.
        public static let cancelled = Kind(.cancelled)

        /// A short description of the kind.
        public var description: String {
            switch base {
            case .service: "service error"
            case .transport: "transport failure"
            case .timeout: "timed out"
            case .invalidResponse: "invalid response"
            case .invalidRequest: "invalid request"
            case .credentials: "credentials unavailable"
            case .cancelled: "cancelled"
            }
        }
    }

    /// What went wrong.
    public let kind: Kind
    /// The AWS error code (the error shape's name, e.g. `ThrottlingException`) of a ``Kind/service`` error, when the
    /// answer named one.
    public let code: String?
    /// What happened: the service's own message for a ``Kind/service`` error, else a sentence for operators.
    public let message: String
    /// The HTTP status of the answer, when there was one.
    public let statusCode: Int?
    /// The service's request id (`x-amzn-RequestId`), when the answer carried one.
    public let requestID: String?

    /// Makes an error; the static factories below are the usual way.
    ///
    /// - Parameters:
    ///   - kind: What went wrong.
    ///   - code: The AWS error code, if any.
    ///   - message: What happened; must not hold secrets.
    ///   - statusCode: The HTTP status, if any.
    ///   - requestID: The service's request id, if any.
    public init(kind: Kind, code: String? = nil, message: String, statusCode: Int? = nil, requestID: String? = nil) {
        self.kind = kind
        self.code = code
        self.message = message
        self.statusCode = statusCode
        self.requestID = requestID
    }

    /// Error codes that mean "slow down", as botocore's standard retry mode lists them.
    public static let throttlingCodes: Set<String> = [
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
        "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
        "EC2ThrottledException",
    ]

    /// Error codes of transient failures whatever their status, as botocore's standard retry mode lists them.
    public static let transientCodes: Set<String> = ["RequestTimeout", "RequestTimeoutException", "PriorRequestNotComplete"]

    /// Whether the same call may succeed if made again later.
    ///
    /// Service errors are retryable when their code is a throttling or transient one (``throttlingCodes``,
    /// ``transientCodes``) or their status is 429 or 5xx; transport failures and timeouts always are; everything else
    /// is not.
    public var isRetryable: Bool {
        switch kind {
        case .service:
            if let code, Self.throttlingCodes.contains(code) || Self.transientCodes.contains(code) {
                return true
            }
            guard let statusCode else { return false }
            return statusCode == 429 || (500...599).contains(statusCode)
        case .transport, .timeout:
            return true
        default:
            return false
        }
    }

    /// One line for logs and people: the code and status of a service error, or the kind, then the message, the
    /// request id and whether a retry may help.
    public var description: String {
        var text = kind == .service ? (code ?? "service error") : kind.description
        if let statusCode {
            text += " (HTTP \(statusCode))"
        }
        if !message.isEmpty {
            text += ": " + message
        }
        if let requestID {
            text += " [request \(requestID)]"
        }
        if isRetryable {
            text += " (retryable)"
        }
        return Self.oneLine(text)
    }

    // MARK: - Factories

    /// A failure to connect, or a connection lost before the answer was read (retryable).
    public static func transport(_ message: String) -> AWSClientError {
        AWSClientError(kind: .transport, message: message)
    }

    /// A connect or an answer that took too long (retryable).
    public static func timeout(_ message: String) -> AWSClientError {
        AWSClientError(kind: .timeout, message: message)
    }

    /// An answer that could not be read.
    public static func invalidResponse(_ message: String, statusCode: Int? = nil, requestID: String? = nil) -> AWSClientError {
        AWSClientError(kind: .invalidResponse, message: message, statusCode: statusCode, requestID: requestID)
    }

    /// A request that could not be made.
    public static func invalidRequest(_ message: String) -> AWSClientError {
        AWSClientError(kind: .invalidRequest, message: message)
    }

    /// Credentials that could not be found or read.
    public static func credentials(_ message: String) -> AWSClientError {
        AWSClientError(kind: .credentials, message: message)
    }

    /// A call given up because its task was cancelled.
    public static func cancelled(_ message: String = "the call was cancelled") -> AWSClientError {
        AWSClientError(kind: .cancelled, message: message)
    }

    /// The service error an AWS JSON answer with a non-2xx status describes, as botocore reads it.
    ///
    /// The code is the body's `__type`, else the `x-amzn-ErrorType` header, cut at the first `:` and after the last
    /// `#` (`com.amazon.coral#ThrottlingException` → `ThrottlingException`); the message is the body's `message` or
    /// `Message`, else the start of a body that is not AWS JSON.
    ///
    /// - Parameters:
    ///   - status: The HTTP status.
    ///   - headers: The answer's header fields.
    ///   - body: The answer's body.
    public static func service(status: Int, headers: [(name: String, value: String)], body: some DataProtocol) -> AWSClientError {
        let bytes = Data(body)
        let object = (try? JSONSerialization.jsonObject(with: bytes)) as? [String: Any]
        let header = { (name: String) in
            headers.first { $0.name.caseInsensitiveCompare(name) == .orderedSame }?.value
        }
        let rawCode = (object?["__type"] as? String) ?? header("x-amzn-ErrorType")
        let code = rawCode.flatMap(errorCode(_:))
        var message = (object?["message"] as? String) ?? (object?["Message"] as? String) ?? ""
        if object == nil, !bytes.isEmpty {
            message = excerpt(of: bytes)
        }
        let requestID = header("x-amzn-RequestId") ?? header("x-amz-request-id")
        return AWSClientError(kind: .service, code: code, message: message, statusCode: status, requestID: requestID)
    }

    /// The AWS error code in a `__type` or `x-amzn-ErrorType` value: before the first `:`, after the last `#`; `nil`
    /// when nothing is left.
    static func errorCode(_ raw: String) -> String? {
        var code = Substring(raw)
        if let colon = code.firstIndex(of: ":") {
            code = code[..<colon]
        }
        if let hash = code.lastIndex(of: "#") {
            code = code[code.index(after: hash)...]
        }
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        return trimmed.isEmpty ? nil : trimmed
    }

    /// The start of a body that is not JSON (an HTML error page from a proxy, say), on one line.
    private static func excerpt(of body: Data) -> String {
        let limit = 200
        let text = String(decoding: body.prefix(limit), as: UTF8.self)
        let line = oneLine(text).trimmingCharacters(in: .whitespaces)
        return body.count > limit ? line + "…" : line
    }

    /// `text` with every run of line breaks and tabs turned into one space.
    private static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: { $0.isNewline || $0 == "\t" }).joined(separator: " ")
    }
}
