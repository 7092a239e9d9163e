import Foundation
import HikeshiCore
import Storage

/// Hears an execution's events in the transaction that makes them (so what it queues commits with them): the
/// application uses it to tell incidents about the runbooks they started.
public protocol AutomationObserver: Sendable {
    /// Records `events` of `execution`.
    func record(_ events: [AutomationEvent], of execution: AutomationExecution, now: Date, in transaction: any RunbooksTransaction) async throws
}
