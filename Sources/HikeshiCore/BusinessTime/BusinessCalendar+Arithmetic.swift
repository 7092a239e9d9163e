import Foundation

extension BusinessCalendar {
    /// Whether the desk is open at `instant`: inside a window of that local day, and the day is not a holiday.
    public func isOpen(at instant: Date) -> Bool {
        if isAlwaysOpen { return true }
        let schedule = BusinessDaySchedule(self)
        return schedule.openIntervals(on: schedule.localDate(of: instant)).contains { $0.start <= instant && instant < $0.end }
    }

    /// The earliest instant at or after `instant` when the desk is open: `instant` itself when open now, otherwise the
    /// next window's opening. Nil when no window opens within `searchHorizonDays` days (a calendar without hours).
    public func nextOpening(after instant: Date) -> Date? {
        if isAlwaysOpen { return instant }
        let schedule = BusinessDaySchedule(self)
        var day = schedule.localDate(of: instant)
        for _ in 0...Self.searchHorizonDays {
            if let interval = schedule.openIntervals(on: day).first(where: { $0.end > instant }) {
                return max(interval.start, instant)
            }
            day = day.adding(days: 1)
        }
        return nil
    }

    /// The instant by which `seconds` of business time have passed since `start`: only open time counts, so a case
    /// opened at night or on a holiday starts counting at the next opening. When the time runs out exactly at a
    /// closing, the closing instant is returned. Zero seconds gives `start`; always-open calendars add plainly.
    ///
    /// Walks day by day. Throws `invalidDuration` for a negative or non-finite duration and `noOpenHours` when
    /// `searchHorizonDays` consecutive days pass without any open time.
    public func dueDate(adding seconds: TimeInterval, to start: Date) throws(BusinessCalendarError) -> Date {
        guard seconds.isFinite, seconds >= 0 else { throw .invalidDuration(seconds) }
        if isAlwaysOpen || seconds == 0 { return start.addingTimeInterval(seconds) }
        let schedule = BusinessDaySchedule(self)
        var remaining = seconds
        var day = schedule.localDate(of: start)
        var closedDays = 0
        while closedDays <= Self.searchHorizonDays {
            var opened = false
            for interval in schedule.openIntervals(on: day) where interval.end > start {
                opened = true
                let from = max(interval.start, start)
                let available = interval.end.timeIntervalSince(from)
                if remaining <= available {
                    return from.addingTimeInterval(remaining)
                }
                remaining -= available
            }
            closedDays = opened ? 0 : closedDays + 1
            day = day.adding(days: 1)
        }
        throw .noOpenHours
    }

    /// The business time between `start` and `end`: the open time inside `[start, end)`; 0 when `end` is not after
    /// `start`. The inverse of `dueDate(adding:to:)`: `businessSeconds(from: s, to: dueDate(adding: d, to: s)) == d`.
    public func businessSeconds(from start: Date, to end: Date) -> TimeInterval {
        guard end > start else { return 0 }
        if isAlwaysOpen { return end.timeIntervalSince(start) }
        let schedule = BusinessDaySchedule(self)
        let last = schedule.localDate(of: end)
        var day = schedule.localDate(of: start)
        var total: TimeInterval = 0
        while day <= last {
            for interval in schedule.openIntervals(on: day) {
                let from = max(interval.start, start)
                let to = min(interval.end, end)
                if to > from {
                    total += to.timeIntervalSince(from)
                }
            }
            day = day.adding(days: 1)
        }
        return total
    }
}
