import Crypto
import Foundation
import Testing

@testable import Alerting

@Suite("GenericWebhook")
struct GenericWebhookTests {
    @Test("Every field is read; unknown fields are ignored")
    func full() throws {
        let body = try Fixture.bytes("generic-full.json")
        let alert = try GenericWebhook.parse(body)
        #expect(alert.source == "uptime.canary")
        #expect(alert.triggerArn == nil)
        #expect(alert.title == "Checkout is down")
        #expect(alert.summary == "The synthetic canary failed 3 times in a row from 2 regions.")
        #expect(alert.dedupeKey == "canary:checkout")
        #expect(alert.status == .firing)
        #expect(alert.impactHint == 2)
        #expect(alert.resources == ["arn:aws:synthetics:us-east-1:123456789012:canary:checkout", "https://status.example.com/checkout"])
        #expect(sameInstant(alert.timestamp, Fixture.date(2024, 5, 1, 10, 0, 0)))
        #expect(alert.rawData == String(decoding: body, as: UTF8.self))
    }

    @Test("Only the title is required; the dedupe key defaults to a hash of it")
    func minimal() throws {
        let alert = try GenericWebhook.parse(Fixture.bytes("generic-minimal.json"))
        let digest = SHA256.hash(data: Array("Disk almost full on db-1".utf8)).map { String(format: "%02x", $0) }.joined()
        #expect(alert.dedupeKey == "generic:" + digest.prefix(32))
        #expect(alert.dedupeKey.count == "generic:".count + 32)
        #expect(alert.source == "generic")
        #expect(alert.status == .firing)
        #expect(alert.summary == nil)
        #expect(alert.impactHint == nil)
        #expect(alert.resources.isEmpty)
        #expect(alert.timestamp == nil)
    }

    @Test("The same title deduplicates; resolved is read; a numeric-string impact is accepted")
    func resolvedAndDedupe() throws {
        let firing = try GenericWebhook.parse(Array(#"{"title":"Queue backlog"}"#.utf8))
        let resolved = try GenericWebhook.parse(Array(#"{"title":"Queue backlog","status":"RESOLVED","impact":"4"}"#.utf8))
        #expect(resolved.status == .resolved)
        #expect(resolved.dedupeKey == firing.dedupeKey)
        #expect(resolved.impactHint == 4)
    }

    @Test("Long titles and sources are cut to what ssm-incidents accepts; line breaks become spaces")
    func bounds() throws {
        let title = String(repeating: "🔥", count: 300)
        let body = #"{"title":"\#(title)","source":"\#(String(repeating: "s", count: 80))"}"#
        let alert = try GenericWebhook.parse(Array(body.utf8))
        #expect(alert.title.unicodeScalars.count == Alerting.maximumTitleLength)
        #expect(alert.title.hasSuffix("…"))
        #expect(alert.source.unicodeScalars.count == Alerting.maximumSourceLength)
        let multiline = try GenericWebhook.parse(Array(#"{"title":"  Disk\nfull\ton db-1  "}"#.utf8))
        #expect(multiline.title == "Disk full on db-1")
    }

    static let malformed: [(String, AlertingError)] = [
        ("{}", .missingField("title")),
        (#"{"title":"   "}"#, .missingField("title")),
        (#"{"title":null}"#, .missingField("title")),
        (#"{"title":42}"#, .invalidField("title", reason: "not a string.")),
        (#"{"title":"t","status":"open"}"#, .invalidField("status", reason: "'open' is not firing or resolved.")),
        (#"{"title":"t","impact":0}"#, .invalidField("impact", reason: "not an integer from 1 to 5.")),
        (#"{"title":"t","impact":6}"#, .invalidField("impact", reason: "not an integer from 1 to 5.")),
        (#"{"title":"t","impact":2.5}"#, .invalidField("impact", reason: "not an integer from 1 to 5.")),
        (#"{"title":"t","impact":"high"}"#, .invalidField("impact", reason: "not an integer from 1 to 5.")),
        (#"{"title":"t","impact":true}"#, .invalidField("impact", reason: "not an integer from 1 to 5.")),
        (#"{"title":"t","resources":"arn"}"#, .invalidField("resources", reason: "not an array of strings.")),
        (#"{"title":"t","resources":["a",1]}"#, .invalidField("resources", reason: "not an array of strings.")),
        (#"{"title":"t","timestamp":"yesterday"}"#, .invalidField("timestamp", reason: "not an ISO 8601 timestamp.")),
        (#"{"title":"t","dedupeKey":7}"#, .invalidField("dedupeKey", reason: "not a string.")),
        (#"["title"]"#, .malformedPayload("the body is not a JSON object.")),
        (#"{"title":"t""#, .malformedPayload("the body is not valid JSON.")),
    ]

    @Test("Malformed bodies are refused with the reason", arguments: malformed)
    func malformedBodies(body: String, expected: AlertingError) {
        #expect(throws: expected) { try GenericWebhook.parse(Array(body.utf8)) }
    }

    @Test("Data bodies are read too")
    func dataBody() throws {
        let alert = try GenericWebhook.parse(Data(#"{"title":"From Data"}"#.utf8))
        #expect(alert.title == "From Data")
    }
}
