import Foundation

/// The first-response clock of a support case: when the reply is due, how much business time has run, and whether the
/// target was met.
///
/// Only the first response has a target. On business-hours plans the clock runs only while `calendar` is open
/// (weekday hours, minus holidays); on 24/7 plans the calendar is always open and business time is elapsed time.
public struct FirstResponseClock: Sendable, Hashable, Codable {
    /// The calendar the clock runs on.
    public var calendar: BusinessCalendar
    /// The target in minutes of business time; nil when the plan sets none.
    public var targetMinutes: Int?
    /// When the case was opened.
    public var openedAt: Date

    /// A clock for a case opened at `openedAt`.
    public init(calendar: BusinessCalendar, targetMinutes: Int?, openedAt: Date) {
        self.calendar = calendar
        self.targetMinutes = targetMinutes
        self.openedAt = openedAt
    }

    /// When the first response is due; nil without a target (or when the calendar never opens).
    public var dueAt: Date? {
        guard let targetMinutes else { return nil }
        return try? calendar.dueDate(adding: TimeInterval(targetMinutes) * 60, to: openedAt)
    }

    /// Business seconds from opening to the first response, or to `now` while there is none.
    public func businessSecondsSpent(firstResponseAt: Date?, now: Date) -> TimeInterval {
        let end = firstResponseAt ?? now
        guard end > openedAt else { return 0 }
        return calendar.businessSeconds(from: openedAt, to: end)
    }

    /// Whether the target was met: true when the first response came by the due time, false once it came late or the due
    /// time passed without one, nil while the clock is still running (or without a target).
    public func targetMet(firstResponseAt: Date?, now: Date) -> Bool? {
        Self.targetMet(dueAt: dueAt, firstResponseAt: firstResponseAt, now: now)
    }

    /// The same verdict for a due time already computed (and stored) from this clock.
    public static func targetMet(dueAt: Date?, firstResponseAt: Date?, now: Date) -> Bool? {
        guard let dueAt else { return nil }
        if let firstResponseAt {
            return firstResponseAt <= dueAt
        }
        return now > dueAt ? false : nil
    }
}
