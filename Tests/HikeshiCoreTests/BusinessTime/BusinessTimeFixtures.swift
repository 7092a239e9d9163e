import Foundation
import HikeshiCore
import Testing

/// An instant from ISO 8601 with an offset, `2026-09-18T15:00:00+09:00` (test helper; malformed text gives the epoch).
func moment(_ text: String) -> Date {
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withInternetDateTime]
    return formatter.date(from: text) ?? Date(timeIntervalSince1970: 0)
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

/// A deterministic pseudo-random sequence (SplitMix64) for property checks.
struct SplitMixGenerator: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) {
        state = seed
    }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
