/// The candidate hand-off instants of a recurrence pattern in one time zone.
///
/// A candidate is the UTC instant of one pattern entry's local wall-clock time; duplicates (monthly
/// days clamped onto the same last day, or two local times a spring-forward gap maps onto one
/// instant) count once. Listing is exact near any instant; counting over long ranges is arithmetic
/// between UTC-offset changes, so a rotation that started decades ago costs a few dozen time-zone
/// look-ups per transition, not one per hand-off.
struct HandOffSchedule {
    /// The pattern's entries in local-time terms.
    enum Entries {
        /// Seconds after local midnight, sorted and distinct.
        case daily([Int])
        /// Seconds after local Monday 00:00, sorted and distinct.
        case weekly([Int])
        /// (day of month 1...31, seconds after local midnight), distinct.
        case monthly([(day: Int, second: Int)])
    }

    /// Below this range length `count` lists candidates instead of doing arithmetic.
    private static let exactCountLimit: Double = 62 * 86_400
    /// Distance from an offset change within which counting is exact.
    private static let transitionMargin: Double = 2 * 86_400
    /// Local seconds of Monday 1970-01-05 00:00, the origin of week numbers.
    private static let weekOrigin = 4 * 86_400
    private static let secondsPerWeek = 7 * 86_400

    /// The entries.
    let entries: Entries
    /// The zone.
    let clock: ZoneClock

    /// The schedule of a (validated) pattern in a zone.
    init(pattern: RotationRecurrence.Pattern, clock: ZoneClock) {
        self.clock = clock
        switch pattern {
        case .daily(let times):
            entries = .daily(Array(Set(times.map { $0.minuteOfDay * 60 })).sorted())
        case .weekly(let settings):
            let seconds = settings.map { $0.dayOfWeek.isoIndex * 86_400 + $0.handOffTime.minuteOfDay * 60 }
            entries = .weekly(Array(Set(seconds)).sorted())
        case .monthly(let settings):
            var seen = Set<[Int]>()
            var list: [(day: Int, second: Int)] = []
            for setting in settings where seen.insert([setting.dayOfMonth, setting.handOffTime.minuteOfDay]).inserted {
                list.append((setting.dayOfMonth, setting.handOffTime.minuteOfDay * 60))
            }
            entries = .monthly(list)
        }
    }

    /// A generous upper bound of the time between consecutive candidates, in seconds.
    var typicalPeriod: Double {
        switch entries {
        case .daily: 86_400
        case .weekly: 7 * 86_400
        case .monthly: 31 * 86_400
        }
    }

    /// Local seconds of every entry whose local time is in `[lower, upper]`, unsorted.
    func localEntries(from lower: Int, through upper: Int) -> [Int] {
        var result: [Int] = []
        switch entries {
        case .daily(let seconds):
            let firstDay = CivilCalendar.floorDiv(lower, 86_400)
            let lastDay = CivilCalendar.floorDiv(upper, 86_400)
            guard firstDay <= lastDay else { return [] }
            for day in firstDay...lastDay {
                for second in seconds {
                    let local = day * 86_400 + second
                    if local >= lower && local <= upper { result.append(local) }
                }
            }
        case .weekly(let seconds):
            let firstWeek = CivilCalendar.floorDiv(lower - Self.weekOrigin, Self.secondsPerWeek)
            let lastWeek = CivilCalendar.floorDiv(upper - Self.weekOrigin, Self.secondsPerWeek)
            guard firstWeek <= lastWeek else { return [] }
            for week in firstWeek...lastWeek {
                for second in seconds {
                    let local = Self.weekOrigin + week * Self.secondsPerWeek + second
                    if local >= lower && local <= upper { result.append(local) }
                }
            }
        case .monthly:
            let firstMonth = CivilCalendar.monthIndex(ofDayNumber: CivilCalendar.floorDiv(lower, 86_400))
            let lastMonth = CivilCalendar.monthIndex(ofDayNumber: CivilCalendar.floorDiv(upper, 86_400))
            guard firstMonth <= lastMonth else { return [] }
            for month in firstMonth...lastMonth {
                for local in monthlyLocalSeconds(monthIndex: month) where local >= lower && local <= upper {
                    result.append(local)
                }
            }
        }
        return result
    }

    /// Distinct local seconds of the monthly entries in one month, days 29–31 clamped to the last day.
    private func monthlyLocalSeconds(monthIndex: Int) -> [Int] {
        guard case .monthly(let list) = entries else { return [] }
        let (year, month) = CivilCalendar.yearMonth(ofMonthIndex: monthIndex)
        let lastDay = CivilCalendar.daysInMonth(year: year, month: month)
        var seen = Set<Int>()
        var result: [Int] = []
        for entry in list {
            let day = CivilCalendar.dayNumber(year: year, month: month, day: min(entry.day, lastDay))
            let local = day * 86_400 + entry.second
            if seen.insert(local).inserted { result.append(local) }
        }
        return result
    }

    /// Every candidate instant in `(lower, upper]`, sorted and distinct (UTC seconds since 1970).
    func candidates(after lower: Double, through upper: Double) -> [Double] {
        guard upper > lower else { return [] }
        let localLower = Int((lower - ZoneClock.maximumOffset).rounded(.down))
        let localUpper = Int((upper + ZoneClock.maximumOffset).rounded(.up))
        let instants = localEntries(from: localLower, through: localUpper)
            .map { clock.instant(atLocalSeconds: $0) }
            .filter { $0 > lower && $0 <= upper }
        return Array(Set(instants)).sorted()
    }

    /// The number of candidate instants in `(lower, upper]`.
    func count(after lower: Double, through upper: Double) -> Int {
        guard upper > lower else { return 0 }
        if upper - lower <= Self.exactCountLimit {
            return candidates(after: lower, through: upper).count
        }
        let margin = Self.transitionMargin
        var windows: [(lower: Double, upper: Double)] = []
        for transition in clock.transitions(after: lower - margin, through: upper + margin) {
            let window = (lower: max(lower, transition - margin), upper: min(upper, transition + margin))
            guard window.lower < window.upper else { continue }
            if let last = windows.last, window.lower <= last.upper {
                windows[windows.count - 1].upper = max(last.upper, window.upper)
            } else {
                windows.append(window)
            }
        }
        var total = 0
        var cursor = lower
        for window in windows {
            if window.lower > cursor {
                total += stableCount(after: cursor, through: window.lower)
            }
            total += candidates(after: max(cursor, window.lower), through: window.upper).count
            cursor = max(cursor, window.upper)
        }
        if cursor < upper {
            total += stableCount(after: cursor, through: upper)
        }
        return total
    }

    /// Candidates in `(lower, upper]` when the UTC offset is constant from two days before `lower`
    /// to two days after `upper`: then candidates and local entries correspond one to one.
    private func stableCount(after lower: Double, through upper: Double) -> Int {
        let offset = Double(clock.offset(at: lower))
        return localEntryCount(after: lower + offset, through: upper + offset)
    }

    /// The number of entries whose local seconds are in `(lower, upper]`, by arithmetic.
    private func localEntryCount(after lower: Double, through upper: Double) -> Int {
        func periods(_ second: Int, origin: Int, length: Int) -> Int {
            let shift = Double(origin + second)
            let size = Double(length)
            return Int(((upper - shift) / size).rounded(.down)) - Int(((lower - shift) / size).rounded(.down))
        }
        switch entries {
        case .daily(let seconds):
            return seconds.reduce(0) { $0 + periods($1, origin: 0, length: 86_400) }
        case .weekly(let seconds):
            return seconds.reduce(0) { $0 + periods($1, origin: Self.weekOrigin, length: Self.secondsPerWeek) }
        case .monthly:
            let firstDay = Int((lower / 86_400).rounded(.down))
            let lastDay = Int((upper / 86_400).rounded(.down))
            let firstMonth = CivilCalendar.monthIndex(ofDayNumber: firstDay)
            let lastMonth = CivilCalendar.monthIndex(ofDayNumber: lastDay)
            guard firstMonth <= lastMonth else { return 0 }
            var total = 0
            for month in firstMonth...lastMonth {
                total += monthlyLocalSeconds(monthIndex: month).filter { Double($0) > lower && Double($0) <= upper }.count
            }
            return total
        }
    }
}
