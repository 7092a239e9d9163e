/// A fixed set of access keys held in memory; for tests and single-user setups.
public struct SigV4StaticKeyStore: SigV4KeyStore, CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    private let secrets: [String: String]

    /// Creates a store from access key id → secret access key.
    public init(_ secrets: [String: String]) {
        self.secrets = secrets
    }

    /// The secret for `accessKeyID`, if the store has it (without an owner).
    public func credential(for accessKeyID: String) async throws -> SigV4Credential? {
        secrets[accessKeyID].map { SigV4Credential(secret: $0) }
    }

    /// The access key ids only; secrets are never printed.
    public var description: String {
        "SigV4StaticKeyStore(accessKeyIDs: \(secrets.keys.sorted()))"
    }

    /// Same as ``description``.
    public var debugDescription: String { description }

    /// A mirror without the secrets.
    public var customMirror: Mirror {
        Mirror(self, children: ["accessKeyIDs": secrets.keys.sorted()], displayStyle: .struct)
    }
}
