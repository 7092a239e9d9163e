/// The covered time of a rotation: the union of its local coverage windows, as UTC intervals.
struct CoverageSchedule {
    /// Window edges per ISO weekday index (Monday is 0): local seconds after that day's midnight;
    /// an end beyond 86 400 continues into the next day.
    private let windows: [[(start: Int, end: Int)]]
    /// Whether every instant is covered (no windows at all, or windows covering the whole week).
    let isAlwaysCovered: Bool
    private let clock: ZoneClock

    /// The coverage of (validated) windows in a zone.
    init(coverage: [Weekday: [CoverageWindow]], clock: ZoneClock) {
        self.clock = clock
        var windows = Array(repeating: [(start: Int, end: Int)](), count: 7)
        var minutes = Array(repeating: false, count: 7 * 1440)
        var total = 0
        for (weekday, list) in coverage {
            for window in list {
                let start = window.start.minuteOfDay
                windows[weekday.isoIndex].append((start * 60, (start + window.lengthInMinutes) * 60))
                for minute in start..<(start + window.lengthInMinutes) {
                    minutes[(weekday.isoIndex * 1440 + minute) % minutes.count] = true
                }
                total += 1
            }
        }
        self.windows = windows
        isAlwaysCovered = total == 0 || minutes.allSatisfy { $0 }
    }

    /// The covered intervals that overlap `[lower, upper)`, merged where they touch, sorted.
    ///
    /// Intervals are computed from the local days around the range only, so one that continues
    /// far beyond it is cut where the computation stops (the caller widens the range).
    func intervals(from lower: Double, to upper: Double) -> [(start: Double, end: Double)] {
        let firstDay = Int(((lower - ZoneClock.maximumOffset) / 86_400).rounded(.down)) - 1
        let lastDay = Int(((upper + ZoneClock.maximumOffset) / 86_400).rounded(.down))
        guard firstDay <= lastDay else { return [] }
        var raw: [(start: Double, end: Double)] = []
        for day in firstDay...lastDay {
            for window in windows[CivilCalendar.weekdayIndex(ofDayNumber: day)] {
                let start = clock.instant(atLocalSeconds: day * 86_400 + window.start)
                let end = clock.instant(atLocalSeconds: day * 86_400 + window.end)
                if end > start { raw.append((start, end)) }
            }
        }
        raw.sort { $0.start < $1.start }
        var merged: [(start: Double, end: Double)] = []
        for interval in raw {
            if let last = merged.last, interval.start <= last.end {
                merged[merged.count - 1].end = max(last.end, interval.end)
            } else {
                merged.append(interval)
            }
        }
        return merged.filter { $0.start < upper && $0.end > lower }
    }
}
