import Foundation

extension BusinessCalendar {
    /// The holidays that close the desk on days it would otherwise be open, for the local dates from `start`'s through
    /// `end`'s, by date. Public and company holidays on one day are merged (names joined with "; "). Empty for
    /// always-open calendars and when `end` is before `start`. Feeds AWS Support's `datesWithoutSupport`.
    public func closedDates(from start: Date, to end: Date) -> [Holiday] {
        guard !isAlwaysOpen, end >= start else { return [] }
        let schedule = BusinessDaySchedule(self)
        let first = schedule.localDate(of: start)
        let last = schedule.localDate(of: end)
        var byDate: [CivilDate: [Holiday]] = [:]
        if let holidayCountry {
            for holiday in HolidayRules.holidays(country: holidayCountry, from: first, through: last) {
                byDate[holiday.date, default: []].append(holiday)
            }
        }
        for holiday in companyHolidays where holiday.date >= first && holiday.date <= last {
            byDate[holiday.date, default: []].append(holiday)
        }
        return byDate.keys.sorted().compactMap { date in
            guard !windows(on: date.weekday).isEmpty, let holidays = byDate[date] else { return nil }
            return Holiday(
                date: date,
                name: holidays.map(\.name).joined(separator: "; "),
                localName: holidays.map(\.localName).joined(separator: "; ")
            )
        }
    }

    /// The open windows Monday to Sunday, one entry per window; every day 00:00–24:00 ("12:00 AM"–"12:00 AM") when
    /// always open. Feeds AWS Support's `supportedHours`.
    public var supportedHours: [SupportedHours] {
        let week: [Weekday] = [.mon, .tue, .wed, .thu, .fri, .sat, .sun]
        if isAlwaysOpen {
            let allDay = BusinessHoursWindow(startMinute: 0, endMinute: BusinessHoursWindow.minutesPerDay)
            return week.map { SupportedHours(weekday: $0, window: allDay) }
        }
        return week.flatMap { weekday in windows(on: weekday).map { SupportedHours(weekday: weekday, window: $0) } }
    }

    /// The UTC instants a closed date spans in the calendar's zone (local midnight to the next), for AWS's
    /// `datesWithoutSupport` `startDateTime` / `endDateTime`.
    public func dayInterval(of date: CivilDate) -> DateInterval {
        let schedule = BusinessDaySchedule(self)
        let start = schedule.instant(date, minute: 0)
        let end = schedule.instant(date, minute: BusinessHoursWindow.minutesPerDay)
        return DateInterval(start: start, end: max(start, end))
    }
}
