import SSMContactsModel

/// One rotation as the source's API described it, for ``ContactsHandler/importRotation(_:fingerprint:context:)``.
///
/// Every ARN in it is the source's: the rotation's own and its members' (`ContactIds`, overrides' `NewContactIds`).
public struct RotationImport: Sendable, Codable, Equatable {
    /// The rotation (`GetRotation`), members in source contact ARNs.
    public var rotation: SSMContacts.GetRotationResult
    /// The rotation's overrides that end in the future, with their source ids.
    public var overrides: [SSMContacts.RotationOverride]
    /// The rotation's tags.
    public var tags: [SSMContacts.Tag]

    /// A rotation to import.
    public init(rotation: SSMContacts.GetRotationResult, overrides: [SSMContacts.RotationOverride] = [], tags: [SSMContacts.Tag] = []) {
        self.rotation = rotation
        self.overrides = overrides
        self.tags = tags
    }
}
