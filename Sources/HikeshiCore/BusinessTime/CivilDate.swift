/// A calendar date with no time of day and no time zone (proleptic Gregorian), such as a holiday.
///
/// Encodes as an ISO 8601 string, `"2026-09-21"`. Ordered chronologically.
public struct CivilDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year, e.g. 2026.
    public let year: Int
    /// The month, 1...12.
    public let month: Int
    /// The day of the month, 1...31.
    public let day: Int

    /// A date from its parts, stored as given (see `isValid`).
    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The date `dayNumber` days after 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        let date = CivilCalendar.civil(fromDayNumber: dayNumber)
        self.init(year: date.year, month: date.month, day: date.day)
    }

    /// Parses `YYYY-MM-DD` (four-digit year); nil when malformed or not a real date.
    public init?(_ text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
        guard isValid else { return nil }
    }

    /// Whether the month and day exist in the year.
    public var isValid: Bool {
        (1...12).contains(month) && day >= 1 && day <= CivilCalendar.daysInMonth(year: year, month: month)
    }

    /// Days since 1970-01-01.
    public var dayNumber: Int { CivilCalendar.dayNumber(year: year, month: month, day: day) }

    /// The day of the week.
    public var weekday: Weekday { Weekday(isoIndex: CivilCalendar.weekdayIndex(ofDayNumber: dayNumber)) }

    /// Whether the date is a Saturday or a Sunday.
    public var isWeekend: Bool { weekday == .sat || weekday == .sun }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CivilDate {
        CivilDate(dayNumber: dayNumber + days)
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        "\(Self.padded(year, 4))-\(Self.padded(month, 2))-\(Self.padded(day, 2))"
    }

    /// Orders dates chronologically.
    public static func < (lhs: CivilDate, rhs: CivilDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CivilDate(text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "expected a date YYYY-MM-DD, got \(text)")
        }
        self = date
    }

    /// Encodes `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `value` in decimal, zero-padded on the left to `width` digits (a sign comes first).
    static func padded(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padding = String(repeating: "0", count: max(0, width - digits.count))
        return (value < 0 ? "-" : "") + padding + digits
    }
}

extension CivilDate {
    /// The `n`th `weekday` of a month (n = 1...5), or with `n` = -1 the last one.
    static func nth(_ n: Int, _ weekday: Weekday, of month: Int, in year: Int) -> CivilDate {
        if n < 0 {
            let last = CivilDate(year: year, month: month, day: CivilCalendar.daysInMonth(year: year, month: month))
            let back = (last.weekday.isoIndex - weekday.isoIndex + 7) % 7
            return last.adding(days: -back)
        }
        return CivilDate(year: year, month: month, day: 1).onOrAfter(weekday).adding(days: (n - 1) * 7)
    }

    /// The first `weekday` on or after this date.
    func onOrAfter(_ weekday: Weekday) -> CivilDate {
        adding(days: (weekday.isoIndex - self.weekday.isoIndex + 7) % 7)
    }
}
