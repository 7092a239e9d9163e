import Foundation
import Testing

@testable import Console

@Suite("On-call calendar arithmetic")
struct OnCallCalendarTests {
    static let newYork = TimeZone(identifier: "America/New_York") ?? .gmt

    static func local(_ calendar: Calendar, _ year: Int, _ month: Int, _ day: Int, _ hour: Int = 0) throws -> Date {
        try #require(calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour)))
    }

    /// Daily shifts handed off at 09:00 local from `first` for `days` days, alternating two people.
    static func daily(_ calendar: Calendar, from first: Date, days: Int) throws -> [RotationCalendar.Span] {
        try (0..<days).map { index in
            let start = try #require(calendar.date(byAdding: .day, value: index, to: first))
            let end = try #require(calendar.date(byAdding: .day, value: index + 1, to: first))
            return RotationCalendar.Span(contacts: [index % 2 == 0 ? "alice" : "bob"], start: start, end: end, isOverride: false)
        }
    }

    @Test("a Monday-first March grid in New York: whole weeks, local midnights, and the 23-hour day of the DST change")
    func marchAcrossDST() throws {
        let calendar = RotationCalendar.calendar(zone: Self.newYork, firstWeekday: 2)
        let spans = try Self.daily(calendar, from: Self.local(calendar, 2026, 3, 1, 9), days: 14)
        let weeks = try #require(RotationCalendar.monthGrid(year: 2026, month: 3, spans: spans, calendar: calendar))
        #expect(weeks.count == 6)
        #expect(weeks.allSatisfy { $0.count == 7 })
        let days = weeks.flatMap { $0 }
        #expect(days[0].year == 2026 && days[0].month == 2 && days[0].day == 23, "the grid starts on the Monday before March 1st")
        #expect(days[41].month == 4 && days[41].day == 5)
        #expect(days.allSatisfy { calendar.component(.hour, from: $0.start) == 0 })
        #expect(days.filter(\.inMonth).count == 31)
        for (index, day) in days.enumerated() {
            #expect(calendar.component(.weekday, from: day.start) == (index % 7 + 1) % 7 + 1, "column \(index % 7) is the right weekday")
        }
        let change = try #require(days.first { $0.month == 3 && $0.day == 8 })
        #expect(change.end.timeIntervalSince(change.start) == 23 * 3600)
        #expect(change.pieces.count == 2)
        let labels = change.pieces.map {
            "\(RotationCalendar.clock($0.start, calendar: calendar))–\(RotationCalendar.clock($0.end, dayEnd: change.end, calendar: calendar)) \($0.contacts.joined())"
        }
        #expect(labels == ["00:00–09:00 alice", "09:00–24:00 bob"], "alice from March 7th 09:00 to March 8th 09:00, then bob")
        let shiftOverChange = try #require(spans.first { $0.start < change.start.addingTimeInterval(3600) && $0.end > change.start })
        #expect(shiftOverChange.end.timeIntervalSince(shiftOverChange.start) == 23 * 3600, "the shift over the change is 23 hours long")
    }

    @Test("the November change gives a 25-hour day, and a Sunday-first grid of March 2026 needs five weeks")
    func novemberAndSundayFirst() throws {
        let monday = RotationCalendar.calendar(zone: Self.newYork, firstWeekday: 2)
        let november = try #require(RotationCalendar.monthGrid(year: 2026, month: 11, spans: [], calendar: monday)).flatMap { $0 }
        let change = try #require(november.first { $0.month == 11 && $0.day == 1 })
        #expect(change.end.timeIntervalSince(change.start) == 25 * 3600)
        let sunday = RotationCalendar.calendar(zone: Self.newYork, firstWeekday: 1)
        let march = try #require(RotationCalendar.monthGrid(year: 2026, month: 3, spans: [], calendar: sunday))
        #expect(march.count == 5)
        #expect(march[0][0].day == 1 && march[0][0].month == 3)
    }

    @Test("a week from an instant starts at that day's local midnight and counts seven days")
    func week() throws {
        let calendar = RotationCalendar.calendar(zone: Self.newYork, firstWeekday: 2)
        let noon = try Self.local(calendar, 2026, 3, 6, 12)
        let days = RotationCalendar.days(from: noon, count: 7, spans: [], calendar: calendar)
        #expect(days.map(\.day) == [6, 7, 8, 9, 10, 11, 12])
        #expect(days.allSatisfy { $0.inMonth && $0.pieces.isEmpty })
    }

    @Test("coverage gaps: before the first shift, between shifts, and after the last; overlaps are not gaps")
    func gaps() {
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        func at(_ hours: Double) -> Date { base.addingTimeInterval(hours * 3600) }
        let spans = [
            RotationCalendar.Span(contacts: ["a"], start: at(12), end: at(20), isOverride: false),
            RotationCalendar.Span(contacts: ["b"], start: at(0), end: at(10), isOverride: false),
            RotationCalendar.Span(contacts: ["c"], start: at(18), end: at(25), isOverride: true),
        ]
        let found = RotationCalendar.gaps(spans, from: at(-5), to: at(30))
        #expect(found == [.init(start: at(-5), end: at(0)), .init(start: at(10), end: at(12)), .init(start: at(25), end: at(30))])
        #expect(RotationCalendar.gaps(spans, from: at(1), to: at(9)) == [])
        #expect(RotationCalendar.gaps([], from: at(0), to: at(1)) == [.init(start: at(0), end: at(1))])
    }

    @Test("load: hours inside the window per member, idle members at zero, the average and who is flagged")
    func load() {
        let base = Date(timeIntervalSince1970: 1_800_000_000)
        func at(_ hours: Double) -> Date { base.addingTimeInterval(hours * 3600) }
        let spans = [
            RotationCalendar.Span(contacts: ["a"], start: at(-10), end: at(30), isOverride: false),
            RotationCalendar.Span(contacts: ["b"], start: at(30), end: at(40), isOverride: false),
            RotationCalendar.Span(contacts: ["x"], start: at(40), end: at(52), isOverride: true),
        ]
        let loads = RotationCalendar.load(spans, members: ["a", "b", "c"], from: at(0), to: at(50))
        #expect(loads.map(\.contact) == ["a", "b", "x", "c"])
        #expect(loads.map(\.hours) == [30, 10, 10, 0])
        #expect(loads.map { RotationCalendar.isUnbalanced($0) } == [true, false, false, true])
        #expect(abs(loads[0].deviation - 1.4) < 1e-9, "30 h against an average of 12.5 h")
        #expect(loads[3].deviation == -1)
    }

    @Test("stage moves swap neighbours and refuse to leave the list")
    func moves() {
        let stages = ["first", "second", "third"]
        #expect(RotationCalendar.moved(stages, index: 0, up: false) == ["second", "first", "third"])
        #expect(RotationCalendar.moved(stages, index: 2, up: true) == ["first", "third", "second"])
        #expect(RotationCalendar.moved(stages, index: 0, up: true) == nil)
        #expect(RotationCalendar.moved(stages, index: 2, up: false) == nil)
        #expect(RotationCalendar.moved(stages, index: 7, up: true) == nil)
        #expect(RotationCalendar.moved([String](), index: 0, up: false) == nil)
    }

    @Test("month query and datetime-local helpers")
    func helpers() throws {
        let march = try #require(ConsoleRoutes.yearMonth("2026-03"))
        #expect(march.0 == 2026 && march.1 == 3)
        #expect(ConsoleRoutes.yearMonth("2026-13") == nil)
        #expect(ConsoleRoutes.yearMonth("march") == nil)
        let calendar = RotationCalendar.calendar(zone: Self.newYork, firstWeekday: 2)
        let instant = try Self.local(calendar, 2026, 3, 8, 4)
        #expect(ConsoleRoutes.localInput(instant, calendar: calendar) == "2026-03-08T04:00")
        #expect(ConsoleRoutes.localDateTime("2026-03-08T04:00", calendar: calendar) == instant)
        #expect(ConsoleRoutes.nextHour(instant.addingTimeInterval(90), calendar: calendar) == instant.addingTimeInterval(3600))
        #expect(RotationCalendar.clock(instant, calendar: calendar) == "04:00")
        #expect(ConsoleRoutes.sender("ops.lead (東京)") == "hikeshi-console:ops.lead")
        let arn = "arn:aws:ssm-contacts:us-east-1:111111111111:rotation/night shift.v2"
        #expect(ConsoleRoutes.resourceName(arn) == "night shift.v2")
        #expect(ConsoleRoutes.rotationPath(arn) == "/console/oncall/rotations/night%20shift.v2")
    }
}
