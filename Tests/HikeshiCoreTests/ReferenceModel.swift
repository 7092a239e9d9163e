import Foundation
import HikeshiCore

/// A deliberately naive model of the documented semantics, for cross-checking the engine: it
/// walks every local day (or month) from the rotation's start with Foundation's `Calendar`,
/// collects every candidate hand-off, and derives shifts, coverage and members from first
/// principles. Slow, simple, independent of the engine's arithmetic.
struct ReferenceModel {
    let rotation: RotationDefinition
    private let calendar: Calendar

    init(_ rotation: RotationDefinition) throws {
        self.rotation = rotation
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: rotation.timeZoneID) ?? calendar.timeZone
        self.calendar = calendar
    }

    /// Every candidate hand-off instant strictly after the start and up to `limit`, sorted, distinct.
    func candidates(through limit: Date) -> [Date] {
        var found = Set<Date>()
        let first = calendar.dateComponents([.year, .month, .day], from: rotation.start.addingTimeInterval(-40 * 86_400))
        var day = calendar.date(from: first) ?? rotation.start
        let end = limit.addingTimeInterval(40 * 86_400)
        while day < end {
            let parts = calendar.dateComponents([.year, .month, .day, .weekday], from: day)
            guard let year = parts.year, let month = parts.month, let dayOfMonth = parts.day, let weekday = parts.weekday else { break }
            var times: [HandOffTime] = []
            switch rotation.recurrence.pattern {
            case .daily(let list):
                times = list
            case .weekly(let list):
                let iso = (weekday + 5) % 7
                times = list.filter { $0.dayOfWeek.isoIndex == iso }.map(\.handOffTime)
            case .monthly(let list):
                let length = calendar.range(of: .day, in: .month, for: day)?.count ?? 31
                times = list.filter { min($0.dayOfMonth, length) == dayOfMonth }.map(\.handOffTime)
            }
            for time in times {
                let components = DateComponents(year: year, month: month, day: dayOfMonth, hour: time.hour, minute: time.minute)
                if let instant = calendar.date(from: components), instant > rotation.start, instant <= limit {
                    found.insert(instant)
                }
            }
            guard let next = calendar.date(byAdding: .day, value: 1, to: day) else { break }
            day = next
        }
        return found.sorted()
    }

    /// The regular shifts (no coverage) overlapping `[from, to)`.
    func regularShifts(from: Date, to: Date) -> [Shift] {
        let recurrence = rotation.recurrence
        let horizon = to.addingTimeInterval(Double(recurrence.multiplier + 2) * 32 * 86_400)
        let all = candidates(through: horizon)
        var handOffs = [rotation.start]
        var position = recurrence.multiplier - 1
        while position < all.count {
            handOffs.append(all[position])
            position += recurrence.multiplier
        }
        var result: [Shift] = []
        for index in 0..<(handOffs.count - 1) where handOffs[index] < to && handOffs[index + 1] > from {
            let count = rotation.members.count
            let names = (0..<recurrence.numberOfOnCalls).map { rotation.members[(index * recurrence.numberOfOnCalls + $0) % count] }
            result.append(Shift(start: handOffs[index], end: handOffs[index + 1], members: names))
        }
        return result
    }

    /// Whether local coverage includes the instant, by reading its local weekday and time.
    func isCovered(_ instant: Date) -> Bool {
        let windows = rotation.recurrence.coverage
        if windows.values.allSatisfy(\.isEmpty) { return true }
        let parts = calendar.dateComponents([.weekday, .hour, .minute], from: instant)
        let iso = ((parts.weekday ?? 2) + 5) % 7
        let minute = (parts.hour ?? 0) * 60 + (parts.minute ?? 0)
        let today = windows[Weekday(isoIndex: iso)] ?? []
        let yesterday = windows[Weekday(isoIndex: iso - 1)] ?? []
        for window in today {
            if window.wrapsPastMidnight ? minute >= window.start.minuteOfDay : (window.start.minuteOfDay..<window.end.minuteOfDay).contains(minute) {
                return true
            }
        }
        return yesterday.contains { $0.wrapsPastMidnight && minute < $0.end.minuteOfDay }
    }
}
