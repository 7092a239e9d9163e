import AWSClient
import AWSProtocol
import AsyncHTTPClient
import Logging
import SupportAPI

/// Calls an upstream AWS Support API (AWS, or another desk) with a SigV4-signed JSON client.
///
/// Each call has its own HTTP client with one connection attempt: an unreachable desk fails the call at once, and
/// the escalation's own backoff retries it (AsyncHTTPClient's shared client would retry the connection until the
/// call's deadline). Escalations talk upstream every few minutes, so a connection per call costs nothing that shows.
struct AWSUpstreamCaller: UpstreamSupportCaller {
    let logger: Logger

    func call<Input: AWSShape, Output: AWSShape>(
        _ operation: String, _ input: Input, as output: Output.Type, at endpoint: UpstreamEndpoint
    ) async throws(UpstreamFailure) -> Output {
        var settings = HTTPClient.Configuration(timeout: .init(connect: .seconds(10)))
        settings.connectionPool.retryConnectionEstablishment = false
        let http = HTTPClient(eventLoopGroupProvider: .singleton, configuration: settings)
        let client = AWSJSONClient(
            endpoint: endpoint.url, region: endpoint.region, signingName: "support", targetPrefix: "AWSSupport_20130415",
            credentials: AWSCredentials(
                accessKeyID: endpoint.accessKeyID, secretAccessKey: endpoint.secretAccessKey, sessionToken: endpoint.sessionToken),
            httpClient: http, timeout: .seconds(60), logger: logger)
        let result: Result<Output, UpstreamFailure>
        do {
            result = .success(try await client.call(operation, input, as: output))
        } catch {
            result = .failure(UpstreamFailure(code: error.code, message: error.message, isRetryable: error.isRetryable))
        }
        try? await http.shutdown()
        return try result.get()
    }
}
