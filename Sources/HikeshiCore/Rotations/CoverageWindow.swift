/// A daily window of on-call coverage, in local wall-clock time of the rotation's time zone.
///
/// A window whose `end` is not after its `start` wraps past midnight into the next day, so
/// `22:00–06:00` covers the night and `00:00–00:00` covers the whole day.
public struct CoverageWindow: Codable, Sendable, Hashable {
    /// When coverage begins.
    public var start: HandOffTime
    /// When coverage ends (on the next day when not after `start`).
    public var end: HandOffTime

    /// Creates a coverage window.
    public init(start: HandOffTime, end: HandOffTime) {
        self.start = start
        self.end = end
    }

    /// Whether the window wraps past midnight into the next day.
    public var wrapsPastMidnight: Bool { end.minuteOfDay <= start.minuteOfDay }

    /// The window's length in minutes (1...1440).
    public var lengthInMinutes: Int {
        wrapsPastMidnight ? 1440 - start.minuteOfDay + end.minuteOfDay : end.minuteOfDay - start.minuteOfDay
    }
}
