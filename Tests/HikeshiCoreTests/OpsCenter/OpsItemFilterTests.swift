import Foundation
import HikeshiCore
import Testing

@Suite("DescribeOpsItems filters")
struct OpsItemFilterTests {
    static let start = Date(timeIntervalSince1970: 1_900_000_000)

    static let item: OpsItem = {
        var item = OpsItem.incidentParent(
            id: "oi-0000000000aa", incidentTitle: String(repeating: "t", count: 100) + " and more", summary: nil, accountID: "111111111111",
            region: "us-east-1", at: start)
        item.priority = 2
        item.operationalData = [
            "host": OperationalDataValue(value: "web-1.prod", kind: .searchableString),
            "secret": OperationalDataValue(value: "hidden", kind: .string),
            "/aws/resources": OperationalDataValue(value: #"[{"arn":"arn:aws:ec2:us-east-1:1:instance/i-0abc"}]"#, kind: .searchableString),
        ]
        item.times.plannedStart = start.addingTimeInterval(3600)
        return item
    }()

    static func filter(_ key: OpsItemFilterKey, _ comparison: OpsItemFilterOperator, _ values: [String]) throws(OpsItemRuleError) -> OpsItemFilter {
        try OpsItemFilter(key: key, comparison: comparison, values: values, position: 2)
    }

    @Test(
        "each key takes only its operators; the error names the filter's operator",
        arguments: [
            (OpsItemFilterKey.status, OpsItemFilterOperator.contains), (.createdTime, .equal), (.priority, .greaterThan), (.resourceID, .equal),
            (.title, .lessThan), (.operationalDataKey, .contains),
        ])
    func refusesOperators(key: OpsItemFilterKey, comparison: OpsItemFilterOperator) {
        do {
            _ = try Self.filter(key, comparison, ["x"])
            Issue.record("\(key) \(comparison) was accepted")
        } catch {
            #expect(error.parameterNames == ["OpsItemFilters.2.Operator"])
        }
    }

    @Test(
        "unreadable values are refused, naming the filter's values",
        arguments: [
            (OpsItemFilterKey.priority, OpsItemFilterOperator.equal, "0"), (.priority, .equal, "high"), (.status, .equal, "open"),
            (.createdTime, .greaterThan, "soon"), (.operationalData, .equal, "host=web"),
            (.title, .equal, String(repeating: "x", count: 101)),
        ])
    func refusesValues(key: OpsItemFilterKey, comparison: OpsItemFilterOperator, value: String) {
        do {
            _ = try Self.filter(key, comparison, [value])
            Issue.record("\(value) was accepted")
        } catch {
            #expect(error.parameterNames == ["OpsItemFilters.2.Values"])
        }
    }

    @Test("matches follow the key and operator; any value may match")
    func matches() throws {
        let item = Self.item
        #expect(try Self.filter(.status, .equal, ["Resolved", "Open"]).matches(item))
        #expect(try !Self.filter(.status, .equal, ["Resolved"]).matches(item))
        #expect(try Self.filter(.priority, .equal, ["2"]).matches(item))
        #expect(try Self.filter(.source, .contains, ["incid"]).matches(item))
        #expect(try !Self.filter(.source, .equal, ["ssmincidents"]).matches(item))
        #expect(try Self.filter(.title, .equal, [String(repeating: "t", count: 100)]).matches(item))
        #expect(try Self.filter(.title, .contains, ["AND MORE"]).matches(item))
        #expect(try Self.filter(.operationalData, .equal, [#"{"key":"host","value":"web-1.prod"}"#]).matches(item))
        #expect(try !Self.filter(.operationalData, .equal, [#"{"key":"secret","value":"hidden"}"#]).matches(item))
        #expect(try !Self.filter(.operationalDataKey, .equal, ["secret"]).matches(item))
        #expect(try Self.filter(.operationalDataValue, .contains, ["web-1"]).matches(item))
        #expect(try Self.filter(.resourceID, .contains, ["i-0abc"]).matches(item))
        #expect(try !Self.filter(.automationID, .equal, ["Restart"]).matches(item))
        #expect(try Self.filter(.createdTime, .greaterThan, ["2030-01-01T00:00:00Z"]).matches(item))
        #expect(try !Self.filter(.createdTime, .lessThan, [String(Int(Self.start.timeIntervalSince1970))]).matches(item))
        #expect(try Self.filter(.plannedStartTime, .greaterThan, ["2030-03-17"]).matches(item))
        #expect(try !Self.filter(.actualStartTime, .greaterThan, ["2000-01-01T00:00:00.000Z"]).matches(item))
        #expect(try !Self.filter(.changeRequestByTemplate, .equal, ["any"]).matches(item))
        #expect(try Self.filter(.accountID, .equal, ["111111111111"]).matches(item))
    }
}
