import Foundation

/// A business calendar's open intervals day by day, as UTC instants: the working part of the arithmetic.
///
/// Local wall-clock times become instants through the rotation engine's ``ZoneClock``, which moves a time inside a
/// spring-forward gap later by the gap's length and takes the first occurrence of an ambiguous fall-back time. Holiday sets come from `HolidayRules`, which computes each country's year once.
struct BusinessDaySchedule {
    /// An open stretch `[start, end)`.
    struct Interval {
        /// Opening.
        let start: Date
        /// Closing.
        let end: Date
    }

    private let businessCalendar: BusinessCalendar
    private let clock: ZoneClock
    private let companyHolidays: Set<CivilDate>

    /// The schedule of `businessCalendar`.
    init(_ businessCalendar: BusinessCalendar) {
        self.businessCalendar = businessCalendar
        clock = ZoneClock(timeZone: businessCalendar.timeZone)
        companyHolidays = Set(businessCalendar.companyHolidays.map(\.date))
    }

    /// The local date at an instant.
    func localDate(of instant: Date) -> CivilDate {
        CivilDate(dayNumber: clock.localDayNumber(at: instant.timeIntervalSince1970))
    }

    /// Whether `date` is a public holiday of the calendar's country (without company holidays).
    func isPublicHoliday(_ date: CivilDate) -> Bool {
        guard let country = businessCalendar.holidayCountry else { return false }
        return HolidayRules.holidayDates(country: country, year: date.year).contains(date)
    }

    /// Whether the desk is closed all of `date` for a public or company holiday.
    func isHoliday(_ date: CivilDate) -> Bool {
        companyHolidays.contains(date) || isPublicHoliday(date)
    }

    /// The weekday whose hours a weekend day keeps when the country made it a working day (swapped with a day off).
    func extraWorkday(_ date: CivilDate) -> Weekday? {
        guard date.isWeekend, let country = businessCalendar.holidayCountry else { return nil }
        return HolidayRules.extraWorkdays(country: country, year: date.year)[date]
    }

    /// The open intervals of a local day, in order; empty on holidays and days without hours. A weekend day the country
    /// made a working day has the hours of the weekday it was swapped with.
    func openIntervals(on date: CivilDate) -> [Interval] {
        let windows = businessCalendar.windows(on: extraWorkday(date) ?? date.weekday)
        guard !windows.isEmpty, !isHoliday(date) else { return [] }
        return windows.compactMap { window in
            let start = instant(date, minute: window.startMinute)
            let end = instant(date, minute: window.endMinute)
            return end > start ? Interval(start: start, end: end) : nil
        }
    }

    /// The instant of a local wall-clock minute of a day (minute 1440 is the next day's midnight).
    func instant(_ date: CivilDate, minute: Int) -> Date {
        Date(timeIntervalSince1970: clock.instant(atLocalSeconds: date.dayNumber * CivilCalendar.secondsPerDay + minute * 60))
    }
}
