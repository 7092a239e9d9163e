import AWSProtocol
import Foundation
import HikeshiCore
import HikeshiModel
import Storage

extension SupportDesk {
    /// Sets a language's business calendar (time zone, weekly hours, public holidays); company holidays are kept.
    public func putBusinessCalendar(_ input: Hikeshi.PutBusinessCalendarRequest, context: AWSRequestContext) async throws
        -> Hikeshi.PutBusinessCalendarResponse
    {
        var hours: [Weekday: [BusinessHoursWindow]] = [:]
        for (index, entry) in input.weeklyHours.enumerated() {
            guard let day = Weekday(rawValue: entry.day.rawValue), let window = BusinessHoursWindow(start: entry.start, end: entry.end) else {
                throw SupportError.invalid("WeeklyHours[\(index)]", "\(entry.start)-\(entry.end) is not a window within one day")
            }
            hours[day, default: []].append(window)
        }
        let weekly = hours
        let language = try SupportHandler.language(input.language.rawValue, field: "Language")
        let country = input.holidayCountry.flatMap { HolidayCountry(rawValue: $0.rawValue) }
        let now = clock.now()
        let calendar = try await write(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            let store = DeskStore(tx)
            let existing = try await store.calendar(language)
            let calendar: BusinessCalendar
            do throws(BusinessCalendarError) {
                calendar = try BusinessCalendar(
                    timeZoneIdentifier: input.timeZone, weeklyHours: weekly, holidayCountry: country, companyHolidays: existing.companyHolidays)
            } catch {
                throw SupportError.invalid(error.isZone ? "TimeZone" : "WeeklyHours", error.description)
            }
            guard !calendar.weeklyHours.isEmpty else { throw SupportError.invalid("WeeklyHours", "A calendar needs open hours") }
            try await store.putCalendar(calendar, language: language, at: now)
            return calendar
        }
        return Hikeshi.PutBusinessCalendarResponse(businessCalendar: Self.calendar(calendar, language: language))
    }

    /// The business calendar of each language.
    public func listBusinessCalendars(_ input: Hikeshi.ListBusinessCalendarsRequest, context: AWSRequestContext) async throws
        -> Hikeshi.ListBusinessCalendarsResponse
    {
        let calendars = try await read(context.logger) { tx in
            var out: [(SupportLanguage, BusinessCalendar)] = []
            for language in SupportLanguage.allCases {
                out.append((language, try await DeskStore(tx).calendar(language)))
            }
            return out
        }
        return Hikeshi.ListBusinessCalendarsResponse(businessCalendars: calendars.map { Self.calendar($1, language: $0) })
    }

    /// Closes a language's desk on a company holiday.
    public func addCompanyHoliday(_ input: Hikeshi.AddCompanyHolidayRequest, context: AWSRequestContext) async throws
        -> Hikeshi.AddCompanyHolidayResponse
    {
        let date = try Self.civilDate(input.date)
        let name = input.name
        let calendar = try await changeHolidays(input.language.rawValue, context: context) { holidays in
            holidays.removeAll { $0.date == date }
            holidays.append(Holiday(date: date, name: name))
        }
        return Hikeshi.AddCompanyHolidayResponse(businessCalendar: calendar)
    }

    /// Removes a company holiday.
    public func removeCompanyHoliday(_ input: Hikeshi.RemoveCompanyHolidayRequest, context: AWSRequestContext) async throws
        -> Hikeshi.RemoveCompanyHolidayResponse
    {
        let date = try Self.civilDate(input.date)
        let calendar = try await changeHolidays(input.language.rawValue, context: context) { holidays in
            guard holidays.contains(where: { $0.date == date }) else {
                throw SupportError.notFound("No company holiday on \(date.description)")
            }
            holidays.removeAll { $0.date == date }
        }
        return Hikeshi.RemoveCompanyHolidayResponse(businessCalendar: calendar)
    }

    private func changeHolidays(
        _ code: String,
        context: AWSRequestContext,
        _ change: @escaping @Sendable (inout [Holiday]) throws -> Void
    ) async throws -> Hikeshi.BusinessCalendar {
        let language = try SupportHandler.language(code, field: "Language")
        let now = clock.now()
        let calendar = try await write(context.logger) { tx in
            try await Self.requireProvider(context, tx)
            let store = DeskStore(tx)
            let existing = try await store.calendar(language)
            guard !existing.isAlwaysOpen else { throw SupportError.conflict("A 24/7 calendar has no holidays") }
            var holidays = existing.companyHolidays
            try change(&holidays)
            let calendar = try BusinessCalendar(
                timeZoneIdentifier: existing.timeZoneIdentifier, weeklyHours: existing.weeklyHours, holidayCountry: existing.holidayCountry,
                companyHolidays: holidays)
            try await store.putCalendar(calendar, language: language, at: now)
            return calendar
        }
        return Self.calendar(calendar, language: language)
    }

    static func civilDate(_ text: String) throws -> CivilDate {
        guard let date = CivilDate(text), date.isValid else { throw SupportError.invalid("Date", "\(text) is not a date (YYYY-MM-DD)") }
        return date
    }

    static func calendar(_ calendar: BusinessCalendar, language: SupportLanguage) -> Hikeshi.BusinessCalendar {
        let hours = Weekday.allCases.flatMap { day in
            calendar.windows(on: day).map { window in
                Hikeshi.BusinessHoursEntry(day: Hikeshi.Weekday(rawValue: day.rawValue) ?? .mon, start: window.start, end: window.end)
            }
        }
        return Hikeshi.BusinessCalendar(
            language: Hikeshi.LanguageCode(rawValue: language.rawValue) ?? .en,
            timeZone: calendar.timeZoneIdentifier,
            weeklyHours: hours,
            holidayCountry: calendar.holidayCountry.flatMap { Hikeshi.HolidayCountry(rawValue: $0.rawValue) } ?? .none,
            companyHolidays: calendar.companyHolidays.map { Hikeshi.CompanyHoliday(date: $0.date.description, name: $0.name) }
        )
    }
}

extension BusinessCalendarError {
    /// Whether the error is about the time zone.
    var isZone: Bool {
        if case .unknownTimeZone = self { return true }
        return false
    }
}
