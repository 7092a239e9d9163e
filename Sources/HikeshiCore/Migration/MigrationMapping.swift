import Foundation

/// Which source resource became which resource of an account, and what the source looked like when it was last
/// written (its fingerprint), so that migrating again updates what changed, leaves the rest and duplicates nothing.
public struct MigrationMapping: Sendable, Equatable {
    /// The account the resource was migrated into.
    public var accountID: String
    /// The resource's ARN (or identifier) at the source.
    public var sourceArn: String
    /// What the resource is.
    public var kind: MigrationKind
    /// The resource's ARN (or identifier) in the account.
    public var targetArn: String
    /// A digest of the source resource as last written.
    public var fingerprint: String
    /// When it was last written.
    public var migratedAt: Date

    /// A mapping.
    public init(accountID: String, sourceArn: String, kind: MigrationKind, targetArn: String, fingerprint: String, migratedAt: Date) {
        self.accountID = accountID
        self.sourceArn = sourceArn
        self.kind = kind
        self.targetArn = targetArn
        self.fingerprint = fingerprint
        self.migratedAt = migratedAt
    }
}
