import Foundation
import Testing

@testable import HikeshiCore

@Suite("First-response clock")
struct FirstResponseClockTests {
    @Test("a Japanese Developer case opened Friday afternoon before a Monday holiday is due Tuesday evening")
    func fridayBeforeHoliday() throws {
        // 2026-11-23 (Mon) is 勤労感謝の日. 12 business hours: Fri 16:00–18:00, then Tue 08:00–18:00.
        let clock = FirstResponseClock(calendar: .japaneseBusinessHours, targetMinutes: 720, openedAt: moment("2026-11-20T07:00:00Z"))
        #expect(clock.dueAt == (moment("2026-11-24T09:00:00Z")))
        #expect(clock.businessSecondsSpent(firstResponseAt: nil, now: moment("2026-11-23T12:00:00Z")) == 7200)
        #expect(clock.targetMet(firstResponseAt: nil, now: moment("2026-11-24T08:59:00Z")) == nil)
        #expect(clock.targetMet(firstResponseAt: nil, now: moment("2026-11-24T09:01:00Z")) == false)
        #expect(clock.targetMet(firstResponseAt: moment("2026-11-24T01:00:00Z"), now: moment("2026-11-30T00:00:00Z")) == true)
        #expect(
            clock.businessSecondsSpent(firstResponseAt: moment("2026-11-24T01:00:00Z"), now: moment("2026-11-30T00:00:00Z")) == 4
                * 3600)
    }

    @Test("a 24/7 case is due exactly after the target, and business time is elapsed time")
    func alwaysOpen() throws {
        let opened = moment("2026-11-21T13:00:00Z")
        let clock = FirstResponseClock(calendar: try .alwaysOpen(timeZoneIdentifier: "Asia/Tokyo"), targetMinutes: 15, openedAt: opened)
        #expect(clock.dueAt == opened.addingTimeInterval(900))
        #expect(clock.businessSecondsSpent(firstResponseAt: nil, now: opened.addingTimeInterval(600)) == 600)
        #expect(clock.targetMet(firstResponseAt: opened.addingTimeInterval(901), now: opened.addingTimeInterval(1000)) == false)
    }

    @Test("a case opened at the weekend accumulates nothing until the desk opens; a company holiday moves the due time")
    func weekendAndCompanyHoliday() throws {
        let opened = moment("2026-11-21T01:00:00Z")  // Saturday 10:00 JST
        let clock = FirstResponseClock(calendar: .japaneseBusinessHours, targetMinutes: 1440, openedAt: opened)
        #expect(clock.businessSecondsSpent(firstResponseAt: nil, now: moment("2026-11-23T12:00:00Z")) == 0)
        #expect(clock.dueAt == (moment("2026-11-26T03:00:00Z")))
        let company = try BusinessCalendar(
            timeZoneIdentifier: "Asia/Tokyo", weekdays: [BusinessHoursWindow(startHour: 8, endHour: 18)], holidayCountry: .jp,
            companyHolidays: [Holiday(date: CivilDate(year: 2026, month: 11, day: 24), name: "Company day")])
        let later = FirstResponseClock(calendar: company, targetMinutes: 1440, openedAt: opened)
        #expect(later.dueAt == (moment("2026-11-27T03:00:00Z")))
    }

    @Test("without a target there is no due time and no verdict")
    func noTarget() throws {
        let clock = FirstResponseClock(calendar: .englishBusinessHours, targetMinutes: nil, openedAt: moment("2026-11-20T07:00:00Z"))
        #expect(clock.dueAt == nil)
        #expect(clock.targetMet(firstResponseAt: nil, now: moment("2027-01-01T00:00:00Z")) == nil)
    }

    @Test("the clock round-trips through JSON with its calendar")
    func codable() throws {
        let clock = FirstResponseClock(calendar: .koreanBusinessHours, targetMinutes: 240, openedAt: moment("2026-09-24T00:00:00Z"))
        let decoded = try JSONDecoder().decode(FirstResponseClock.self, from: JSONEncoder().encode(clock))
        #expect(decoded == clock)
        #expect(decoded.dueAt == clock.dueAt)
    }
}
