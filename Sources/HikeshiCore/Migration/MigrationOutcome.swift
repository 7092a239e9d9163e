/// What migrating one resource did (or, in a dry run, would do).
public enum MigrationOutcome: String, Sendable, Codable, CaseIterable {
    /// The resource was created.
    case created = "CREATED"
    /// A resource migrated before was changed to match the source.
    case updated = "UPDATED"
    /// A resource migrated before already matched the source.
    case unchanged = "UNCHANGED"
    /// The resource was not migrated (the warning says why).
    case skipped = "SKIPPED"
    /// Migrating the resource failed; nothing of it was written.
    case failed = "FAILED"
}
