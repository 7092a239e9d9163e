import Foundation

/// An account's replication set: the regions its incident data is kept in, and whether it may be deleted.
public struct ReplicationSet: Sendable, Equatable {
    /// The set's ARN.
    public var arn: String
    /// The owning account.
    public var accountID: String
    /// The regions, by name.
    public var regions: [String: ReplicationRegion]
    /// Whether deleting the set (or its last region) is refused.
    public var deletionProtected: Bool
    /// Who created it.
    public var createdBy: String
    /// When it was created.
    public var createdAt: Date
    /// Who changed it last.
    public var lastModifiedBy: String
    /// When it last changed.
    public var lastModifiedAt: Date

    /// Creates a set.
    public init(
        arn: String,
        accountID: String,
        regions: [String: ReplicationRegion],
        deletionProtected: Bool,
        createdBy: String,
        createdAt: Date,
        lastModifiedBy: String,
        lastModifiedAt: Date
    ) {
        self.arn = arn
        self.accountID = accountID
        self.regions = regions
        self.deletionProtected = deletionProtected
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.lastModifiedBy = lastModifiedBy
        self.lastModifiedAt = lastModifiedAt
    }

    /// The set's status: replication is synchronous here, so a set is active once it exists.
    public var status: ReplicationStatus { .active }

    /// Marks the set changed by `actor` at `now`.
    public mutating func touch(by actor: String, at now: Date) {
        lastModifiedBy = actor
        lastModifiedAt = now
    }
}

/// One region of a replication set.
public struct ReplicationRegion: Sendable, Equatable, Codable {
    /// The KMS key the region's data is encrypted with; nil means the service's own key.
    public var kmsKeyID: String?
    /// The region's status.
    public var status: ReplicationRegionStatus
    /// Why the status is what it is.
    public var statusMessage: String?
    /// When the status last changed.
    public var statusUpdatedAt: Date

    /// Creates a region.
    public init(kmsKeyID: String?, status: ReplicationRegionStatus, statusMessage: String? = nil, statusUpdatedAt: Date) {
        self.kmsKeyID = kmsKeyID
        self.status = status
        self.statusMessage = statusMessage
        self.statusUpdatedAt = statusUpdatedAt
    }
}

/// The status of a region of a replication set. The raw values are the stored and the wire form.
public enum ReplicationRegionStatus: String, Sendable, Equatable, Codable, CaseIterable {
    /// Ready.
    case active = "ACTIVE"
    /// Being added.
    case creating = "CREATING"
    /// Being removed.
    case deleting = "DELETING"
    /// Failed.
    case failed = "FAILED"
}

/// The status of a replication set. The raw values are the stored and the wire form.
public enum ReplicationStatus: String, Sendable, Equatable, Codable, CaseIterable {
    /// Ready.
    case active = "ACTIVE"
    /// Being created.
    case creating = "CREATING"
    /// Being changed.
    case updating = "UPDATING"
    /// Being deleted.
    case deleting = "DELETING"
    /// Failed.
    case failed = "FAILED"
}
