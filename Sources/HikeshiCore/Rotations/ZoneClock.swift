import Foundation

/// Converts between UTC instants (seconds since 1970) and local wall-clock seconds in one time zone.
///
/// Local → UTC goes through `Calendar(identifier: .gregorian)` with the zone set, which resolves a
/// local time inside a spring-forward gap with the UTC offset in force before the gap (so it lands
/// the gap's length later, e.g. 02:30 → 03:30 EDT) and an ambiguous fall-back time to its first
/// occurrence. The tests pin this behaviour.
struct ZoneClock {
    /// No zone's UTC offset exceeds this (local mean times included); used as a search margin.
    static let maximumOffset: Double = 16 * 3600

    /// The zone.
    let timeZone: TimeZone
    private let calendar: Calendar

    /// A clock for `timeZone`.
    init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The zone's UTC offset in seconds at an instant.
    func offset(at instant: Double) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: instant))
    }

    /// Local wall-clock seconds since 1970-01-01T00:00 local at an instant.
    func localSeconds(at instant: Double) -> Double {
        instant + Double(offset(at: instant))
    }

    /// The local civil day number at an instant.
    func localDayNumber(at instant: Double) -> Int {
        Int((localSeconds(at: instant) / Double(CivilCalendar.secondsPerDay)).rounded(.down))
    }

    /// The UTC instant of a local wall-clock time, given as whole local seconds since 1970-01-01T00:00.
    func instant(atLocalSeconds seconds: Int) -> Double {
        let day = CivilCalendar.floorDiv(seconds, CivilCalendar.secondsPerDay)
        let secondOfDay = seconds - day * CivilCalendar.secondsPerDay
        let date = CivilCalendar.civil(fromDayNumber: day)
        let components = DateComponents(
            year: date.year,
            month: date.month,
            day: date.day,
            hour: secondOfDay / 3600,
            minute: secondOfDay % 3600 / 60,
            second: secondOfDay % 60
        )
        if let resolved = calendar.date(from: components) {
            return resolved.timeIntervalSince1970
        }
        let approximate = Double(seconds)
        return approximate - Double(offset(at: approximate - Double(offset(at: approximate))))
    }

    /// Every UTC-offset change in `(lower, upper]`, in order (at most `limit`).
    func transitions(after lower: Double, through upper: Double, limit: Int = 100_000) -> [Double] {
        var result: [Double] = []
        var cursor = Date(timeIntervalSince1970: lower)
        while result.count < limit, let next = timeZone.nextDaylightSavingTimeTransition(after: cursor), next > cursor {
            let instant = next.timeIntervalSince1970
            if instant > upper { break }
            result.append(instant)
            cursor = next
        }
        return result
    }
}
