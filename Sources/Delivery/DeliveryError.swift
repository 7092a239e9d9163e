/// Errors thrown by the delivery clients (SMTP email, Twilio SMS and voice).
///
/// Each error says whether the failure is permanent (retrying the same delivery cannot help: a mailbox that
/// does not exist, an invalid phone number, rejected credentials, a bad configuration) or transient (a timeout,
/// a 4xx SMTP reply, an HTTP 5xx or 429, a dropped connection), so the caller's retry logic can decide.
///
/// Two errors are equal when their ``errorCode`` is; ``statusCode``, ``providerCode`` and ``message`` carry the
/// details. No error ever carries a password, an auth token or a message body.
public struct DeliveryError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The kinds of delivery failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private enum _Code: Hashable, Sendable {
            case invalidConfiguration
            case invalidMessage
            case connectionFailed
            case timeout
            case tlsFailed
            case tlsUnavailable
            case authenticationUnavailable
            case smtpRejected
            case protocolViolation
            case httpRejected
            case invalidResponse
        }

        private let code: _Code

        private init(_ code: _Code) {
            self.code = code
        }

        /// A short description of the kind of failure.
        public var description: String {
            switch self.code {
            case .invalidConfiguration: "invalid delivery configuration"
            case .invalidMessage: "invalid message"
            case .connectionFailed: "connection failed"
            case .timeout: "timed out"
            case .tlsFailed: "TLS failed"
            case .tlsUnavailable: "TLS unavailable"
            case .authenticationUnavailable: "authentication unavailable"
            case .smtpRejected: "rejected by the SMTP server"
            case .protocolViolation: "protocol violation"
            case .httpRejected: "rejected by the HTTP API"
            case .invalidResponse: "invalid response"
            }
        }

        /// A configuration (URL, address, credentials) that cannot work. Permanent.
        public static let invalidConfiguration = Code(.invalidConfiguration)
        /// A message that cannot be sent as it is (no recipient, a line break in an address). Permanent.
        public static let invalidMessage = Code(.invalidMessage)
        /// The connection could not be made or was lost. Transient.
        public static let connectionFailed = Code(.connectionFailed)
        /// Connecting, or waiting for a reply, took longer than allowed. Transient.
        public static let timeout = Code(.timeout)
        /// The TLS handshake failed (including certificate verification). Transient.
        public static let tlsFailed = Code(.tlsFailed)
        /// TLS is required but the server does not offer STARTTLS. Permanent.
        public static let tlsUnavailable = Code(.tlsUnavailable)
        /// Credentials are configured but cannot be used: the server offers no usable AUTH mechanism, or the
        /// connection is not encrypted and plaintext authentication is not allowed. Permanent.
        public static let authenticationUnavailable = Code(.authenticationUnavailable)
        /// The SMTP server replied with an error: 5xx is permanent, 4xx transient. ``DeliveryError/statusCode`` is
        /// the reply code.
        public static let smtpRejected = Code(.smtpRejected)
        /// The peer broke the protocol (an unparseable SMTP reply, an unexpected reply code). Transient.
        public static let protocolViolation = Code(.protocolViolation)
        /// The HTTP API answered with a non-2xx status: 408, 429 and 5xx are transient, other statuses permanent.
        /// ``DeliveryError/statusCode`` is the HTTP status, ``DeliveryError/providerCode`` Twilio's error code.
        public static let httpRejected = Code(.httpRejected)
        /// The HTTP API answered 2xx with a body that could not be read. Permanent, because the request was probably
        /// carried out: retrying could deliver twice.
        public static let invalidResponse = Code(.invalidResponse)
    }

    /// The kind of failure; the only thing compared by `==`.
    public let errorCode: Code
    /// Whether retrying the same delivery cannot help.
    public let isPermanent: Bool
    /// The SMTP reply code or the HTTP status that reported the failure, when there was one.
    public let statusCode: Int?
    /// The provider's own error code (Twilio's `code`, such as 21211 for an invalid `To` number), when there was one.
    public let providerCode: Int?
    /// What happened, for logs and operators; the server's own words when it gave some. Never holds secrets.
    public let message: String

    /// Whether retrying the same delivery later may succeed.
    public var isTransient: Bool { !self.isPermanent }

    /// Makes an error. The factory methods below pick the usual permanence for each kind.
    ///
    /// - Parameters:
    ///   - code: The kind of failure.
    ///   - isPermanent: Whether retrying cannot help.
    ///   - statusCode: The SMTP reply code or HTTP status, if any.
    ///   - providerCode: The provider's error code, if any.
    ///   - message: What happened; must not hold secrets.
    public init(code: Code, isPermanent: Bool, statusCode: Int? = nil, providerCode: Int? = nil, message: String) {
        self.errorCode = code
        self.isPermanent = isPermanent
        self.statusCode = statusCode
        self.providerCode = providerCode
        self.message = message
    }

    /// A description with the kind, the codes, the permanence and the message.
    public var description: String {
        var text = "DeliveryError(\(self.errorCode)"
        if let statusCode = self.statusCode {
            text += ", status \(statusCode)"
        }
        if let providerCode = self.providerCode {
            text += ", code \(providerCode)"
        }
        text += self.isPermanent ? ", permanent" : ", transient"
        if !self.message.isEmpty {
            text += "): \(self.message)"
        } else {
            text += ")"
        }
        return text
    }

    /// Compares the ``errorCode`` only.
    public static func == (lhs: DeliveryError, rhs: DeliveryError) -> Bool {
        lhs.errorCode == rhs.errorCode
    }

    /// Hashes the ``errorCode`` only.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(self.errorCode)
    }

    // MARK: - Factories

    /// A configuration that cannot work (permanent).
    public static func invalidConfiguration(_ message: String = "") -> DeliveryError {
        DeliveryError(code: .invalidConfiguration, isPermanent: true, message: message)
    }

    /// A message that cannot be sent as it is (permanent).
    public static func invalidMessage(_ message: String = "") -> DeliveryError {
        DeliveryError(code: .invalidMessage, isPermanent: true, message: message)
    }

    /// A connection that could not be made or was lost (transient).
    public static func connectionFailed(_ message: String = "") -> DeliveryError {
        DeliveryError(code: .connectionFailed, isPermanent: false, message: message)
    }

    /// A connect or reply that took too long (transient).
    public static func timeout(_ message: String = "") -> DeliveryError {
        DeliveryError(code: .timeout, isPermanent: false, message: message)
    }

    /// A failed TLS handshake (transient).
    public static func tlsFailed(_ message: String = "") -> DeliveryError {
        DeliveryError(code: .tlsFailed, isPermanent: false, message: message)
    }

    /// TLS required but not offered (permanent).
    public static func tlsUnavailable(_ message: String = "") -> DeliveryError {
        DeliveryError(code: .tlsUnavailable, isPermanent: true, message: message)
    }

    /// Credentials that cannot be used on this connection (permanent).
    public static func authenticationUnavailable(_ message: String = "") -> DeliveryError {
        DeliveryError(code: .authenticationUnavailable, isPermanent: true, message: message)
    }

    /// An SMTP error reply: permanent for 5xx, transient otherwise.
    ///
    /// - Parameters:
    ///   - replyCode: The three-digit reply code.
    ///   - message: The reply text, or what was being done.
    public static func smtpRejected(replyCode: Int = 0, _ message: String = "") -> DeliveryError {
        DeliveryError(code: .smtpRejected, isPermanent: (500...599).contains(replyCode), statusCode: replyCode, message: message)
    }

    /// A broken protocol exchange (transient).
    public static func protocolViolation(_ message: String = "") -> DeliveryError {
        DeliveryError(code: .protocolViolation, isPermanent: false, message: message)
    }

    /// A non-2xx HTTP answer: transient for 408, 429 and 5xx, permanent otherwise.
    ///
    /// - Parameters:
    ///   - status: The HTTP status code.
    ///   - providerCode: The provider's error code from the body, if any.
    ///   - message: The provider's error message, or the status text.
    public static func httpRejected(status: Int = 0, providerCode: Int? = nil, _ message: String = "") -> DeliveryError {
        let transient = status == 408 || status == 429 || (500...599).contains(status)
        return DeliveryError(code: .httpRejected, isPermanent: !transient, statusCode: status, providerCode: providerCode, message: message)
    }

    /// A 2xx answer whose body could not be read (permanent: the request was probably carried out).
    public static func invalidResponse(status: Int? = nil, _ message: String = "") -> DeliveryError {
        DeliveryError(code: .invalidResponse, isPermanent: true, statusCode: status, message: message)
    }
}
