import Foundation

/// Everything that determines a rotation's regular shifts (AWS `CreateRotation` minus name and tags).
public struct RotationDefinition: Codable, Sendable, Equatable {
    /// The members (contact ARNs), in shift order.
    public var members: [String]
    /// When the rotation takes effect; the first shift starts here (UTC instant).
    public var start: Date
    /// The IANA time zone the recurrence's wall-clock times are in, e.g. `Asia/Tokyo`.
    public var timeZoneID: String
    /// When hand-offs happen, how many members are on call, and when coverage applies.
    public var recurrence: RotationRecurrence

    /// Creates a rotation definition.
    public init(members: [String], start: Date, timeZoneID: String, recurrence: RotationRecurrence) {
        self.members = members
        self.start = start
        self.timeZoneID = timeZoneID
        self.recurrence = recurrence
    }
}
