import Foundation
import Testing

@testable import HikeshiCore

@Suite("JSONSelector: the JSONPath subset of step outputs")
struct JSONSelectorTests {
    static let response = AutomationFixtures.value(
        #"""
        {
          "Instances": [
            {"Id": "i-1", "State": {"Name": "running"}, "Tags": [{"Key": "team", "Value": "sre"}]},
            {"Id": "i-2", "State": {"Name": "stopped"}, "Tags": []}
          ],
          "Owner": {"Id": "owner-1", "Name": "Ops"},
          "odd key.with dot": 7,
          "Count": 2
        }
        """#)

    static func select(_ selector: String) throws -> DocumentValue? {
        try #require(JSONSelector(selector)).select(in: response)
    }

    @Test(
        "members, indexes and quoted names select one value",
        arguments: [
            ("$.Count", "2"),
            ("$.Owner.Name", #""Ops""#),
            ("$.Instances[1].Id", #""i-2""#),
            ("$.Instances[0].State.Name", #""running""#),
            ("$.Instances[0].Tags[0].Value", #""sre""#),
            ("$['odd key.with dot']", "7"),
            (#"$["Owner"]["Id"]"#, #""owner-1""#),
            ("$.Instances[1].Tags", "[]"),
        ])
    func selects(selector: String, json: String) throws {
        #expect(try Self.select(selector) == AutomationFixtures.value(json))
    }

    @Test("$ alone selects the whole response")
    func root() throws {
        #expect(try Self.select("$") == Self.response)
    }

    @Test(
        "a path that leads nowhere selects nothing",
        arguments: [
            "$.Missing", "$.Owner.Missing", "$.Instances[2]", "$.Instances[0].Tags[1]", "$.Count.Name", "$.Owner[0]", "$.Instances.Id",
            "$['missing']",
        ])
    func misses(selector: String) throws {
        #expect(try Self.select(selector) == nil)
    }

    @Test("a deep scan collects every match at any depth, always as a list")
    func deepScan() throws {
        #expect(try Self.select("$..Id") == .array([.string("i-1"), .string("i-2"), .string("owner-1")]))
        #expect(try Self.select("$..Value") == .array([.string("sre")]), "one match is still a list")
        #expect(try Self.select("$..Nothing") == .array([]), "no match is an empty list, not nothing")
        #expect(try Self.select("$.Owner..Name") == .array([.string("Ops")]))
        #expect(try Self.select("$..State.Name") == .array([.string("running"), .string("stopped")]))
        #expect(try Self.select("$..Tags[0]") == .array([AutomationFixtures.value(#"{"Key": "team", "Value": "sre"}"#)]))
    }

    @Test("a deep scan finds a name nested inside a match of the same name")
    func deepNested() throws {
        let value = AutomationFixtures.value(#"{"a": {"a": 1, "b": {"a": 2}}}"#)
        #expect(try #require(JSONSelector("$..a")).select(in: value) == AutomationFixtures.value(#"[{"a": 1, "b": {"a": 2}}, 1, 2]"#))
    }

    @Test(
        "text outside the subset is not a selector",
        arguments: [
            "", "Payload.x", "$.", "$..", "$.a.", "$[", "$[0", "$[-1]", "$[x]", "$[']", "$['a\"]", "$a", "$.a[*]", "$.a[?(@.b)]", "$[0,1]", "@.a",
        ])
    func refusals(text: String) {
        #expect(JSONSelector(text) == nil)
    }

    @Test("equal texts read to equal selectors, different texts to different ones")
    func equality() {
        #expect(JSONSelector("$.a['b']") == JSONSelector("$.a.b"))
        #expect(JSONSelector("$..a") != JSONSelector("$.a"))
        #expect(JSONSelector("$.a[0]") != JSONSelector("$.a['0']"))
    }
}
