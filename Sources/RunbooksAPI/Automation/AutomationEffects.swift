import Foundation
import HikeshiCore
import Logging

/// The work steps do outside the engine, provided by the application: calls to this server's own services, scripts
/// run in a separate process, and webhooks. Each answers with what the step came to; none throws.
public protocol AutomationEffects: Sendable {
    /// Calls `operation` of `service` (its boto3 name: `ssm-incidents`, `ssm-contacts`, `ssm`, `support`) as `caller`,
    /// with the request's members as JSON; `.response` holds the result's members as JSON.
    func call(service: String, operation: String, parameters: [String: DocumentValue], as caller: AutomationCaller, logger: Logger) async
        -> AutomationLaunchResult

    /// Runs a Python handler: `.response` holds `{"Payload": <what the handler returned>}`.
    func runScript(_ script: AutomationScript, logger: Logger) async -> AutomationLaunchResult

    /// Posts `body` to `url`: `.response` holds `{"ResponseCode": <status>, "Response": <body text>}`.
    func postWebhook(url: String, method: String, headers: [String: String], body: String, timeout: TimeInterval, logger: Logger) async
        -> AutomationLaunchResult
}

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

    /// Creates a script run.
    public init(runtime: String, handler: String, source: String, payload: DocumentValue, timeout: TimeInterval, executionID: String) {
        self.runtime = runtime
        self.handler = handler
        self.source = source
        self.payload = payload
        self.timeout = timeout
        self.executionID = executionID
    }
}

/// Whose executions may run `aws:executeScript` steps: the operator's choice (`--allow-scripts`).
public enum ScriptPolicy: String, Sendable, Equatable, CaseIterable {
    /// Only the administrator account's executions (the default).
    case admin
    /// Every account's.
    case all
    /// Nobody's.
    case none
}
