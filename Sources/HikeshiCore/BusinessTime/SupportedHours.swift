/// One open window of one weekday, described the way AWS Support's `supportedHours` entries are
/// (`startTime` / `endTime` on a 12-hour clock, e.g. "08:00 AM" and "06:00 PM", in the calendar's time zone).
public struct SupportedHours: Sendable, Hashable, Codable {
    /// The weekday.
    public let weekday: Weekday
    /// Opening, `"08:00 AM"`.
    public let startTime: String
    /// Closing, `"06:00 PM"` (`"12:00 AM"` for midnight at the end of the day).
    public let endTime: String

    /// An entry.
    public init(weekday: Weekday, startTime: String, endTime: String) {
        self.weekday = weekday
        self.startTime = startTime
        self.endTime = endTime
    }

    /// The entry of a window.
    public init(weekday: Weekday, window: BusinessHoursWindow) {
        self.init(weekday: weekday, startTime: window.startTime, endTime: window.endTime)
    }
}
