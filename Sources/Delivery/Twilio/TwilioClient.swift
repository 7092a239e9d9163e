import AsyncHTTPClient
import Foundation
import HikeshiCore
import Logging
import NIOCore

/// Sends SMS and places voice calls through Twilio's REST API (`2010-04-01`), with HTTP Basic auth.
///
/// Failures are ``DeliveryError``s: a non-2xx reply is ``DeliveryError/Code/httpRejected`` with Twilio's `code`
/// and `message` (4xx permanent except 408 and 429, 5xx transient); timeouts and connection failures are
/// transient. A timeout after the request was sent may still have sent the message: retrying can deliver twice.
///
/// Logs carry `twilio.resource`, `http.status`, `twilio.sid` and `twilio.error_code`; never the token, the body
/// or the TwiML.
public struct TwilioClient: Sendable {
    /// The largest reply body read.
    static let maximumResponseBytes = 1 << 20

    /// The account this client uses.
    public let configuration: TwilioConfiguration
    private let httpClient: HTTPClient
    private let logger: Logger
    private let timeout: Duration

    /// Makes a client.
    ///
    /// - Parameters:
    ///   - configuration: The account, sender and base URL.
    ///   - httpClient: The HTTP client; its owner shuts it down.
    ///   - logger: Where requests are logged.
    ///   - timeout: How long one request may take, reply body included.
    public init(configuration: TwilioConfiguration, httpClient: HTTPClient, logger: Logger, timeout: Duration = .seconds(15)) {
        self.configuration = configuration
        self.httpClient = httpClient
        self.logger = logger
        self.timeout = timeout
    }

    /// Sends an SMS: `POST /2010-04-01/Accounts/{sid}/Messages.json` with `To`, `From`, `Body` and, when given,
    /// `StatusCallback`.
    ///
    /// - Parameters:
    ///   - to: The recipient's E.164 number.
    ///   - body: The text.
    ///   - statusCallback: A URL Twilio posts delivery status changes to.
    /// - Returns: The message SID and status.
    /// - Throws: ``DeliveryError``; ``DeliveryError/Code/invalidMessage`` when `to` is not an E.164 number.
    public func sendSMS(to: String, body: String, statusCallback: String? = nil) async throws -> TwilioReceipt {
        var fields = [(name: "To", value: try Self.phoneNumber(to)), ("From", self.configuration.fromNumber), ("Body", body)]
        if let statusCallback {
            fields.append(("StatusCallback", statusCallback))
        }
        return try await self.create("Messages", fields: fields)
    }

    /// Places a voice call that runs the given TwiML: `POST /2010-04-01/Accounts/{sid}/Calls.json` with `To`,
    /// `From`, `Twiml` and, when given, `StatusCallback`.
    ///
    /// - Parameters:
    ///   - to: The callee's E.164 number.
    ///   - twiml: The TwiML document the call runs (see ``TwiML``).
    ///   - statusCallback: A URL Twilio posts call status changes to.
    /// - Returns: The call SID and status.
    /// - Throws: ``DeliveryError``; ``DeliveryError/Code/invalidMessage`` when `to` is not an E.164 number.
    public func placeCall(to: String, twiml: String, statusCallback: String? = nil) async throws -> TwilioReceipt {
        var fields = [(name: "To", value: try Self.phoneNumber(to)), ("From", self.configuration.fromNumber), ("Twiml", twiml)]
        if let statusCallback {
            fields.append(("StatusCallback", statusCallback))
        }
        return try await self.create("Calls", fields: fields)
    }

    /// Places a voice call that runs a ``TwiML`` document.
    ///
    /// - Parameters:
    ///   - to: The callee's E.164 number.
    ///   - twiml: The document.
    ///   - statusCallback: A URL Twilio posts call status changes to.
    /// - Returns: The call SID and status.
    /// - Throws: ``DeliveryError``.
    public func placeCall(to: String, twiml: TwiML, statusCallback: String? = nil) async throws -> TwilioReceipt {
        try await self.placeCall(to: to, twiml: twiml.xml, statusCallback: statusCallback)
    }

    // MARK: - Requests

    private struct Resource: Decodable {
        let sid: String
        let status: String?
    }

    private struct Failure: Decodable {
        let code: Int?
        let message: String?
    }

    private func create(_ resource: String, fields: [(name: String, value: String)]) async throws -> TwilioReceipt {
        var logger = self.logger
        logger[metadataKey: "twilio.resource"] = "\(resource)"
        logger[metadataKey: "twilio.account_sid"] = "\(self.configuration.accountSID)"
        let account = FormEncoding.escape(self.configuration.accountSID)
        var request = HTTPClientRequest(url: "\(self.configuration.baseURL)/2010-04-01/Accounts/\(account)/\(resource).json")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Basic \(self.basicCredentials)")
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded; charset=utf-8")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "User-Agent", value: "hikeshi")
        request.body = .bytes(ByteBuffer(string: FormEncoding.encode(fields)))

        let status: Int
        let body: ByteBuffer
        let started = ContinuousClock.now
        do {
            let deadline = NIODeadline.now() + TimeAmount(self.timeout)
            let response = try await self.httpClient.execute(request, deadline: deadline, logger: logger)
            status = Int(response.status.code)
            body = try await response.body.collect(upTo: Self.maximumResponseBytes)
        } catch {
            if error is CancellationError {
                throw error
            }
            let failure = Self.deliveryError(error)
            logger.warning(
                "Twilio request failed",
                metadata: ["delivery.error": "\(failure)", "delivery.permanent": "\(failure.isPermanent)"]
            )
            throw failure
        }
        logger[metadataKey: "http.status"] = "\(status)"
        logger[metadataKey: "delivery.duration_ms"] = "\((ContinuousClock.now - started).milliseconds)"

        guard (200...299).contains(status) else {
            let failure = try? JSONDecoder().decode(Failure.self, from: Data(body.readableBytesView))
            let error = DeliveryError.httpRejected(
                status: status,
                providerCode: failure?.code,
                failure?.message ?? "Twilio answered HTTP \(status)"
            )
            logger.warning(
                "Twilio rejected the request",
                metadata: [
                    "twilio.error_code": "\(failure?.code.map(String.init) ?? "")",
                    "delivery.permanent": "\(error.isPermanent)",
                ]
            )
            throw error
        }
        guard let created = try? JSONDecoder().decode(Resource.self, from: Data(body.readableBytesView)) else {
            logger.error("Twilio accepted the request but its reply could not be read")
            throw DeliveryError.invalidResponse(status: status, "Twilio answered \(status) without a readable resource SID")
        }
        logger.info("Twilio accepted the request", metadata: ["twilio.sid": "\(created.sid)", "twilio.status": "\(created.status ?? "")"])
        return TwilioReceipt(sid: created.sid, status: created.status ?? "", httpStatus: status)
    }

    private var basicCredentials: String {
        Data("\(self.configuration.accountSID):\(self.configuration.authToken)".utf8).base64EncodedString()
    }

    private static func phoneNumber(_ text: String) throws -> String {
        guard DeliveryAddress.isPhoneNumber(text) else {
            throw DeliveryError.invalidMessage("not an E.164 phone number")
        }
        return text
    }

    /// Maps a transport error to a ``DeliveryError``.
    static func deliveryError(_ error: any Error) -> DeliveryError {
        if let error = error as? DeliveryError {
            return error
        }
        if let error = error as? HTTPClientError {
            switch error {
            case .deadlineExceeded, .readTimeout, .writeTimeout, .connectTimeout, .tlsHandshakeTimeout, .getConnectionFromPoolTimeout:
                return .timeout("Twilio request timed out (\(error))")
            case .invalidURL, .emptyHost, .emptyScheme:
                return .invalidConfiguration("Twilio base URL is invalid (\(error))")
            default:
                return .connectionFailed("Twilio request failed: \(error)")
            }
        }
        if let error = error as? ChannelError, case .connectTimeout = error {
            return .timeout("connecting to Twilio timed out")
        }
        return .connectionFailed("Twilio request failed: \(error)")
    }
}
