import Foundation
import HikeshiCore

/// Where a case's first-response target stands for the queue: answered, breached, paused while its business calendar
/// is closed, or running towards its due instant. Pure: the queue computes it from the case view, the calendar and now.
enum DueStatus: Sendable, Equatable {
    /// The first response was sent (or the case has no target).
    case answered
    /// No target applies (a plan without one for the severity).
    case noTarget
    /// The due instant has passed without a first response, or the desk marked the case breached.
    case breached(overdue: TimeInterval)
    /// The calendar is closed now: the clock waits until it opens, with this much business time left.
    case paused(until: Date, remaining: TimeInterval)
    /// The clock runs: this long until the due instant.
    case running(remaining: TimeInterval)

    /// The status of a case: `calendar` is the case's business calendar when its clock counts business time (nil for
    /// 24/7).
    static func of(dueAt: Date?, firstResponseAt: Date?, breached: Bool, calendar: BusinessCalendar?, now: Date) -> DueStatus {
        if firstResponseAt != nil { return .answered }
        guard let dueAt else { return breached ? .breached(overdue: 0) : .noTarget }
        if breached || dueAt <= now { return .breached(overdue: max(0, now.timeIntervalSince(dueAt))) }
        let remaining = dueAt.timeIntervalSince(now)
        if let calendar, !calendar.isAlwaysOpen, !calendar.isOpen(at: now), let opening = calendar.nextOpening(after: now), opening < dueAt {
            return .paused(until: opening, remaining: calendar.businessSeconds(from: now, to: dueAt))
        }
        return .running(remaining: remaining)
    }

    /// The sort rank: breached first, then running and paused by due instant, then the rest.
    var rank: Int {
        switch self {
        case .breached: 0
        case .running, .paused: 1
        case .noTarget: 2
        case .answered: 3
        }
    }

    /// The CSS class (always shown with words, never by colour alone).
    var cssClass: String {
        switch self {
        case .answered: "answered"
        case .noTarget: "none"
        case .breached: "breached"
        case .paused: "paused"
        case .running: "running"
        }
    }
}
