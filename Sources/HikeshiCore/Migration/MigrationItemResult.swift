/// What migrating one source resource did: the outcome, the resource it became, and what the operator must know.
public struct MigrationItemResult: Sendable, Equatable, Codable {
    /// Created, updated, unchanged, skipped or failed.
    public var outcome: MigrationOutcome
    /// The resource in this account (empty when skipped before one was chosen).
    public var targetArn: String
    /// What the operator should know or do (a reference that could not be carried over, a runbook that cannot run…).
    public var warnings: [String]
    /// Contact channels that came over not activated: the people must confirm them (`send-activation-code`).
    public var channelsToActivate: [MigrationChannel]

    /// A result.
    public init(outcome: MigrationOutcome, targetArn: String, warnings: [String] = [], channelsToActivate: [MigrationChannel] = []) {
        self.outcome = outcome
        self.targetArn = targetArn
        self.warnings = warnings
        self.channelsToActivate = channelsToActivate
    }
}
