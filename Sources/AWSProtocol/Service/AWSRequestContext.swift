import Foundation
import Logging

/// The facts of one authenticated request that handlers need: who, where, which request.
public struct AWSRequestContext: Sendable {
    /// The caller's account.
    public var accountID: String
    /// The region of the request's signing scope; used in ARNs.
    public var region: String
    /// The access key that signed the request.
    public var accessKeyID: String
    /// The request id sent back as `x-amzn-RequestId`.
    public var requestID: String
    /// A logger carrying the request's metadata.
    public var logger: Logger
    /// The person behind the call when it is not an access key: a console user's name. Shown as the IAM user in
    /// `principalArn`, so timelines and notes name the person.
    public var principalName: String?

    /// Creates a context.
    public init(accountID: String, region: String, accessKeyID: String, requestID: String, logger: Logger, principalName: String? = nil) {
        self.accountID = accountID
        self.principalName = principalName
        self.region = region
        self.accessKeyID = accessKeyID
        self.requestID = requestID
        self.logger = logger
    }

    /// The caller as an IAM principal ARN (the console user, or else the signing key standing for the user), recorded as
    /// creator or modifier.
    public var principalArn: String {
        "arn:aws:iam::\(accountID):user/\(principalName ?? accessKeyID)"
    }
}
