import Foundation
import HikeshiCore
import Testing

@testable import Console

@Suite("The desk's first-response countdown")
struct DeskDueTests {
    // 2026-12-07 is a Monday. Tokyo desk: weekdays 08:00–18:00.
    static let tokyo = BusinessCalendar.japaneseBusinessHours
    static func utc(_ text: String) -> Date { (try? Date(text, strategy: .iso8601)) ?? .distantPast }

    @Test("running inside business hours counts down to the due instant")
    func running() {
        let now = Self.utc("2026-12-07T01:00:00Z")  // Mon 10:00 JST
        let due = Self.utc("2026-12-07T03:00:00Z")
        #expect(DueStatus.of(dueAt: due, firstResponseAt: nil, breached: false, calendar: Self.tokyo, now: now) == .running(remaining: 7200))
    }

    @Test("a closed calendar pauses the clock until it opens (Saturday night → Monday 08:00 JST), with business time left")
    func paused() {
        let now = Self.utc("2026-12-05T12:00:00Z")  // Sat 21:00 JST
        let due = Self.utc("2026-12-07T01:00:00Z")  // Mon 10:00 JST
        let status = DueStatus.of(dueAt: due, firstResponseAt: nil, breached: false, calendar: Self.tokyo, now: now)
        #expect(status == .paused(until: Self.utc("2026-12-06T23:00:00Z"), remaining: 2 * 3600))
        #expect(status.rank == 1 && status.cssClass == "paused")
        // The same instant on a 24/7 clock runs.
        #expect(
            DueStatus.of(dueAt: due, firstResponseAt: nil, breached: false, calendar: nil, now: now)
                == .running(remaining: due.timeIntervalSince(now)))
        #expect(DueStatus.of(dueAt: due, firstResponseAt: nil, breached: false, calendar: .alwaysOpen, now: now).cssClass == "running")
    }

    @Test("past due, or marked breached, is breached and sorts first; answered and no target sort last")
    func breachedFirst() {
        let now = Self.utc("2026-12-07T05:00:00Z")
        let due = Self.utc("2026-12-07T04:00:00Z")
        let breached = DueStatus.of(dueAt: due, firstResponseAt: nil, breached: false, calendar: Self.tokyo, now: now)
        #expect(breached == .breached(overdue: 3600))
        #expect(
            DueStatus.of(dueAt: now.addingTimeInterval(60), firstResponseAt: nil, breached: true, calendar: nil, now: now) == .breached(overdue: 0))
        #expect(DueStatus.of(dueAt: due, firstResponseAt: due, breached: false, calendar: nil, now: now) == .answered)
        #expect(DueStatus.of(dueAt: nil, firstResponseAt: nil, breached: false, calendar: nil, now: now) == .noTarget)
        let ranks = [DueStatus.answered, .noTarget, .running(remaining: 1), breached].map(\.rank)
        #expect(ranks == [3, 2, 1, 0])
    }

    @Test("business time is told in hours, never days")
    func businessDuration() {
        #expect(ConsoleRoutes.businessDuration(24 * 3600, .english) == "24 hr")
        #expect(ConsoleRoutes.businessDuration(90 * 60, .japanese) == "1時間 30分")
        #expect(ConsoleRoutes.businessDuration(20, .english) == "0 min")
    }
}
