import Foundation

/// A rotation override: for `[start, end)` the on-call members are `members` instead of the
/// regular ones (AWS `RotationOverride`).
public struct RotationOverrideSpec: Codable, Sendable, Equatable {
    /// The override's id.
    public var id: String
    /// When the override takes effect (UTC instant).
    public var start: Date
    /// When the override ends, exclusive (UTC instant).
    public var end: Date
    /// Who is on call instead; empty means nobody is on call during the override.
    public var members: [String]
    /// When the override was created; among overlapping overrides the later one wins.
    public var createdAt: Date

    /// Creates an override.
    public init(id: String, start: Date, end: Date, members: [String], createdAt: Date) {
        self.id = id
        self.start = start
        self.end = end
        self.members = members
        self.createdAt = createdAt
    }
}
