/// A monthly hand-off: every month on `dayOfMonth` at `handOffTime` (AWS `MonthlySetting`).
///
/// Days 29–31 in a month without that day hand off on the month's last day instead.
public struct MonthlyHandOff: Codable, Sendable, Hashable {
    /// The local day of the month, 1...31.
    public var dayOfMonth: Int
    /// The local time of the hand-off.
    public var handOffTime: HandOffTime

    /// Creates a monthly hand-off.
    public init(dayOfMonth: Int, handOffTime: HandOffTime) {
        self.dayOfMonth = dayOfMonth
        self.handOffTime = handOffTime
    }
}
