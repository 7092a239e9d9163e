import Foundation
import HikeshiCore
import Testing

/// Business-time arithmetic: due dates, elapsed business time, openings, closed dates, DST, presets.
@Suite("Business calendar")
struct BusinessCalendarTests {
    static let newYork = (try? businessCalendar("America/New_York", workweek([openHours(9, 17)]))) ?? .alwaysOpen
    static let newYorkAllDay = (try? businessCalendar("America/New_York", everyDay([openHours(0, 24)]))) ?? .alwaysOpen
    static let splitDay = (try? businessCalendar("Europe/Berlin", workweek([openHours(9, 12), openHours(13, 18)]))) ?? .alwaysOpen

    /// A start, a business duration and the expected due instant.
    struct DueCase: CustomTestStringConvertible, Sendable {
        let name: String
        let calendar: BusinessCalendar
        let start: String
        let seconds: TimeInterval
        let due: String
        var testDescription: String { name }
    }

    static let dueCases: [DueCase] = [
        DueCase(
            name: "Developer plan, system impaired: Fri 15:00 JST + 12h skips the weekend and Sep 21–23 (holidays)",
            calendar: .japaneseBusinessHours, start: "2026-09-18T15:00:00+09:00", seconds: businessTime(hours: 12),
            due: "2026-09-24T17:00:00+09:00"
        ),
        DueCase(
            name: "general guidance 24h across Showa Day",
            calendar: .japaneseBusinessHours, start: "2026-04-27T09:00:00+09:00", seconds: businessTime(hours: 24),
            due: "2026-04-30T13:00:00+09:00"
        ),
        DueCase(
            name: "24h across Golden Week (May 4–6)",
            calendar: .japaneseBusinessHours, start: "2026-04-30T10:00:00+09:00", seconds: businessTime(hours: 24),
            due: "2026-05-07T14:00:00+09:00"
        ),
        DueCase(
            name: "opened Saturday night: counting starts Tuesday 08:00 (Monday is Coming of Age Day)",
            calendar: .japaneseBusinessHours, start: "2026-01-10T23:00:00+09:00", seconds: businessTime(hours: 1),
            due: "2026-01-13T09:00:00+09:00"
        ),
        DueCase(
            name: "opened on a weekday night: counting starts at 08:00 the next morning",
            calendar: .japaneseBusinessHours, start: "2026-01-14T20:00:00+09:00", seconds: businessTime(hours: 0, minutes: 30),
            due: "2026-01-15T08:30:00+09:00"
        ),
        DueCase(
            name: "opened before opening on a working day",
            calendar: .japaneseBusinessHours, start: "2026-01-15T06:00:00+09:00", seconds: businessTime(hours: 2),
            due: "2026-01-15T10:00:00+09:00"
        ),
        DueCase(
            name: "time running out exactly at closing gives the closing instant",
            calendar: .japaneseBusinessHours, start: "2026-09-24T08:00:00+09:00", seconds: businessTime(hours: 10),
            due: "2026-09-24T18:00:00+09:00"
        ),
        DueCase(
            name: "Korean hours across Chuseok 2025 (Oct 3–9 closed but for none)",
            calendar: .koreanBusinessHours, start: "2025-10-02T17:00:00+09:00", seconds: businessTime(hours: 2),
            due: "2025-10-10T09:00:00+09:00"
        ),
        DueCase(
            name: "Chinese hours across the 2026 National Day period",
            calendar: .chineseBusinessHours, start: "2026-09-30T17:00:00+08:00", seconds: businessTime(hours: 2),
            due: "2026-10-08T09:00:00+08:00"
        ),
        DueCase(
            name: "US Pacific hours across Thanksgiving 2026",
            calendar: .englishBusinessHours, start: "2026-11-25T17:00:00-08:00", seconds: businessTime(hours: 2),
            due: "2026-11-27T09:00:00-08:00"
        ),
        DueCase(
            name: "New York, spring forward: Fri 16:00 EST + 2h = Mon 10:00 EDT",
            calendar: newYork, start: "2026-03-06T16:00:00-05:00", seconds: businessTime(hours: 2),
            due: "2026-03-09T10:00:00-04:00"
        ),
        DueCase(
            name: "New York, fall back: Fri 16:00 EDT + 2h = Mon 10:00 EST",
            calendar: newYork, start: "2026-10-30T16:00:00-04:00", seconds: businessTime(hours: 2),
            due: "2026-11-02T10:00:00-05:00"
        ),
        DueCase(
            name: "New York all day: the spring-forward Sunday has 23 hours",
            calendar: newYorkAllDay, start: "2026-03-08T00:00:00-05:00", seconds: businessTime(hours: 23),
            due: "2026-03-09T00:00:00-04:00"
        ),
        DueCase(
            name: "New York all day: the fall-back Sunday has 25 hours",
            calendar: newYorkAllDay, start: "2026-11-01T00:00:00-04:00", seconds: businessTime(hours: 25),
            due: "2026-11-02T00:00:00-05:00"
        ),
        DueCase(
            name: "a lunch break does not count",
            calendar: splitDay, start: "2026-06-01T11:00:00+02:00", seconds: businessTime(hours: 2),
            due: "2026-06-01T14:00:00+02:00"
        ),
        DueCase(
            name: "always open adds plainly",
            calendar: .alwaysOpen, start: "2026-09-18T15:00:00+09:00", seconds: businessTime(hours: 12),
            due: "2026-09-19T03:00:00+09:00"
        ),
        DueCase(
            name: "zero business time is the start itself, even when closed",
            calendar: .japaneseBusinessHours, start: "2026-09-19T12:00:00+09:00", seconds: 0,
            due: "2026-09-19T12:00:00+09:00"
        ),
    ]

    @Test("due dates", arguments: dueCases)
    func dueDates(_ testCase: DueCase) throws {
        let start = moment(testCase.start)
        let due = try testCase.calendar.dueDate(adding: testCase.seconds, to: start)
        #expect(due == moment(testCase.due), "got \(moment(due, in: testCase.calendar.timeZoneIdentifier))")
        #expect(testCase.calendar.businessSeconds(from: start, to: due) == testCase.seconds)
    }

    @Test("business seconds over DST changes count wall-clock hours in the zone")
    func businessSecondsAcrossDST() {
        let calendar = Self.newYork
        #expect(
            calendar.businessSeconds(from: moment("2026-03-06T09:00:00-05:00"), to: moment("2026-03-09T17:00:00-04:00")) == businessTime(hours: 16))
        #expect(
            calendar.businessSeconds(from: moment("2026-10-30T09:00:00-04:00"), to: moment("2026-11-02T17:00:00-05:00")) == businessTime(hours: 16))
        #expect(calendar.businessSeconds(from: moment("2026-03-09T17:00:00-04:00"), to: moment("2026-03-06T09:00:00-05:00")) == 0)
    }

    @Test("a window that spans the spring-forward gap is shorter by the gap")
    func windowAcrossGap() throws {
        let calendar = try businessCalendar("America/New_York", [.sun: [openHours(1, 4)]])
        let start = moment("2026-03-08T01:00:00-05:00")
        #expect(try calendar.dueDate(adding: businessTime(hours: 1, minutes: 30), to: start) == moment("2026-03-08T03:30:00-04:00"))
        #expect(calendar.businessSeconds(from: start, to: moment("2026-03-09T00:00:00-04:00")) == businessTime(hours: 2))
        #expect(calendar.isOpen(at: moment("2026-03-08T03:15:00-04:00")))
        #expect(!calendar.isOpen(at: moment("2026-03-08T04:00:00-04:00")))
    }

    @Test("businessSeconds inverts dueDate on random starts and durations", arguments: 0..<5)
    func inverse(_ seed: Int) throws {
        let calendars: [BusinessCalendar] = [
            .japaneseBusinessHours, .koreanBusinessHours, .chineseBusinessHours, .englishBusinessHours, Self.newYork, Self.splitDay,
            Self.newYorkAllDay,
        ]
        var generator = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 17)
        let base = moment("2025-01-01T00:00:00Z")
        for calendar in calendars {
            for _ in 0..<40 {
                let start = base.addingTimeInterval(Double(Int.random(in: 0..<(3 * 365 * 86_400), using: &generator)))
                let seconds = Double(Int.random(in: 1...(60 * 3600), using: &generator))
                let due = try calendar.dueDate(adding: seconds, to: start)
                #expect(due > start)
                #expect(calendar.businessSeconds(from: start, to: due) == seconds, "\(calendar.timeZoneIdentifier) from \(start)")
                #expect(calendar.isOpen(at: due.addingTimeInterval(-0.5)))
            }
        }
    }

    @Test("next opening")
    func nextOpening() {
        let calendar = BusinessCalendar.japaneseBusinessHours
        #expect(calendar.nextOpening(after: moment("2026-09-18T19:00:00+09:00")) == moment("2026-09-24T08:00:00+09:00"))
        #expect(calendar.nextOpening(after: moment("2026-09-18T18:00:00+09:00")) == moment("2026-09-24T08:00:00+09:00"))
        #expect(calendar.nextOpening(after: moment("2026-09-18T12:34:00+09:00")) == moment("2026-09-18T12:34:00+09:00"))
        #expect(calendar.nextOpening(after: moment("2026-09-18T07:59:00+09:00")) == moment("2026-09-18T08:00:00+09:00"))
        #expect(BusinessCalendar.alwaysOpen.nextOpening(after: moment("2026-01-01T00:00:00Z")) == moment("2026-01-01T00:00:00Z"))
    }

    @Test("isOpen honours hours, weekends and holidays")
    func isOpen() {
        let calendar = BusinessCalendar.japaneseBusinessHours
        #expect(calendar.isOpen(at: moment("2026-09-18T08:00:00+09:00")))
        #expect(calendar.isOpen(at: moment("2026-09-18T17:59:59+09:00")))
        #expect(!calendar.isOpen(at: moment("2026-09-18T18:00:00+09:00")))
        #expect(!calendar.isOpen(at: moment("2026-09-19T10:00:00+09:00")))
        #expect(!calendar.isOpen(at: moment("2026-09-22T10:00:00+09:00")))
        #expect(calendar.isOpen(at: moment("2026-09-24T01:00:00Z")))
    }

    @Test("company holidays close the desk and are listed with public holidays on working days")
    func companyHolidays() throws {
        let yearEnd = ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-02"].map {
            Holiday(date: civilDay($0), name: "Year-end break", localName: "年末年始休業")
        }
        let calendar = try BusinessCalendar(
            timeZoneIdentifier: "Asia/Tokyo", weekdays: [openHours(8, 18)], holidayCountry: .jp, companyHolidays: yearEnd)
        #expect(try calendar.dueDate(adding: businessTime(hours: 2), to: moment("2026-12-28T17:00:00+09:00")) == moment("2027-01-04T09:00:00+09:00"))
        #expect(!calendar.isOpen(at: moment("2026-12-29T10:00:00+09:00")))
        let closed = calendar.closedDates(from: moment("2026-12-20T00:00:00+09:00"), to: moment("2027-01-15T00:00:00+09:00"))
        #expect(closed.map(\.date.description) == ["2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-11"])
        #expect(closed.first?.localName == "年末年始休業")
        #expect(closed.last?.name == "Coming of Age Day")
    }

    @Test("closed dates of the Japanese preset around Silver Week, with their day spans in UTC")
    func closedDates() throws {
        let calendar = BusinessCalendar.japaneseBusinessHours
        let closed = calendar.closedDates(from: moment("2026-09-01T00:00:00+09:00"), to: moment("2026-09-30T23:59:59+09:00"))
        #expect(closed.map(\.localName) == ["敬老の日", "国民の休日", "秋分の日"])
        let first = try #require(closed.first)
        #expect(calendar.dayInterval(of: first.date) == DateInterval(start: moment("2026-09-20T15:00:00Z"), end: moment("2026-09-21T15:00:00Z")))
        // Holidays on weekends are not "without support": the desk is closed anyway.
        let may = calendar.closedDates(from: moment("2026-05-01T00:00:00+09:00"), to: moment("2026-05-31T00:00:00+09:00"))
        #expect(may.map(\.date.description) == ["2026-05-04", "2026-05-05", "2026-05-06"])
        #expect(BusinessCalendar.alwaysOpen.closedDates(from: moment("2026-01-01T00:00:00Z"), to: moment("2026-12-31T00:00:00Z")).isEmpty)
    }

    @Test("always open")
    func alwaysOpen() throws {
        let calendar = BusinessCalendar.alwaysOpen
        let start = moment("2026-01-01T00:00:00Z")
        #expect(calendar.isOpen(at: start))
        #expect(try calendar.dueDate(adding: 90_000, to: start) == start.addingTimeInterval(90_000))
        #expect(calendar.businessSeconds(from: start, to: start.addingTimeInterval(123.5)) == 123.5)
        #expect(calendar.supportedHours.count == 7)
        #expect(calendar.supportedHours.allSatisfy { $0.startTime == "12:00 AM" && $0.endTime == "12:00 AM" })
        let tokyo = try BusinessCalendar.alwaysOpen(timeZoneIdentifier: "Asia/Tokyo")
        #expect(tokyo.isAlwaysOpen && tokyo.timeZoneIdentifier == "Asia/Tokyo")
    }

    @Test("a calendar without open hours terminates: dueDate throws, nextOpening is nil")
    func noOpenHours() throws {
        let calendar = try businessCalendar("UTC", [:], country: .jp)
        let start = moment("2026-01-01T00:00:00Z")
        #expect(throws: BusinessCalendarError.noOpenHours) { try calendar.dueDate(adding: 3600, to: start) }
        #expect(calendar.nextOpening(after: start) == nil)
        #expect(!calendar.isOpen(at: start))
        #expect(calendar.businessSeconds(from: start, to: start.addingTimeInterval(86_400 * 30)) == 0)
        #expect(calendar.closedDates(from: start, to: start.addingTimeInterval(86_400 * 30)).isEmpty)
    }

    @Test("invalid durations and calendars are refused")
    func validation() {
        #expect(throws: BusinessCalendarError.invalidDuration(-1)) {
            try BusinessCalendar.japaneseBusinessHours.dueDate(adding: -1, to: moment("2026-01-01T00:00:00Z"))
        }
        #expect(throws: BusinessCalendarError.unknownTimeZone("Mars/Olympus")) { try businessCalendar("Mars/Olympus", workweek([openHours(8, 18)])) }
        #expect(throws: BusinessCalendarError.invalidWindow(.mon, openHours(18, 8))) { try businessCalendar("UTC", [.mon: [openHours(18, 8)]]) }
        #expect(throws: BusinessCalendarError.invalidWindow(.tue, openHours(20, 25))) { try businessCalendar("UTC", [.tue: [openHours(20, 25)]]) }
        #expect(throws: BusinessCalendarError.overlappingWindows(.wed)) {
            try businessCalendar("UTC", [.wed: [openHours(8, 12), openHours(11, 18)]])
        }
        #expect(throws: BusinessCalendarError.invalidHolidayDate(CivilDate(year: 2026, month: 2, day: 30))) {
            try businessCalendar(
                "UTC", workweek([openHours(8, 18)]), companyHolidays: [Holiday(date: CivilDate(year: 2026, month: 2, day: 30), name: "x")])
        }
    }

    @Test("supported hours in AWS's 12-hour form")
    func supportedHours() {
        let hours = BusinessCalendar.japaneseBusinessHours.supportedHours
        #expect(hours.map(\.weekday) == [.mon, .tue, .wed, .thu, .fri])
        #expect(hours.allSatisfy { $0.startTime == "08:00 AM" && $0.endTime == "06:00 PM" })
        #expect(Self.splitDay.supportedHours.prefix(2).map(\.endTime) == ["12:00 PM", "06:00 PM"])
        #expect(BusinessHoursWindow(start: "00:30", end: "12:45")?.startTime == "12:30 AM")
        #expect(BusinessHoursWindow(start: "00:30", end: "12:45")?.endTime == "12:45 PM")
        #expect(BusinessHoursWindow(start: "18:00", end: "08:00") == nil)
        #expect(BusinessHoursWindow(start: "8:00", end: "18:00") == nil)
    }

    @Test("presets by language")
    func presets() {
        #expect(BusinessCalendar.businessHours(language: "ja") == .japaneseBusinessHours)
        #expect(BusinessCalendar.businessHours(language: "KO")?.timeZoneIdentifier == "Asia/Seoul")
        #expect(BusinessCalendar.businessHours(language: "zh")?.holidayCountry == .cn)
        #expect(BusinessCalendar.businessHours(language: "en")?.timeZoneIdentifier == "America/Los_Angeles")
        #expect(BusinessCalendar.businessHours(language: "fr") == nil)
    }

    @Test("JSON round trip and shape")
    func coding() throws {
        let calendar = try BusinessCalendar(
            timeZoneIdentifier: "Asia/Tokyo", weekdays: [openHours(8, 18)], holidayCountry: .jp,
            companyHolidays: [Holiday(date: civilDay("2026-12-29"), name: "Year-end")])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let data = try encoder.encode(calendar)
        #expect(try JSONDecoder().decode(BusinessCalendar.self, from: data) == calendar)
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains(#""MON":[{"end":"18:00","start":"08:00"}]"#))
        #expect(text.contains(#""timeZone":"Asia\/Tokyo""#) || text.contains(#""timeZone":"Asia/Tokyo""#))
        let open = try JSONDecoder().decode(BusinessCalendar.self, from: Data(#"{"timeZone":"UTC","alwaysOpen":true}"#.utf8))
        #expect(open == .alwaysOpen)
        #expect(throws: (any Error).self) {
            try JSONDecoder().decode(
                BusinessCalendar.self, from: Data(#"{"timeZone":"UTC","weeklyHours":{"MON":[{"start":"18:00","end":"08:00"}]}}"#.utf8))
        }
    }
}
