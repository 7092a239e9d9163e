/// Looks up the secret access key for an access key id.
public protocol SigV4KeyStore: Sendable {
    /// The secret for `accessKeyID`, or `nil` when the key is unknown (or disabled).
    ///
    /// Errors thrown here are passed through by ``SigV4Verifier/verify(_:service:)`` unchanged.
    func secretKey(for accessKeyID: String) async throws -> String?
}
