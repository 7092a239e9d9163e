import Foundation
import Testing

@testable import HikeshiCore

@Suite("China's swapped working days")
struct ChinaWorkdayTests {
    @Test("a weekend day made a working day (调休) keeps weekday hours; the day off it was swapped for is closed")
    func swappedSaturday() throws {
        // 2026-02-14 (Sat) is worked in exchange for 2026-02-20 (Fri), inside the Spring Festival break.
        #expect(HolidayRules.extraWorkdays(country: .cn, year: 2026)[CivilDate(year: 2026, month: 2, day: 14)] == .fri)
        #expect(HolidayRules.extraWorkdays(country: .jp, year: 2026).isEmpty)
        let calendar = BusinessCalendar.chineseBusinessHours
        let saturday = moment("2026-02-14T02:00:00Z")  // 10:00 Asia/Shanghai
        #expect(calendar.isOpen(at: saturday))
        #expect(!calendar.isOpen(at: moment("2026-02-21T02:00:00Z")))  // an ordinary Saturday
        #expect(!calendar.isOpen(at: moment("2026-02-20T02:00:00Z")))  // the swapped day off
        // Opened Friday 17:00: one hour that day, one on the working Saturday.
        let clock = FirstResponseClock(calendar: calendar, targetMinutes: 120, openedAt: moment("2026-02-13T09:00:00Z"))
        #expect(clock.dueAt == (moment("2026-02-14T01:00:00Z")))
    }
}
