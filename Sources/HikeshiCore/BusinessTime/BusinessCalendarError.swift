/// Why a business calendar cannot be built or cannot answer.
public enum BusinessCalendarError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The time zone identifier is not an IANA zone Foundation knows.
    case unknownTimeZone(String)
    /// A window is empty, reversed or outside 00:00–24:00.
    case invalidWindow(Weekday, BusinessHoursWindow)
    /// Two windows of one weekday overlap.
    case overlappingWindows(Weekday)
    /// A company holiday's date does not exist.
    case invalidHolidayDate(CivilDate)
    /// A duration is negative or not finite.
    case invalidDuration(Double)
    /// The calendar has no open time in `BusinessCalendar.searchHorizonDays` consecutive days (no weekly hours at all,
    /// say), so a due date can never be reached.
    case noOpenHours

    /// A sentence for logs and API errors.
    public var description: String {
        switch self {
        case .unknownTimeZone(let identifier): "unknown time zone \(identifier)"
        case .invalidWindow(let weekday, let window):
            "invalid business hours on \(weekday.rawValue): \(window.startMinute)–\(window.endMinute) minutes (need 00:00 ≤ start < end ≤ 24:00)"
        case .overlappingWindows(let weekday): "overlapping business hours on \(weekday.rawValue)"
        case .invalidHolidayDate(let date): "invalid company holiday date \(date)"
        case .invalidDuration(let seconds): "invalid duration \(seconds) seconds (must be finite and not negative)"
        case .noOpenHours: "the business calendar has no open hours within \(BusinessCalendar.searchHorizonDays) days"
        }
    }
}
