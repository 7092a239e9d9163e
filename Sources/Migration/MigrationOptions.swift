/// How a migration runs.
public struct MigrationOptions: Sendable {
    /// The run is a rehearsal (its target's database is rolled back afterwards): the report says nothing was written.
    public var dryRun: Bool
    /// Bring activated channels over activated (the operator vouches for the addresses); otherwise every channel
    /// must be activated again by its owner.
    public var trustChannels: Bool

    /// Options; by default a real run that leaves channels to be activated.
    public init(dryRun: Bool = false, trustChannels: Bool = false) {
        self.dryRun = dryRun
        self.trustChannels = trustChannels
    }
}
