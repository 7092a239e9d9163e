import Foundation

/// An on-call rotation: who takes turns, from when, in which zone, handing off when.
public struct Rotation: Sendable, Equatable {
    /// The rotation's ARN.
    public var arn: String
    /// The owning account.
    public var accountID: String
    /// The region of the ARN.
    public var region: String
    /// The unique name within account and region.
    public var name: String
    /// Members, start, zone and recurrence.
    public var definition: RotationDefinition
    /// When it was created.
    public var createdAt: Date
    /// When it last changed.
    public var updatedAt: Date

    /// Creates a rotation.
    public init(arn: String, accountID: String, region: String, name: String, definition: RotationDefinition, createdAt: Date, updatedAt: Date) {
        self.arn = arn
        self.accountID = accountID
        self.region = region
        self.name = name
        self.definition = definition
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
