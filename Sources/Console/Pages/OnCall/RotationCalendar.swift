import Foundation

/// Pure arithmetic over a rotation's shifts for the on-call pages: days of a month grid or a week in the rotation's own
/// zone (DST-correct: a day is midnight to the next midnight, 23 or 25 hours long on a change), the periods no shift
/// covers, and each member's share of the hours.
enum RotationCalendar {
    /// One shift, overrides applied, as ListRotationShifts answers it.
    struct Span: Sendable, Equatable {
        let contacts: [String]
        let start: Date
        let end: Date
        let isOverride: Bool
    }

    /// The part of a shift that falls inside one day.
    struct Piece: Sendable, Equatable {
        let start: Date
        let end: Date
        let contacts: [String]
        let isOverride: Bool
    }

    /// One day of the zone, with the pieces of shifts inside it.
    struct Day: Sendable, Equatable {
        /// Local midnight that starts the day.
        let start: Date
        /// Local midnight that ends it.
        let end: Date
        let year: Int
        let month: Int
        let day: Int
        /// Whether the day belongs to the month the grid shows (a week view counts every day in).
        let inMonth: Bool
        let pieces: [Piece]
    }

    /// An interval no shift covers.
    struct Interval: Sendable, Equatable {
        let start: Date
        let end: Date
    }

    /// One member's hours in a window and how far they are from the average.
    struct Load: Sendable, Equatable {
        let contact: String
        let hours: Double
        /// `hours / average - 1`: 0.25 is a quarter above the average.
        let deviation: Double
    }

    /// A Gregorian calendar in `zone` whose weeks start on `firstWeekday` (1 Sunday, 2 Monday).
    static func calendar(zone: TimeZone, firstWeekday: Int) -> Calendar {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = zone
        calendar.firstWeekday = firstWeekday
        return calendar
    }

    /// The whole weeks of a month grid, from the week holding the 1st to the week holding the last day; nil for a
    /// month the calendar cannot make.
    static func monthGrid(year: Int, month: Int, spans: [Span], calendar: Calendar) -> [[Day]]? {
        guard let first = calendar.date(from: DateComponents(year: year, month: month, day: 1)),
            let next = calendar.date(byAdding: .month, value: 1, to: first)
        else { return nil }
        let lead = (calendar.component(.weekday, from: first) - calendar.firstWeekday + 7) % 7
        guard let gridStart = calendar.date(byAdding: .day, value: -lead, to: first) else { return nil }
        var weeks: [[Day]] = []
        var cursor = gridStart
        while cursor < next {
            let week = days(from: cursor, count: 7, spans: spans, calendar: calendar, month: month)
            guard let last = week.last, week.count == 7 else { return nil }
            weeks.append(week)
            cursor = last.end
        }
        return weeks
    }

    /// `count` days from the day holding `instant`; `month` marks which days are in the month (nil: all).
    static func days(from instant: Date, count: Int, spans: [Span], calendar: Calendar, month: Int? = nil) -> [Day] {
        var result: [Day] = []
        var start = calendar.startOfDay(for: instant)
        for _ in 0..<count {
            guard let end = calendar.date(byAdding: .day, value: 1, to: start) else { break }
            let parts = calendar.dateComponents([.year, .month, .day], from: start)
            let pieces = spans.filter { $0.start < end && $0.end > start }.sorted { $0.start < $1.start }.map { span in
                Piece(start: max(span.start, start), end: min(span.end, end), contacts: span.contacts, isOverride: span.isOverride)
            }
            result.append(
                Day(
                    start: start, end: end, year: parts.year ?? 0, month: parts.month ?? 0, day: parts.day ?? 0,
                    inMonth: month.map { $0 == parts.month } ?? true, pieces: pieces))
            start = end
        }
        return result
    }

    /// "09:00" in the calendar's zone; the end of a day reads "24:00".
    static func clock(_ instant: Date, dayEnd: Date? = nil, calendar: Calendar) -> String {
        if let dayEnd, instant == dayEnd { return "24:00" }
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return String(format: "%02d:%02d", parts.hour ?? 0, parts.minute ?? 0)
    }

    /// The periods of `[from, to)` that no shift covers, in order.
    static func gaps(_ spans: [Span], from: Date, to: Date) -> [Interval] {
        var result: [Interval] = []
        var cursor = from
        for span in spans.sorted(by: { $0.start < $1.start }) where span.end > cursor && span.start < to {
            if span.start > cursor { result.append(Interval(start: cursor, end: span.start)) }
            cursor = max(cursor, span.end)
        }
        if cursor < to { result.append(Interval(start: cursor, end: to)) }
        return result
    }

    /// Each member's hours in `[from, to)` (members without shifts count with zero; override contacts are added),
    /// highest first, with the deviation from the average.
    static func load(_ spans: [Span], members: [String], from: Date, to: Date) -> [Load] {
        var seconds: [String: Double] = Dictionary(uniqueKeysWithValues: Set(members).map { ($0, 0) })
        for span in spans {
            let length = min(span.end, to).timeIntervalSince(max(span.start, from))
            guard length > 0 else { continue }
            for contact in span.contacts { seconds[contact, default: 0] += length }
        }
        guard !seconds.isEmpty else { return [] }
        let average = seconds.values.reduce(0, +) / Double(seconds.count)
        return seconds.map { contact, value in
            Load(contact: contact, hours: value / 3600, deviation: average > 0 ? value / average - 1 : 0)
        }.sorted { ($0.hours, $1.contact) > ($1.hours, $0.contact) }
    }

    /// Whether a load is far enough from the average to flag (more than `tolerance` either way).
    static func isUnbalanced(_ load: Load, tolerance: Double = 0.25) -> Bool {
        abs(load.deviation) > tolerance
    }

    /// The stages (or any list) with the item at `index` moved one place up or down; nil when it cannot move.
    static func moved<Item>(_ items: [Item], index: Int, up: Bool) -> [Item]? {
        let other = up ? index - 1 : index + 1
        guard items.indices.contains(index), items.indices.contains(other) else { return nil }
        var result = items
        result.swapAt(index, other)
        return result
    }
}
