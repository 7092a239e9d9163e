import Foundation
import Testing

@testable import HikeshiCore

@Suite("RunbookInputs: each action's inputs, checked when a runbook is created")
struct RunbookInputsTests {
    typealias F = AutomationFixtures

    static let parameters = #"""
        {"D": {"type": "String"}, "T": {"type": "String"}, "People": {"type": "StringList"}, "Url": {"type": "String"},
         "Payload": {"type": "StringMap"}, "Wanted": {"type": "StringList"}, "Params": {"type": "StringMap"}}
        """#

    /// The message a one-step runbook with this action and these inputs (JSON text) is refused with.
    static func refusal(_ action: RunbookStepAction, _ inputs: String) -> String? {
        F.refusal(steps: #"[{"name": "S", "action": "\#(action.rawValue)", "inputs": \#(inputs)}]"#, parameters: parameters)
    }

    static let script = #""Runtime": "python3.11", "Handler": "handler", "Script": "def handler(events, context):\n    return {}""#

    @Test("aws:pause takes only Message")
    func pause() {
        #expect(Self.refusal(.pause, #"{"Message": "Check the dashboard"}"#) == nil)
        #expect(Self.refusal(.pause, #"{"Mesage": "typo"}"#) == "Step S: inputs.Mesage is not an input of aws:pause; it takes Message")
    }

    @Test("aws:sleep takes exactly one of Duration and Timestamp")
    func sleepOneOf() {
        #expect(Self.refusal(.sleep, "{}") == "Step S: aws:sleep takes either inputs.Duration or inputs.Timestamp")
        #expect(
            Self.refusal(.sleep, #"{"Duration": "PT1M", "Timestamp": "2030-01-01T00:00:00Z"}"#)
                == "Step S: aws:sleep takes either inputs.Duration or inputs.Timestamp")
        #expect(Self.refusal(.sleep, #"{"Seconds": 5}"#) == "Step S: inputs.Seconds is not an input of aws:sleep; it takes Duration, Timestamp")
    }

    @Test(
        "aws:sleep's Duration is an ISO 8601 duration of at most 604799 seconds",
        arguments: [
            ("PT10M", nil),
            ("P6DT23H59M59S", nil),
            ("{{ D }}", nil),
            ("P7D", "Step S: inputs.Duration is at most 604799 seconds"),
            ("P1W", "Step S: inputs.Duration is at most 604799 seconds"),
            ("10 minutes", "Step S: inputs.Duration 10 minutes is not an ISO 8601 duration such as PT10M"),
            ("P1M", "Step S: inputs.Duration P1M is not an ISO 8601 duration such as PT10M"),
            ("", "Step S: inputs.Duration must be a non-empty string"),
        ] as [(String, String?)])
    func sleepDuration(duration: String, message: String?) {
        #expect(Self.refusal(.sleep, #"{"Duration": "\#(duration)"}"#) == message)
    }

    @Test("aws:sleep's Duration must be text, not a number of seconds")
    func sleepDurationNumber() {
        #expect(Self.refusal(.sleep, #"{"Duration": 600}"#) == "Step S: inputs.Duration must be a non-empty string")
    }

    @Test(
        "aws:sleep's Timestamp is an ISO 8601 time with a zone",
        arguments: [
            ("2030-12-31T23:59:00Z", nil),
            ("2030-12-31T23:59:00.250Z", nil),
            ("2030-12-31T23:59:00+02:00", nil),
            ("{{ T }}", nil),
            ("2030-12-31T23:59:00", "Step S: inputs.Timestamp 2030-12-31T23:59:00 is not an ISO 8601 time such as 2026-12-31T23:59:00Z"),
            ("2030-12-31", "Step S: inputs.Timestamp 2030-12-31 is not an ISO 8601 time such as 2026-12-31T23:59:00Z"),
            ("tomorrow", "Step S: inputs.Timestamp tomorrow is not an ISO 8601 time such as 2026-12-31T23:59:00Z"),
        ] as [(String, String?)])
    func sleepTimestamp(timestamp: String, message: String?) {
        #expect(Self.refusal(.sleep, #"{"Timestamp": "\#(timestamp)"}"#) == message)
    }

    @Test("aws:approve needs 1 to 10 approvers, as names or a reference")
    func approvers() {
        #expect(Self.refusal(.approve, #"{"Approvers": ["alice", "bob"]}"#) == nil)
        #expect(Self.refusal(.approve, #"{"Approvers": "{{ People }}"}"#) == nil)
        #expect(Self.refusal(.approve, #"{"Message": "ok?"}"#) == "Step S: inputs.Approvers is required for aws:approve")
        let list = "Step S: inputs.Approvers is a list of 1 to 10 names or ARNs"
        #expect(Self.refusal(.approve, #"{"Approvers": []}"#) == list)
        let eleven = (1...11).map { "\"user\($0)\"" }.joined(separator: ", ")
        #expect(Self.refusal(.approve, #"{"Approvers": [\#(eleven)]}"#) == list)
        let ten = (1...10).map { "\"user\($0)\"" }.joined(separator: ", ")
        #expect(Self.refusal(.approve, #"{"Approvers": [\#(ten)]}"#) == nil)
        #expect(Self.refusal(.approve, #"{"Approvers": ["alice", 7]}"#) == list)
        #expect(Self.refusal(.approve, #"{"Approvers": "alice"}"#) == list)
        #expect(
            Self.refusal(.approve, #"{"Approvers": ["alice"], "Approver": "bob"}"#)
                == "Step S: inputs.Approver is not an input of aws:approve; it takes Approvers, Message, MinRequiredApprovals, NotificationArn")
    }

    @Test(
        "aws:approve's MinRequiredApprovals is a whole number from 1 to the number of approvers",
        arguments: [
            ("1", nil),
            ("2", nil),
            ("3", "Step S: inputs.MinRequiredApprovals must be a whole number from 1 to the number of approvers (2)"),
            ("0", "Step S: inputs.MinRequiredApprovals must be a whole number from 1 to the number of approvers (2)"),
            ("1.5", "Step S: inputs.MinRequiredApprovals must be a whole number from 1 to the number of approvers (2)"),
            (#""2""#, "Step S: inputs.MinRequiredApprovals must be a whole number from 1 to the number of approvers (2)"),
        ] as [(String, String?)])
    func minimumApprovals(minimum: String, message: String?) {
        #expect(Self.refusal(.approve, #"{"Approvers": ["alice", "bob"], "MinRequiredApprovals": \#(minimum)}"#) == message)
    }

    @Test("aws:approve's Message is at most 4096 characters")
    func approveMessage() {
        let longest = String(repeating: "m", count: 4096)
        #expect(Self.refusal(.approve, #"{"Approvers": ["alice"], "Message": "\#(longest)"}"#) == nil)
        #expect(
            Self.refusal(.approve, #"{"Approvers": ["alice"], "Message": "\#(longest)m"}"#) == "Step S: inputs.Message is at most 4096 characters")
    }

    @Test("aws:branch takes Choices (at least one) and Default")
    func branch() {
        let choice = #"{"NextStep": "S", "Variable": "{{ D }}", "StringEquals": "x"}"#
        #expect(Self.refusal(.branch, #"{"Choices": [\#(choice)], "Default": "S"}"#) == nil)
        #expect(Self.refusal(.branch, #"{"Default": "S"}"#) == "Step S: inputs.Choices must be a list of at least one choice")
        #expect(Self.refusal(.branch, #"{"Choices": []}"#) == "Step S: inputs.Choices must be a list of at least one choice")
        #expect(Self.refusal(.branch, #"{"Choices": ["S"]}"#) == "Step S: inputs.Choices[0] must be a mapping")
        #expect(
            Self.refusal(.branch, #"{"Choices": [{"Variable": "{{ D }}", "StringEquals": "x"}]}"#) == "Step S: inputs.Choices[0] needs a NextStep")
        #expect(Self.refusal(.branch, #"{"Choices": [\#(choice)], "Default": ["S"]}"#) == "Step S: inputs.Default must be a step name")
        #expect(
            Self.refusal(.branch, #"{"Choices": [\#(choice)], "Otherwise": "S"}"#)
                == "Step S: inputs.Otherwise is not an input of aws:branch; it takes Choices, Default")
    }

    @Test(
        "aws:executeScript refuses the runtimes AWS retired, with AWS's reason",
        arguments: ["python3.6", "python3.7", "python3.8", "python3.9"])
    func retiredRuntimes(runtime: String) {
        #expect(
            Self.refusal(.executeScript, #"{"Runtime": "\#(runtime)", "Handler": "h", "Script": "x"}"#)
                == "Step S: Runtime \(runtime) is no longer supported: AWS retired Python 3.6 to 3.9 for aws:executeScript; use python3.11 or later")
    }

    @Test("aws:executeScript runs Python 3.11 and later", arguments: ["python3.11", "python3.12", "python3.13", "python3.14"])
    func supportedRuntimes(runtime: String) {
        #expect(Self.refusal(.executeScript, #"{"Runtime": "\#(runtime)", "Handler": "h", "Script": "x"}"#) == nil)
    }

    @Test(
        "aws:executeScript refuses runtimes it does not know, listing the ones it runs",
        arguments: ["python3.10", "python3", "nodejs20.x", "PYTHON3.11"])
    func unknownRuntimes(runtime: String) {
        #expect(
            Self.refusal(.executeScript, #"{"Runtime": "\#(runtime)", "Handler": "h", "Script": "x"}"#)
                == "Step S: Runtime \(runtime) is not one Hikeshi runs; use one of python3.11, python3.12, python3.13, python3.14")
    }

    @Test("aws:executeScript needs Runtime, Handler and Script, refuses Attachment and takes a mapping as InputPayload")
    func scriptInputs() {
        #expect(Self.refusal(.executeScript, #"{"Handler": "h", "Script": "x"}"#) == "Step S: inputs.Runtime is required for aws:executeScript")
        #expect(
            Self.refusal(.executeScript, #"{"Runtime": "python3.11", "Script": "x"}"#) == "Step S: inputs.Handler is required for aws:executeScript")
        #expect(
            Self.refusal(.executeScript, #"{"Runtime": "python3.11", "Handler": "h"}"#) == "Step S: inputs.Script is required for aws:executeScript")
        #expect(
            Self.refusal(.executeScript, #"{"Runtime": "python3.11", "Handler": "", "Script": "x"}"#)
                == "Step S: inputs.Handler must be a non-empty string")
        #expect(
            Self.refusal(.executeScript, #"{\#(Self.script), "Attachment": "code.zip"}"#)
                == "Step S: inputs.Attachment is not supported by Hikeshi; put the code in inputs.Script")
        #expect(Self.refusal(.executeScript, #"{\#(Self.script), "InputPayload": {"host": "web-1"}}"#) == nil)
        #expect(Self.refusal(.executeScript, #"{\#(Self.script), "InputPayload": "{{ Payload }}"}"#) == nil)
        #expect(Self.refusal(.executeScript, #"{\#(Self.script), "InputPayload": ["web-1"]}"#) == "Step S: inputs.InputPayload must be a mapping")
        #expect(Self.refusal(.executeScript, #"{\#(Self.script), "InputPayload": "web-1"}"#) == "Step S: inputs.InputPayload must be a mapping")
        #expect(
            Self.refusal(.executeScript, #"{\#(Self.script), "Timeout": 5}"#)
                == "Step S: inputs.Timeout is not an input of aws:executeScript; it takes Attachment, Handler, InputPayload, Runtime, Script")
    }

    @Test("aws:executeAwsApi needs Service and Api and passes any other input to the operation")
    func awsApi() {
        #expect(Self.refusal(.executeAwsApi, #"{"Service": "ssm", "Api": "GetOpsItem", "OpsItemId": "oi-1"}"#) == nil)
        #expect(Self.refusal(.executeAwsApi, #"{"Api": "GetOpsItem"}"#) == "Step S: inputs.Service is required for aws:executeAwsApi")
        #expect(Self.refusal(.executeAwsApi, #"{"Service": "ssm"}"#) == "Step S: inputs.Api is required for aws:executeAwsApi")
        #expect(Self.refusal(.executeAwsApi, #"{"Service": 3, "Api": "GetOpsItem"}"#) == "Step S: inputs.Service must be a non-empty string")
    }

    @Test(
        "the property actions need Service, Api, PropertySelector and at least one DesiredValue",
        arguments: [RunbookStepAction.waitForAwsResourceProperty, .assertAwsResourceProperty])
    func propertyActions(action: RunbookStepAction) {
        let base = #""Service": "ssm", "Api": "GetOpsItem", "OpsItemId": "oi-1""#
        #expect(Self.refusal(action, #"{\#(base), "PropertySelector": "$.OpsItem.Status", "DesiredValues": ["Resolved"]}"#) == nil)
        #expect(Self.refusal(action, #"{\#(base), "PropertySelector": "$.OpsItem.Status", "DesiredValues": "{{ Wanted }}"}"#) == nil)
        #expect(
            Self.refusal(action, #"{\#(base), "DesiredValues": ["Resolved"]}"#)
                == "Step S: inputs.PropertySelector is required for \(action.rawValue)")
        for desired in [#"[]"#, #""Resolved""#, "{}"] {
            #expect(
                Self.refusal(action, #"{\#(base), "PropertySelector": "$.OpsItem.Status", "DesiredValues": \#(desired)}"#)
                    == "Step S: inputs.DesiredValues is a list of at least one value")
        }
    }

    @Test("aws:executeAutomation needs DocumentName and takes RuntimeParameters as a mapping")
    func executeAutomation() {
        #expect(Self.refusal(.executeAutomation, #"{"DocumentName": "Child", "RuntimeParameters": {"Host": ["web-1"]}}"#) == nil)
        #expect(Self.refusal(.executeAutomation, #"{"DocumentName": "Child", "RuntimeParameters": "{{ Params }}"}"#) == nil)
        #expect(Self.refusal(.executeAutomation, #"{"DocumentVersion": "2"}"#) == "Step S: inputs.DocumentName is required for aws:executeAutomation")
        #expect(
            Self.refusal(.executeAutomation, #"{"DocumentName": "Child", "RuntimeParameters": ["Host=web-1"]}"#)
                == "Step S: inputs.RuntimeParameters must be a mapping")
        #expect(
            Self.refusal(.executeAutomation, #"{"DocumentName": "Child", "MaxConcurrency": "1"}"#)
                == "Step S: inputs.MaxConcurrency is not an input of aws:executeAutomation; it takes DocumentName, DocumentVersion, RuntimeParameters, Tags"
        )
    }

    @Test(
        "aws:invokeWebhook's Url is an http or https URL with a host, or a reference",
        arguments: [
            ("https://hooks.example.com/incident", nil),
            ("HTTP://hooks.example.com", nil),
            ("{{ Url }}", nil),
            ("ftp://hooks.example.com/x", "Step S: inputs.Url ftp://hooks.example.com/x must be an http or https URL"),
            ("file:///etc/passwd", "Step S: inputs.Url file:///etc/passwd must be an http or https URL"),
            ("https://", "Step S: inputs.Url https:// must be an http or https URL"),
            ("hooks.example.com/x", "Step S: inputs.Url hooks.example.com/x must be an http or https URL"),
            ("", "Step S: inputs.Url must be a non-empty string"),
        ] as [(String, String?)])
    func webhookUrl(url: String, message: String?) {
        #expect(Self.refusal(.invokeWebhook, #"{"Url": "\#(url)"}"#) == message)
    }

    @Test("aws:invokeWebhook needs a Url, posts or puts, and takes Headers as a mapping")
    func webhookOther() {
        #expect(Self.refusal(.invokeWebhook, #"{"Body": "{}"}"#) == "Step S: inputs.Url is required for aws:invokeWebhook")
        let url = #""Url": "https://hooks.example.com""#
        #expect(Self.refusal(.invokeWebhook, #"{\#(url), "Method": "PUT", "Headers": {"X-Team": "sre"}, "Body": "{}"}"#) == nil)
        #expect(Self.refusal(.invokeWebhook, #"{\#(url), "Method": "GET"}"#) == "Step S: inputs.Method is POST or PUT")
        #expect(Self.refusal(.invokeWebhook, #"{\#(url), "Method": "post"}"#) == "Step S: inputs.Method is POST or PUT")
        #expect(Self.refusal(.invokeWebhook, #"{\#(url), "Headers": ["X-Team: sre"]}"#) == "Step S: inputs.Headers must be a mapping of strings")
        #expect(
            Self.refusal(.invokeWebhook, #"{\#(url), "IntegrationName": "hook"}"#)
                == "Step S: inputs.IntegrationName is not an input of aws:invokeWebhook; it takes Body, Headers, Method, Url")
    }
}
