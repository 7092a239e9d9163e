import Foundation

/// What an execution waits for after ``AutomationExecution/advance(now:)``.
public enum AutomationDemand: Sendable, Equatable {
    /// Nothing: it finished, or it waits for a signal with no deadline.
    case none
    /// To be looked at again at a time (a sleep's end, a deadline, the next check).
    case wake(at: Date)
    /// Work outside the engine for the step record at `index`: run it, then report with ``AutomationExecution/finishLaunch(_:_:now:)``.
    case launch(index: Int, launchID: String)
    /// A child execution for the `aws:executeAutomation` record at `index`: start it, then report with
    /// ``AutomationExecution/childStarted(index:executionID:)`` or ``AutomationExecution/childFinished(index:status:outputs:failure:now:)``.
    case startChild(index: Int)
}
