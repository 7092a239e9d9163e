import Foundation

/// Who signed a request, and for which scope: the result of a successful verification.
public struct SigV4Identity: Sendable, Equatable {
    /// The access key id from the credential scope.
    public var accessKeyID: String
    /// The region from the credential scope, e.g. `us-east-1`.
    public var region: String
    /// The service from the credential scope, e.g. `ssm-contacts`.
    public var service: String
    /// The signing instant (`X-Amz-Date`, or `Date` when that was used instead).
    public var date: Date
    /// The key's owner as the key store gave it (an account id), looked up with the secret.
    public var owner: String?

    /// Creates an identity.
    public init(accessKeyID: String, region: String, service: String, date: Date, owner: String? = nil) {
        self.accessKeyID = accessKeyID
        self.region = region
        self.service = service
        self.date = date
        self.owner = owner
    }
}
