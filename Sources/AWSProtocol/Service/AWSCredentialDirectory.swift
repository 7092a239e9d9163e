/// Where the protocol layer finds who owns an access key, beside its secret for SigV4.
public protocol AWSCredentialDirectory: SigV4KeyStore {
    /// The account that owns an active key, or `nil` for an unknown or inactive key.
    func account(for accessKeyID: String) async throws -> String?
}
