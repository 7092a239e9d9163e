import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import RunbooksAPI
import Synchronization

/// This server's AWS services by their boto3 client names, for `aws:executeAwsApi` and the property steps: the services
/// are made after the engine (they take the scheduler it runs in), so the application fills the directory in once
/// they exist.
final class ServiceDirectory: Sendable {
    private let services = Mutex<[String: any AWSServiceHandler]>([:])

    /// Adds the services, under their endpoint prefixes (`ssm-incidents`, `ssm-contacts`, `ssm`, `support`, `hikeshi`).
    func register(_ handlers: [any AWSServiceHandler]) {
        services.withLock { table in
            for handler in handlers { table[handler.model.endpointPrefix] = handler }
        }
    }

    /// Calls an operation in-process as `caller`. The operation may be named as in the API (`ListTimelineEvents`) or as
    /// in boto3 (`list_timeline_events`).
    func call(service: String, operation: String, parameters: [String: DocumentValue], as caller: AutomationCaller, logger: Logger) async
        -> AutomationLaunchResult
    {
        guard let handler = services.withLock({ $0[service] }) else {
            let known = services.withLock { $0.keys.sorted() }.joined(separator: ", ")
            return .failure("Service \(service) is not one this server runs; aws:executeAwsApi calls \(known)")
        }
        let name = operation.contains("_") ? operation.split(separator: "_").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined() : operation
        guard handler.model.operations[name] != nil else { return .failure("\(service) has no operation \(operation)") }
        let context = AWSRequestContext(
            accountID: caller.accountID, region: caller.region, accessKeyID: caller.accessKey, requestID: UUID().uuidString, logger: logger)
        do {
            let body = try JSONEncoder().encode(DocumentValue.object(parameters))
            let output = try await handler.handle(operation: name, input: AWSInput(body: body), context: context)
            let data = try AWSJSONCoding.encoder.encode(output)
            return .response(try JSONDecoder().decode(DocumentValue.self, from: data))
        } catch let error as any AWSErrorConvertible {
            let shape = error.awsError
            return .failure("\(service) \(name) failed: \(shape.code): \(shape.message)")
        } catch {
            return .failure("\(service) \(name) failed: \(error)")
        }
    }
}
