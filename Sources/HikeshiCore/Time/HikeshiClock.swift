import Foundation

/// The source of domain time: every timer, shift and timestamp asks this, never `Date()`.
///
/// Injected everywhere so that tests move time by hand and the server can run scaled time for demos.
public protocol HikeshiClock: Sendable {
    /// The current instant.
    func now() -> Date

    /// Suspends until `deadline` (in this clock's time) or until the task is cancelled.
    func sleep(until deadline: Date) async throws
}

/// The machine's clock.
public struct SystemClock: HikeshiClock {
    /// Creates the system clock.
    public init() {}

    /// The machine's current instant.
    public func now() -> Date { Date() }

    /// Sleeps on the continuous clock until the deadline.
    public func sleep(until deadline: Date) async throws {
        let interval = deadline.timeIntervalSinceNow
        if interval > 0 {
            try await Task.sleep(for: .seconds(interval))
        }
    }
}
