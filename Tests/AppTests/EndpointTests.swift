import Foundation
import HTTPTypes
import Testing

@testable import App

@Suite("AWS endpoint")
struct EndpointTests {
    @Test("a signed JSON 1.1 call runs and answers in the service's shape, with the signing region in ARNs")
    func signedCall() async throws {
        let harness = try await EndpointHarness.make()
        defer { Task { await harness.close() } }
        let created = try await harness.send(
            target: "SSMContacts.CreateContact",
            body: #"{"Alias":"lead","Type":"PERSONAL","Plan":{"Stages":[]}}"#,
            region: "ap-northeast-1"
        )
        #expect(created.status == 200)
        #expect(created.json["ContactArn"] as? String == "arn:aws:ssm-contacts:ap-northeast-1:111111111111:contact/lead")
        #expect(created.headers[.contentType] == "application/x-amz-json-1.1")
        #expect(created.headers[.amznRequestID]?.count == 36)
        let fetched = try await harness.send(
            target: "SSMContacts.GetContact",
            body: #"{"ContactId":"arn:aws:ssm-contacts:ap-northeast-1:111111111111:contact/lead"}"#,
            region: "ap-northeast-1"
        )
        #expect(fetched.status == 200)
        #expect(fetched.json["Alias"] as? String == "lead")
    }

    @Test("another account cannot see the contact")
    func isolation() async throws {
        let harness = try await EndpointHarness.make()
        defer { Task { await harness.close() } }
        _ = try await harness.send(target: "SSMContacts.CreateContact", body: #"{"Alias":"mine","Type":"PERSONAL","Plan":{}}"#)
        let other = try await harness.send(
            target: "SSMContacts.GetContact",
            body: #"{"ContactId":"arn:aws:ssm-contacts:us-east-1:111111111111:contact/mine"}"#,
            key: ("AKIABOB0000000000000", "bob-secret")
        )
        #expect(other.status == 400)
        #expect(other.json["__type"] as? String == "ResourceNotFoundException")
        let list = try await harness.send(target: "SSMContacts.ListContacts", key: ("AKIABOB0000000000000", "bob-secret"))
        #expect((list.json["Contacts"] as? [Any])?.isEmpty == true)
    }

    @Test("authentication failures are 403 with AWS's codes, and change nothing")
    func authentication() async throws {
        let harness = try await EndpointHarness.make()
        defer { Task { await harness.close() } }
        let body = #"{"Alias":"x","Type":"PERSONAL","Plan":{}}"#
        let unsigned = try await harness.send(target: "SSMContacts.CreateContact", body: body, key: nil)
        #expect(unsigned.status == 403)
        #expect(unsigned.json["__type"] as? String == "MissingAuthenticationTokenException")
        let wrongSecret = try await harness.send(target: "SSMContacts.CreateContact", body: body, key: ("AKIAALICE00000000000", "nope"))
        #expect(wrongSecret.status == 403)
        #expect(wrongSecret.json["__type"] as? String == "InvalidSignatureException")
        let unknownKey = try await harness.send(target: "SSMContacts.CreateContact", body: body, key: ("AKIAUNKNOWN000000000", "x"))
        #expect(unknownKey.status == 403)
        #expect(unknownKey.json["__type"] as? String == "UnrecognizedClientException")
        // A correctly signed request with a key the store knows no account for is refused too.
        let orphan = try await harness.send(target: "SSMContacts.CreateContact", body: body, key: ("AKIAORPHAN0000000000", "orphan-secret"))
        #expect(orphan.status == 403)
        #expect(orphan.json["__type"] as? String == "UnrecognizedClientException")
        let stale = try await harness.send(target: "SSMContacts.CreateContact", body: body, date: Date().addingTimeInterval(-20 * 60))
        #expect(stale.status == 403)
        #expect(stale.json["__type"] as? String == "InvalidSignatureException")
        let wrongService = try await harness.send(target: "SSMContacts.CreateContact", body: body, service: "support")
        #expect(wrongService.status == 403)
        let list = try await harness.send(target: "SSMContacts.ListContacts")
        #expect((list.json["Contacts"] as? [Any])?.isEmpty == true)
    }

    @Test("validation errors name the field, in message and Fields")
    func validation() async throws {
        let harness = try await EndpointHarness.make()
        defer { Task { await harness.close() } }
        let tooLong = String(repeating: "a", count: 256)
        let reply = try await harness.send(target: "SSMContacts.CreateContact", body: #"{"Alias":"\#(tooLong)","Type":"PERSONAL","Plan":{}}"#)
        #expect(reply.status == 400)
        #expect(reply.json["__type"] as? String == "ValidationException")
        #expect((reply.json["message"] as? String)?.contains("at 'Alias'") == true)
        let fields = reply.json["Fields"] as? [[String: Any]]
        #expect(fields?.first?["Name"] as? String == "Alias")
        #expect(reply.json["Reason"] as? String == "FIELD_VALIDATION_FAILED")
        let missing = try await harness.send(target: "SSMContacts.CreateContact", body: #"{"Alias":"ok","Type":"PERSONAL"}"#)
        #expect((missing.json["message"] as? String)?.contains("'Plan'") == true)
        let nested = try await harness.send(
            target: "SSMContacts.CreateContact",
            body: #"{"Alias":"ok","Type":"ESCALATION","Plan":{"Stages":[{"DurationInMinutes":31,"Targets":[]}]}}"#
        )
        #expect((nested.json["message"] as? String)?.contains("Plan.Stages[0].DurationInMinutes") == true)
    }

    @Test("malformed bodies, unknown operations and unknown services get AWS errors, never a 500")
    func malformed() async throws {
        let harness = try await EndpointHarness.make()
        defer { Task { await harness.close() } }
        let garbage = try await harness.send(target: "SSMContacts.CreateContact", body: "{not json")
        #expect(garbage.status == 400)
        #expect(garbage.json["__type"] as? String == "SerializationException")
        let wrongType = try await harness.send(target: "SSMContacts.CreateContact", body: #"{"Alias":5,"Type":"PERSONAL","Plan":{}}"#)
        #expect(wrongType.json["__type"] as? String == "SerializationException")
        let array = try await harness.send(target: "SSMContacts.ListContacts", body: "[]")
        #expect(array.status == 400)
        let unknown = try await harness.send(target: "SSMContacts.LaunchRockets")
        #expect(unknown.status == 400)
        #expect(unknown.json["__type"] as? String == "UnknownOperationException")
        let otherService = try await harness.send(target: "Nope_20200101.Thing")
        #expect(otherService.status == 400)
        #expect(otherService.json["__type"] as? String == "UnknownOperationException")
        for body in ["", "null", "\"x\"", "{\"MaxResults\":-1}", "{\"MaxResults\":99999999999999999999}", "{\"NextToken\":\"!!\"}"] {
            let reply = try await harness.send(target: "SSMContacts.ListContacts", body: body)
            #expect(reply.status < 500, "body \(body) gave \(reply.status)")
        }
    }

    @Test("pagination tokens are opaque, complete, and refused when forged")
    func pagination() async throws {
        let harness = try await EndpointHarness.make()
        defer { Task { await harness.close() } }
        for index in 0..<5 {
            _ = try await harness.send(target: "SSMContacts.CreateContact", body: #"{"Alias":"p\#(index)","Type":"PERSONAL","Plan":{}}"#)
        }
        var seen: [String] = []
        var token: String?
        repeat {
            let body = token.map { #"{"MaxResults":2,"NextToken":"\#($0)"}"# } ?? #"{"MaxResults":2}"#
            let page = try await harness.send(target: "SSMContacts.ListContacts", body: body)
            seen += (page.json["Contacts"] as? [[String: Any]] ?? []).compactMap { $0["Alias"] as? String }
            token = page.json["NextToken"] as? String
            #expect(token.map { !$0.contains("p") } ?? true)
        } while token != nil
        #expect(seen == ["p0", "p1", "p2", "p3", "p4"])
        let forged = try await harness.send(target: "SSMContacts.ListContacts", body: #"{"NextToken":"dGFtcGVyZWQ="}"#)
        #expect(forged.json["__type"] as? String == "ValidationException")
    }

    @Test("metrics count requests per operation and status")
    func metrics() async throws {
        let harness = try await EndpointHarness.make()
        defer { Task { await harness.close() } }
        _ = try await harness.send(target: "SSMContacts.ListContacts")
        _ = try await harness.send(target: "SSMContacts.ListContacts", key: nil)
        let text = harness.metrics.render()
        #expect(text.contains(#"hikeshi_requests_total{service="ssm-contacts",operation="ListContacts",status="200"} 1"#))
        #expect(text.contains(#"hikeshi_requests_total{service="ssm-contacts",operation="ListContacts",status="403"} 1"#))
        #expect(text.contains("hikeshi_request_duration_seconds_bucket"))
        // The handles kept for a second request with the same labels count into the same series.
        _ = try await harness.send(target: "SSMContacts.ListContacts")
        _ = try await harness.send(target: "SSMContacts.ListTagsForResource", body: "{}")
        let again = harness.metrics.render()
        #expect(again.contains(#"hikeshi_requests_total{service="ssm-contacts",operation="ListContacts",status="200"} 2"#))
        #expect(again.contains(#"hikeshi_requests_total{service="ssm-contacts",operation="ListContacts",status="403"} 1"#))
        #expect(again.contains(#"hikeshi_request_duration_seconds_count{service="ssm-contacts",operation="ListContacts"} 3"#))
        #expect(again.contains(#"operation="ListTagsForResource",status="400"} 1"#))
    }
}
