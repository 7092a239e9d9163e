import Foundation
import HikeshiCore
import Logging

/// An `aws:executeScript` step, ready to run.
public struct AutomationScript: Sendable, Equatable {
    /// The runtime (`python3.11`…).
    public var runtime: String
    /// The handler function's name.
    public var handler: String
    /// The script's source.
    public var source: String
    /// `InputPayload`, given to the handler as `events`.
    public var payload: DocumentValue
    /// How long it may run.
    public var timeout: TimeInterval
    /// The execution it runs for (given to the handler as `context["automation:EXECUTION_ID"]`).
    public var executionID: String
    /// The latest it may start (domain time): after that the engine may already have given the step up, so a script
    /// still waiting for a free slot then does not run at all.
    public var startBy: Date

    /// Creates a script run.
    public init(
        runtime: String, handler: String, source: String, payload: DocumentValue, timeout: TimeInterval, executionID: String, startBy: Date
    ) {
        self.runtime = runtime
        self.handler = handler
        self.source = source
        self.payload = payload
        self.timeout = timeout
        self.executionID = executionID
        self.startBy = startBy
    }
}
