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
