/// A weekly hand-off: every week on `dayOfWeek` at `handOffTime` (AWS `WeeklySetting`).
public struct WeeklyHandOff: Codable, Sendable, Hashable {
    /// The local weekday of the hand-off.
    public var dayOfWeek: Weekday
    /// The local time of the hand-off.
    public var handOffTime: HandOffTime

    /// Creates a weekly hand-off.
    public init(dayOfWeek: Weekday, handOffTime: HandOffTime) {
        self.dayOfWeek = dayOfWeek
        self.handOffTime = handOffTime
    }
}
