import AWSProtocol
import Foundation

/// Where an upstream provider's Support API is, with its credentials opened for the call.
public struct UpstreamEndpoint: Sendable, CustomStringConvertible {
    /// The Support API endpoint.
    public var url: URL
    /// The region signed for.
    public var region: String
    /// The access key id.
    public var accessKeyID: String
    /// The secret access key.
    public var secretAccessKey: String
    /// The session token of temporary credentials.
    public var sessionToken: String?

    /// Creates a value.
    public init(url: URL, region: String, accessKeyID: String, secretAccessKey: String, sessionToken: String?) {
        self.url = url
        self.region = region
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    /// The endpoint, region and access key id; never the secret or the token.
    public var description: String {
        "UpstreamEndpoint(\(url.absoluteString), \(region), \(accessKeyID))"
    }
}

/// Why a call to an upstream Support API failed: the AWS error code when it answered with one, what it said, and
/// whether trying again later may succeed (unreachable, throttled, a server error).
public struct UpstreamFailure: Error, Sendable, CustomStringConvertible {
    /// The AWS error code, when the upstream answered with one.
    public var code: String?
    /// What went wrong.
    public var message: String
    /// Whether trying again later may succeed.
    public var isRetryable: Bool

    /// Creates a value.
    public init(code: String?, message: String, isRetryable: Bool) {
        self.code = code
        self.message = message
        self.isRetryable = isRetryable
    }

    /// `Code: message`, or the message.
    public var description: String {
        code.map { "\($0): \(message)" } ?? message
    }
}

/// Calls an upstream AWS Support API (the server wires it to a signed JSON client).
public protocol UpstreamSupportCaller: Sendable {
    /// Calls `operation` of the Support API at `endpoint`.
    func call<Input: AWSShape, Output: AWSShape>(
        _ operation: String, _ input: Input, as output: Output.Type, at endpoint: UpstreamEndpoint
    ) async throws(UpstreamFailure) -> Output
}
