import Foundation

/// Where a step is in its work; the engine's own detail, not on the wire.
public enum AutomationStepPhase: Sendable, Equatable, Codable {
    /// Not started, or finished.
    case idle
    /// Failed an attempt, with attempts left: the next begins when the engine next looks.
    case retrying
    /// `aws:sleep` until a time.
    case sleeping(until: Date)
    /// Waiting for a signal (`aws:pause`, `aws:approve`), until an optional deadline.
    case awaitingSignal(deadline: Date?)
    /// Running outside the engine (a process, a call); `deadline` is when the engine gives up on it, `pollUntil` the
    /// end of an `aws:waitForAwsResourceProperty` step's checking.
    case launched(launchID: String, deadline: Date, pollUntil: Date?)
    /// `aws:waitForAwsResourceProperty` between checks.
    case polling(next: Date, deadline: Date)
    /// Waiting for a child execution (`aws:executeAutomation`); `nil` until the child is started.
    case child(executionID: String?)
}
