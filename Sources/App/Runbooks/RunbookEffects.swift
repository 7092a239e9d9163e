import AsyncHTTPClient
import Foundation
import HikeshiCore
import Logging
import NIOCore
import NIOHTTP1
import RunbooksAPI

/// The outside work of runbook steps: calls to this server's services, scripts, webhooks.
struct RunbookEffects: AutomationEffects {
    /// The most of a webhook's answer kept as the step's `Response`.
    static let responseLimit = 64 * 1024

    let services: ServiceDirectory
    let scripts: PythonScriptRunner
    let httpClient: HTTPClient

    func call(service: String, operation: String, parameters: [String: DocumentValue], as caller: AutomationCaller, logger: Logger) async
        -> AutomationLaunchResult
    {
        await services.call(service: service, operation: operation, parameters: parameters, as: caller, logger: logger)
    }

    func runScript(_ script: AutomationScript, logger: Logger) async -> AutomationLaunchResult {
        await scripts.run(script, logger: logger)
    }

    func postWebhook(url: String, method: String, headers: [String: String], body: String, timeout: TimeInterval, logger: Logger) async
        -> AutomationLaunchResult
    {
        var request = HTTPClientRequest(url: url)
        request.method = method == "PUT" ? .PUT : .POST
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        request.body = .bytes(ByteBuffer(string: body))
        do {
            let response = try await httpClient.execute(request, timeout: .seconds(Int64(max(1, timeout))))
            var buffer = try await response.body.collect(upTo: Self.responseLimit * 4)
            let text = buffer.readString(length: min(buffer.readableBytes, Self.responseLimit)) ?? ""
            let code = Int(response.status.code)
            guard (200..<300).contains(code) else { return .failure("The webhook answered HTTP \(code)") }
            return .response(.object(["ResponseCode": .number(Double(code)), "Response": .string(text)]))
        } catch let error as HTTPClientError where error == .deadlineExceeded {
            return .timedOut("The webhook did not answer within \(Int(timeout)) seconds")
        } catch {
            logger.info("runbook webhook failed", metadata: ["webhook.error": .string(String(describing: error))])
            return .failure("The webhook could not be reached")
        }
    }
}
