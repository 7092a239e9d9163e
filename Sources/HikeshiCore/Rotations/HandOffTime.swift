/// A local wall-clock time of day (hour and minute) in the rotation's time zone.
public struct HandOffTime: Codable, Sendable, Hashable, Comparable {
    /// The hour, 0...23.
    public var hour: Int
    /// The minute, 0...59.
    public var minute: Int

    /// Creates a time of day.
    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    /// Minutes since local midnight.
    public var minuteOfDay: Int { hour * 60 + minute }

    /// Whether the hour and minute are in range.
    public var isValid: Bool { (0...23).contains(hour) && (0...59).contains(minute) }

    /// Orders times by their minute of the day.
    public static func < (lhs: HandOffTime, rhs: HandOffTime) -> Bool {
        lhs.minuteOfDay < rhs.minuteOfDay
    }
}
