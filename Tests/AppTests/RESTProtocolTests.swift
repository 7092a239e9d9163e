import AWSProtocol
import Foundation
import HTTPTypes
import SSMIncidentsModel
import Synchronization
import Testing

@testable import App

/// Echoes what the REST-JSON layer decoded, so tests see the URI, query and body bindings.
final class EchoIncidents: SSMIncidentsAPI {
    let untagged = Mutex<[String]>([])

    func getResponsePlan(_ input: SSMIncidents.GetResponsePlanInput, context: AWSRequestContext) async throws -> SSMIncidents.GetResponsePlanOutput {
        SSMIncidents.GetResponsePlanOutput(
            arn: input.arn,
            incidentTemplate: SSMIncidents.IncidentTemplate(impact: 3, title: "account \(context.accountID) in \(context.region)"),
            name: "plan"
        )
    }

    func listTagsForResource(
        _ input: SSMIncidents.ListTagsForResourceRequest,
        context: AWSRequestContext
    ) async throws -> SSMIncidents.ListTagsForResourceResponse {
        SSMIncidents.ListTagsForResourceResponse(tags: ["arn": input.resourceArn])
    }

    func untagResource(_ input: SSMIncidents.UntagResourceRequest, context: AWSRequestContext) async throws -> SSMIncidents.UntagResourceResponse {
        untagged.withLock { $0 = input.tagKeys }
        return SSMIncidents.UntagResourceResponse()
    }
}

@Suite("REST-JSON protocol")
struct RESTProtocolTests {
    static let planArn = "arn:aws:ssm-incidents::111111111111:response-plan/db-primary"

    /// RFC 3986 encoding, as the SDKs encode URI labels and query values.
    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(
            withAllowedCharacters: CharacterSet(charactersIn: "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~")) ?? text
    }

    @Test("query-string members are bound and answers use the model's status and plain JSON")
    func queryBinding() async throws {
        let harness = try await EndpointHarness.make(extraServices: [SSMIncidentsService(handler: EchoIncidents())])
        defer { Task { await harness.close() } }
        let encoded = Self.encode(Self.planArn)
        let reply = try await harness.send(method: .get, path: "/getResponsePlan", query: "arn=\(encoded)", body: "", service: "ssm-incidents")
        #expect(reply.status == 200)
        #expect(reply.json["arn"] as? String == Self.planArn)
        #expect((reply.json["incidentTemplate"] as? [String: Any])?["title"] as? String == "account 111111111111 in us-east-1")
        #expect(reply.headers[.contentType] == "application/json")
    }

    @Test("URI labels are percent-decoded, repeated query keys make a list, and 204 has no body")
    func uriBinding() async throws {
        let echo = EchoIncidents()
        let harness = try await EndpointHarness.make(extraServices: [SSMIncidentsService(handler: echo)])
        defer { Task { await harness.close() } }
        let encoded = Self.encode(Self.planArn)
        let tags = try await harness.send(method: .get, path: "/tags/\(encoded)", body: "", service: "ssm-incidents")
        #expect(tags.status == 200)
        #expect((tags.json["tags"] as? [String: String])?["arn"] == Self.planArn)
        let untag = try await harness.send(
            method: .delete, path: "/tags/\(encoded)", query: "tagKeys=team&tagKeys=env", body: "", service: "ssm-incidents")
        #expect(untag.status == 204)
        #expect(echo.untagged.withLock { $0 } == ["team", "env"])
    }

    @Test("REST-JSON errors carry x-amzn-ErrorType and the model's status")
    func errors() async throws {
        let harness = try await EndpointHarness.make(extraServices: [SSMIncidentsService(handler: EchoIncidents())])
        defer { Task { await harness.close() } }
        let missing = try await harness.send(method: .get, path: "/getResponsePlan", body: "", service: "ssm-incidents")
        #expect(missing.status == 400)
        #expect(missing.headers[.amznErrorType] == "ValidationException")
        #expect((missing.json["message"] as? String)?.contains("'arn'") == true)
        let unimplemented = try await harness.send(method: .post, path: "/startIncident", body: "{}", service: "ssm-incidents")
        #expect(unimplemented.status == 400)
        let unsigned = try await harness.send(method: .get, path: "/getResponsePlan", query: "arn=x", body: "", key: nil, service: "ssm-incidents")
        #expect(unsigned.status == 403)
        #expect(unsigned.headers[.amznErrorType] == "MissingAuthenticationTokenException")
    }
}
