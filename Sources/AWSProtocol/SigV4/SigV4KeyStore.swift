/// An access key's secret, and the account that owns the key when the store knows it.
public struct SigV4Credential: Sendable, Equatable {
    /// The secret access key.
    public var secret: String
    /// The owner (an account id), carried into ``SigV4Identity/owner``; `nil` when the store keeps no owners.
    public var owner: String?

    /// Creates a credential.
    public init(secret: String, owner: String? = nil) {
        self.secret = secret
        self.owner = owner
    }
}

/// Looks up the secret access key, and its owner, for an access key id: once per request.
public protocol SigV4KeyStore: Sendable {
    /// The credential of `accessKeyID`, or `nil` when the key is unknown (or disabled).
    ///
    /// Errors thrown here are passed through by ``SigV4Verifier/verify(_:service:)`` unchanged.
    func credential(for accessKeyID: String) async throws -> SigV4Credential?
}
