/// Proleptic Gregorian civil-date arithmetic on day numbers (days since 1970-01-01), after Howard
/// Hinnant's `days_from_civil` / `civil_from_days`. Pure integer math: no time zone, no Foundation. Shared by the
/// rotation engine, business calendars and the hand-written timestamp codecs (SigV4, RFC 5322 mail dates, ISO 8601).
public enum CivilCalendar {
    /// Seconds in a civil day.
    public static let secondsPerDay = 86_400

    /// Floor division (rounds toward negative infinity).
    public static func floorDiv(_ value: Int, _ divisor: Int) -> Int {
        let quotient = value / divisor
        return (value % divisor != 0 && (value < 0) != (divisor < 0)) ? quotient - 1 : quotient
    }

    /// Modulo with a result in `0..<divisor` for a positive divisor.
    public static func floorMod(_ value: Int, _ divisor: Int) -> Int {
        value - floorDiv(value, divisor) * divisor
    }

    /// The day number of a civil date.
    public static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = floorDiv(shiftedYear, 400)
        let yearOfEra = shiftedYear - era * 400
        let marchMonth = (month + 9) % 12
        let dayOfYear = (153 * marchMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number.
    public static func civil(fromDayNumber dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let shifted = dayNumber + 719_468
        let era = floorDiv(shifted, 146_097)
        let dayOfEra = shifted - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let marchMonth = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * marchMonth + 2) / 5 + 1
        let month = marchMonth < 10 ? marchMonth + 3 : marchMonth - 9
        let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day)
    }

    /// Whether `year` is a Gregorian leap year.
    public static func isLeapYear(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// The number of days in a month.
    public static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeapYear(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// The ISO weekday index of a day number: Monday is 0 (1970-01-01 was a Thursday).
    public static func weekdayIndex(ofDayNumber dayNumber: Int) -> Int {
        floorMod(dayNumber + 3, 7)
    }

    /// A month index counting months since January 1970 (January 1970 is 0).
    static func monthIndex(ofDayNumber dayNumber: Int) -> Int {
        let date = civil(fromDayNumber: dayNumber)
        return (date.year - 1970) * 12 + date.month - 1
    }

    /// The year and month of a month index.
    static func yearMonth(ofMonthIndex index: Int) -> (year: Int, month: Int) {
        (1970 + floorDiv(index, 12), floorMod(index, 12) + 1)
    }
}
