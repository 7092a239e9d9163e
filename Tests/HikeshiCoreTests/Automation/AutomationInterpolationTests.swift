import Foundation
import Testing

@testable import HikeshiCore

@Suite("AutomationExecution.resolve: {{ }} references in step inputs")
struct AutomationInterpolationTests {
    typealias F = AutomationFixtures

    /// An execution of a two-step runbook with parameters of several types; `Call` has produced `Arn` and `Count`.
    static func execution() throws -> AutomationExecution {
        var execution = try F.execution(
            steps: #"""
                [
                  {"name": "Call", "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "GetDocument"},
                   "outputs": [{"Name": "Arn", "Selector": "$.Arn"}, {"Name": "Count", "Selector": "$.Count", "Type": "Integer"}]},
                  {"name": "Say", "action": "aws:pause"}
                ]
                """#,
            parameters:
                #"{"Host": {"type": "String"}, "Count": {"type": "Integer"}, "Hosts": {"type": "StringList"}, "Dry": {"type": "Boolean"}, "Tags": {"type": "StringMap"}}"#,
            values: [
                "Host": .string("web-1"), "Count": .number(3), "Hosts": .array([.string("a"), .string("b")]), "Dry": .bool(false),
                "Tags": .object(["team": .string("sre")]),
            ])
        execution.steps[0].outputs = ["Arn": .string("arn:aws:ssm:eu-central-1:111111111111:document/Restart"), "Count": .number(4)]
        return execution
    }

    static func resolve(_ text: String, now: Date = F.start) throws -> DocumentValue {
        try execution().resolve(.string(text), now: now)
    }

    @Test(
        "a string that is exactly one reference becomes the value with its type",
        arguments: [
            ("{{ Host }}", DocumentValue.string("web-1")),
            ("{{Count}}", .number(3)),
            ("{{  Hosts  }}", .array([.string("a"), .string("b")])),
            ("{{ Dry }}", .bool(false)),
            ("{{ Tags }}", .object(["team": .string("sre")])),
            ("{{ Call.Count }}", .number(4)),
            ("{{ automation:EXECUTION_ID }}", .string("exec-1")),
            ("{{ global:ACCOUNT_ID }}", .string("111111111111")),
            ("{{ global:REGION }}", .string("eu-central-1")),
            ("{{ global:AWS_PARTITION }}", .string("aws")),
        ])
    func exact(text: String, value: DocumentValue) throws {
        #expect(try Self.resolve(text) == value)
    }

    @Test(
        "references inside longer text become their text",
        arguments: [
            ("host {{ Host }} is down", "host web-1 is down"),
            ("n={{Count}}", "n=3"),
            ("hosts={{ Hosts }}", #"hosts=["a", "b"]"#),
            ("dry: {{ Dry }}", "dry: false"),
            ("tags {{ Tags }}", #"tags {"team": "sre"}"#),
            ("{{ Host }}{{ Count }}", "web-13"),
            (" {{ Host }}", " web-1"),
            ("{{ Call.Arn }}/v2", "arn:aws:ssm:eu-central-1:111111111111:document/Restart/v2"),
            ("no references", "no references"),
            ("{{ Host", "{{ Host"),
            ("Host }}", "Host }}"),
        ])
    func embedded(text: String, result: String) throws {
        #expect(try Self.resolve(text) == .string(result))
    }

    @Test("lists and mappings are resolved item by item; other values stay")
    func nested() throws {
        let value = F.value(#"{"Targets": [{"Key": "host", "Values": "{{ Hosts }}"}], "Limit": "{{ Count }}", "Dry": true, "Size": 5, "None": null}"#)
        #expect(
            try Self.execution().resolve(value, now: F.start)
                == F.value(#"{"Targets": [{"Key": "host", "Values": ["a", "b"]}], "Limit": 3, "Dry": true, "Size": 5, "None": null}"#))
    }

    @Test("DATE and DATE_TIME are the step's time in UTC")
    func dates() throws {
        // 23:30 UTC: any zone east of UTC would already show the next day.
        let late = try #require(ISODuration.timestamp("2030-03-17T23:30:05Z"))
        #expect(try Self.resolve("{{ global:DATE }}", now: late) == .string("2030-03-17"))
        #expect(try Self.resolve("{{ global:DATE_TIME }}", now: late) == .string("2030-03-17_23.30.05"))
        let early = try #require(ISODuration.timestamp("2030-01-02T03:04:05Z"))
        #expect(try Self.resolve("backup-{{ global:DATE_TIME }}.tar", now: early) == .string("backup-2030-01-02_03.04.05.tar"))
    }

    @Test("a step output not produced yet is an error naming the step and output")
    func missingOutput() throws {
        let execution = try Self.execution()
        #expect(throws: RunbookResolutionError(message: "{{ Call.Missing }} has no value: step Call has not produced output Missing")) {
            try execution.resolve(.string("{{ Call.Missing }}"), now: F.start)
        }
        #expect(throws: RunbookResolutionError(message: "{{ Say.Out }} has no value: step Say has not produced output Out")) {
            try execution.resolve(.string("value: {{ Say.Out }}"), now: F.start)
        }
        #expect(throws: RunbookResolutionError.self) { try execution.resolve(.array([.string("ok"), .string("{{ Say.Out }}")]), now: F.start) }
    }

    @Test("a parameter the execution lacks, or text that is no reference, is an error")
    func unknown() throws {
        let execution = try Self.execution()
        #expect(throws: RunbookResolutionError(message: "{{ Zone }}: the runbook has no parameter Zone")) {
            try execution.resolve(.string("{{ Zone }}"), now: F.start)
        }
        #expect(throws: RunbookResolutionError(message: "{{ ssm:/x }} is not a variable a runbook can use")) {
            try execution.resolve(.string("{{ ssm:/x }}"), now: F.start)
        }
    }

    @Test("a step output is taken from the latest run of the step that has it")
    func latestOutput() throws {
        var execution = try Self.execution()
        var again = AutomationStepRecord(id: "again", step: execution.definition.steps[0])
        again.outputs = ["Count": .number(9)]
        execution.steps.append(again)
        execution.steps.append(AutomationStepRecord(id: "third", step: execution.definition.steps[0]))
        #expect(try execution.resolve(.string("{{ Call.Count }}"), now: F.start) == .number(9))
        #expect(
            try execution.resolve(.string("{{ Call.Arn }}"), now: F.start) == .string("arn:aws:ssm:eu-central-1:111111111111:document/Restart"),
            "an output the later run lacks comes from the run that has it")
    }

    @Test("the execution's outputs are the declared step outputs that have values")
    func executionOutputs() throws {
        let definition = try F.definition(
            steps: #"""
                [{"name": "Call", "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "GetDocument"},
                  "outputs": [{"Name": "Arn", "Selector": "$.Arn"}, {"Name": "Size", "Selector": "$.Size", "Type": "Integer"}]}]
                """#,
            outputs: #"["Call.Arn", "Call.Size"]"#)
        var execution = F.execution(definition)
        #expect(execution.outputs.isEmpty)
        execution.steps[0].outputs = ["Arn": .string("arn:x")]
        #expect(execution.outputs == ["Call.Arn": .string("arn:x")])
    }
}
