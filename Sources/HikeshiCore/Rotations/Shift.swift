import Foundation

/// One computed on-call shift: who is on call from `start` until `end` (exclusive).
public struct Shift: Codable, Sendable, Equatable {
    /// When the shift begins (UTC instant).
    public var start: Date
    /// When the shift ends, exclusive (UTC instant).
    public var end: Date
    /// Who is on call, in rotation order (or the override's order).
    public var members: [String]
    /// Whether an override replaced the regular members for this time.
    public var isOverridden: Bool
    /// The regular members the override replaced; empty for regular shifts and for overrides that
    /// fall where the rotation has no regular shift.
    public var overriddenMembers: [String]

    /// Creates a shift.
    public init(start: Date, end: Date, members: [String], isOverridden: Bool = false, overriddenMembers: [String] = []) {
        self.start = start
        self.end = end
        self.members = members
        self.isOverridden = isOverridden
        self.overriddenMembers = overriddenMembers
    }

    /// Whether `instant` is in `[start, end)`.
    public func contains(_ instant: Date) -> Bool { start <= instant && instant < end }
}
