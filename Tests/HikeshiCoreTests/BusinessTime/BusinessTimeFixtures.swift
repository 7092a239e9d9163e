import Foundation
import HikeshiCore
import Testing

/// An instant from ISO 8601 with an offset, `2026-09-18T15:00:00+09:00` (test helper; malformed text gives the epoch).
func moment(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    guard let date = formatter.date(from: text) else { preconditionFailure("not an ISO 8601 instant: \(text)") }
    return date
}

/// An instant as `YYYY-MM-DDTHH:MM:SS±hh:mm` in `zone`, for readable expectations.
func moment(_ date: Date, in zone: String) -> String {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    formatter.timeZone = TimeZone(identifier: zone)
    return formatter.string(from: date)
}

/// A date from `YYYY-MM-DD` (test helper; malformed text gives 1970-01-01).
func civilDay(_ text: String) -> CivilDate {
    CivilDate(text) ?? CivilDate(dayNumber: 0)
}

/// `HH–HH` on whole hours.
func openHours(_ start: Int, _ end: Int) -> BusinessHoursWindow {
    BusinessHoursWindow(startHour: start, endHour: end)
}

/// Hours and minutes as seconds.
func businessTime(hours: Double, minutes: Double = 0) -> TimeInterval {
    hours * 3600 + minutes * 60
}

/// A calendar, failing the test when it is invalid.
func businessCalendar(
    _ zone: String,
    _ weeklyHours: [Weekday: [BusinessHoursWindow]],
    country: HolidayCountry? = nil,
    companyHolidays: [Holiday] = []
) throws -> BusinessCalendar {
    try BusinessCalendar(timeZoneIdentifier: zone, weeklyHours: weeklyHours, holidayCountry: country, companyHolidays: companyHolidays)
}

/// Every day of the week with the same windows.
func everyDay(_ windows: [BusinessHoursWindow]) -> [Weekday: [BusinessHoursWindow]] {
    Dictionary(uniqueKeysWithValues: Weekday.allCases.map { ($0, windows) })
}

/// Monday to Friday with the same windows.
func workweek(_ windows: [BusinessHoursWindow]) -> [Weekday: [BusinessHoursWindow]] {
    Dictionary(uniqueKeysWithValues: [Weekday.mon, .tue, .wed, .thu, .fri].map { ($0, windows) })
}
