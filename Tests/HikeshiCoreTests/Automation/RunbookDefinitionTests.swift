import Foundation
import Testing

@testable import HikeshiCore

@Suite("RunbookDefinition: reading and checking a runbook when it is created")
struct RunbookDefinitionTests {
    typealias F = AutomationFixtures

    @Test("a full document is read: parameters with their rules, steps with their flow fields, outputs")
    func readsEverything() throws {
        let document = DocumentValue.object([
            "schemaVersion": .string("0.3"),
            "description": .string("Restarts a host"),
            "assumeRole": .string("{{ AutomationAssumeRole }}"),
            "parameters": F.value(
                #"""
                {
                  "Host": {"type": "String", "allowedPattern": "^web-[0-9]+$"},
                  "Count": {"type": "Integer", "default": 2, "allowedValues": [1, 2, 3]},
                  "Flags": {"type": "StringList", "default": ["a"]}
                }
                """#),
            "mainSteps": F.value(
                #"""
                [
                  {"name": "Check", "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "DescribeDocument", "Name": "{{ Host }}"},
                   "outputs": [{"Name": "Status", "Selector": "$.Document.Status"}, {"Name": "Size", "Selector": "$.Document.Size", "Type": "Integer"}],
                   "onFailure": "step:Notify", "onCancel": "step:Notify", "maxAttempts": 3, "timeoutSeconds": 120, "nextStep": "Notify"},
                  {"name": "Wait", "action": "aws:sleep", "inputs": {"Duration": "PT1M"}, "onFailure": "Continue"},
                  {"name": "Notify", "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "ListDocuments"}, "isEnd": true, "isCritical": false}
                ]
                """#),
            "outputs": .array([.string("Check.Status")]),
        ])
        let definition = try RunbookDefinition.read(document)
        #expect(definition.description == "Restarts a host" && definition.assumeRole == "{{ AutomationAssumeRole }}")
        #expect(definition.outputs == ["Check.Status"])
        #expect(
            definition.parameters["Count"]
                == RunbookParameter(type: .integer, defaultValue: .number(2), allowedValues: ["1", "2", "3"], allowedPattern: nil))
        #expect(definition.parameters["Host"] == RunbookParameter(type: .string, allowedPattern: "^web-[0-9]+$"))
        #expect(definition.parameters["Flags"]?.defaultValue == .array([.string("a")]))
        #expect(definition.steps.map(\.name) == ["Check", "Wait", "Notify"])

        let check = try #require(definition.step(named: "Check"))
        #expect(check.action == .executeAwsApi && check.inputs["Name"] == .string("{{ Host }}"))
        #expect(
            check.outputs == [
                RunbookStepOutput(name: "Status", selector: "$.Document.Status", type: .string),
                RunbookStepOutput(name: "Size", selector: "$.Document.Size", type: .integer),
            ])
        #expect(check.onFailure == .step("Notify") && check.onCancel == .step("Notify") && check.nextStep == "Notify")
        #expect(check.maxAttempts == 3 && check.timeoutSeconds == 120 && check.effectiveTimeout == 120)
        #expect(check.isCritical && !check.isEnd)

        let wait = try #require(definition.step(named: "Wait"))
        #expect(wait.onFailure == .continue && wait.onCancel == .abort)
        #expect(!wait.isCritical, "onFailure Continue makes a step not critical unless it says so")
        #expect(wait.maxAttempts == 1 && wait.timeoutSeconds == nil && wait.effectiveTimeout == nil)

        let notify = try #require(definition.step(named: "Notify"))
        #expect(notify.isEnd && !notify.isCritical)
        #expect(definition.step(after: "Check")?.name == "Wait" && definition.step(after: "Notify") == nil)
    }

    @Test("isCritical defaults to true unless onFailure is Continue; an explicit value wins")
    func criticalDefaults() throws {
        let definition = try F.definition(
            steps: #"""
                [
                  {"name": "A", "action": "aws:pause"},
                  {"name": "B", "action": "aws:pause", "onFailure": "Continue", "isCritical": true},
                  {"name": "C", "action": "aws:pause", "onFailure": "step:A"},
                  {"name": "D", "action": "aws:pause", "onFailure": "Continue"}
                ]
                """#)
        #expect(definition.steps.map(\.isCritical) == [true, true, true, false])
    }

    @Test("a step without timeoutSeconds takes its action's default timeout")
    func defaultTimeouts() throws {
        let definition = try F.definition(
            steps: #"""
                [
                  {"name": "Script", "action": "aws:executeScript", "inputs": {"Runtime": "python3.11", "Handler": "h", "Script": "def h(e, c): pass"}},
                  {"name": "Approve", "action": "aws:approve", "inputs": {"Approvers": ["alice"]}},
                  {"name": "Hook", "action": "aws:invokeWebhook", "inputs": {"Url": "https://hooks.example.com/x"}},
                  {"name": "Wait", "action": "aws:waitForAwsResourceProperty",
                   "inputs": {"Service": "ssm", "Api": "GetOpsItem", "PropertySelector": "$.OpsItem.Status", "DesiredValues": ["Resolved"]}},
                  {"name": "Pause", "action": "aws:pause"}
                ]
                """#)
        #expect(definition.steps.map(\.effectiveTimeout) == [600, 604_800, 30, 3_600, nil])
    }

    @Test("the content, mainSteps and the number of steps are checked")
    func shape() {
        #expect(F.refusal(.array([])) == "The content must be a mapping (JSON object or YAML map)")
        #expect(F.refusal(.object(["schemaVersion": .string("0.3")]))?.contains("needs mainSteps") == true)
        #expect(F.refusal(steps: "[]")?.contains("needs mainSteps") == true)
        let many = (0...RunbookDefinition.maximumSteps).map { DocumentValue.object(["name": .string("S\($0)"), "action": .string("aws:pause")]) }
        #expect(F.refusal(.object(["mainSteps": .array(many)])) == "An Automation document has at most 200 steps, not 201")
        #expect(throws: Never.self) { try RunbookDefinition.read(.object(["mainSteps": .array(Array(many.dropLast()))])) }
    }

    @Test(
        "a step's own fields are checked, and the message names the step and the field",
        arguments: [
            (#"[{"name": "A", "action": "aws:pause"}, {"action": "aws:pause"}]"#, "Step 2 needs a name"),
            (#"[{"name": "", "action": "aws:pause"}]"#, "Step 1 needs a name"),
            (#"[{"name": "re-start", "action": "aws:pause"}]"#, "Step re-start: the name must be letters, digits or underscores"),
            (#"[{"name": "A"}]"#, "Step A needs an action"),
            (#"[{"name": "A", "action": "aws:runCommand"}]"#, "Step A: the action aws:runCommand is not one Hikeshi runs"),
            (#"[{"name": "A", "action": "aws:pause", "inputs": ["Message"]}]"#, "Step A: inputs must be a mapping"),
            (
                #"[{"name": "A", "action": "aws:pause", "onFailure": "Retry"}]"#,
                #"Step A: onFailure must be Abort, Continue or step:NAME, not "Retry""#
            ),
            (
                #"[{"name": "A", "action": "aws:pause", "onFailure": "step:"}]"#,
                #"Step A: onFailure must be Abort, Continue or step:NAME, not "step:""#
            ),
            (
                #"[{"name": "A", "action": "aws:pause", "onFailure": "abort"}]"#,
                #"Step A: onFailure must be Abort, Continue or step:NAME, not "abort""#
            ),
            (#"[{"name": "A", "action": "aws:pause", "onCancel": true}]"#, "Step A: onCancel must be Abort, Continue or step:NAME, not true"),
            (#"[{"name": "A", "action": "aws:pause", "onCancel": "Continue"}]"#, "Step A: onCancel is Abort or step:NAME, not Continue"),
            (#"[{"name": "A", "action": "aws:pause", "isEnd": "yes"}]"#, "Step A: isEnd must be true or false"),
            (#"[{"name": "A", "action": "aws:pause", "isCritical": 1}]"#, "Step A: isCritical must be true or false"),
            (#"[{"name": "A", "action": "aws:pause", "maxAttempts": 0}]"#, "Step A: maxAttempts must be a whole number from 1 to 10"),
            (#"[{"name": "A", "action": "aws:pause", "maxAttempts": 11}]"#, "Step A: maxAttempts must be a whole number from 1 to 10"),
            (#"[{"name": "A", "action": "aws:pause", "maxAttempts": 1.5}]"#, "Step A: maxAttempts must be a whole number from 1 to 10"),
            (#"[{"name": "A", "action": "aws:pause", "maxAttempts": "3"}]"#, "Step A: maxAttempts must be a whole number from 1 to 10"),
            (
                #"[{"name": "A", "action": "aws:pause", "timeoutSeconds": 0}]"#,
                "Step A: timeoutSeconds must be a whole number from 1 to 2592000 for aws:pause"
            ),
            (
                #"[{"name": "A", "action": "aws:invokeWebhook", "inputs": {"Url": "https://x.example"}, "timeoutSeconds": 301}]"#,
                "Step A: timeoutSeconds must be a whole number from 1 to 300 for aws:invokeWebhook"
            ),
            (#"[{"name": "A", "action": "aws:pause", "nextStep": 2}]"#, "Step A: nextStep must be a step name"),
            (#"[{"name": "A", "action": "aws:pause", "outputs": {"Name": "x"}}]"#, "Step A: outputs must be a list"),
            (#"[{"name": "A", "action": "aws:pause", "outputs": [{"Name": "x"}]}]"#, "Step A: outputs[0] needs Name and Selector"),
            (
                #"[{"name": "A", "action": "aws:pause", "outputs": [{"Name": "x", "Selector": "$.x", "Type": "Float"}]}]"#,
                "Step A: outputs[0]: Type Float is not a runbook type"
            ),
            (
                #"[{"name": "A", "action": "aws:pause", "outputs": [{"Name": "x", "Selector": "Payload.x"}]}]"#,
                "Step A: outputs[0]: Selector Payload.x is not a JSONPath Hikeshi reads ($.a.b, $.a[0], $..a)"
            ),
        ])
    func stepFields(steps: String, message: String) {
        #expect(F.refusal(steps: steps) == message)
    }

    @Test("the largest allowed values of maxAttempts and timeoutSeconds are accepted")
    func limitsInclusive() throws {
        let definition = try F.definition(
            steps: #"""
                [
                  {"name": "A", "action": "aws:pause", "maxAttempts": 10, "timeoutSeconds": 2592000},
                  {"name": "B", "action": "aws:executeScript", "inputs": {"Runtime": "python3.12", "Handler": "h", "Script": "x"}, "timeoutSeconds": 600}
                ]
                """#)
        #expect(definition.steps.map(\.maxAttempts) == [10, 1] && definition.steps.map(\.timeoutSeconds) == [2_592_000, 600])
        #expect(
            F.refusal(
                steps:
                    #"[{"name": "B", "action": "aws:executeScript", "inputs": {"Runtime": "python3.12", "Handler": "h", "Script": "x"}, "timeoutSeconds": 601}]"#
            )
                == "Step B: timeoutSeconds must be a whole number from 1 to 600 for aws:executeScript")
    }

    @Test("a name used twice is refused, naming every such name")
    func duplicates() {
        #expect(
            F.refusal(steps: #"[{"name": "A", "action": "aws:pause"}, {"name": "A", "action": "aws:sleep", "inputs": {"Duration": "PT1S"}}]"#)
                == "Step name A is used twice")
        let steps =
            #"[{"name": "B", "action": "aws:pause"}, {"name": "A", "action": "aws:pause"}, {"name": "B", "action": "aws:pause"}, {"name": "A", "action": "aws:pause"}]"#
        #expect(F.refusal(steps: steps) == "Step name A, B is used twice")
    }

    @Test(
        "flow targets must be steps of the document",
        arguments: [
            (#"[{"name": "A", "action": "aws:pause", "nextStep": "Z"}]"#, "Step A: nextStep Z is not a step of this document"),
            (#"[{"name": "A", "action": "aws:pause", "onFailure": "step:Z"}]"#, "Step A: onFailure step:Z is not a step of this document"),
            (#"[{"name": "A", "action": "aws:pause", "onCancel": "step:Z"}]"#, "Step A: onCancel step:Z is not a step of this document"),
            (
                #"[{"name": "A", "action": "aws:branch", "inputs": {"Choices": [{"NextStep": "Lost", "Variable": "{{ P }}", "StringEquals": "x"}]}}]"#,
                "Step A: branch target Lost is not a step of this document"
            ),
            (
                #"[{"name": "A", "action": "aws:branch", "inputs": {"Choices": [{"NextStep": "A", "Variable": "{{ P }}", "StringEquals": "x"}], "Default": "Gone"}}]"#,
                "Step A: branch target Gone is not a step of this document"
            ),
        ])
    func flowTargets(steps: String, message: String) {
        #expect(F.refusal(steps: steps, parameters: #"{"P": {"type": "String", "default": "x"}}"#) == message)
    }

    @Test(
        "onCancel may not go to a step that waits (approve, pause, sleep); onFailure may",
        arguments: [
            (#"{"name": "W", "action": "aws:approve", "inputs": {"Approvers": ["alice"]}}"#, "aws:approve"),
            (#"{"name": "W", "action": "aws:pause"}"#, "aws:pause"),
            (#"{"name": "W", "action": "aws:sleep", "inputs": {"Duration": "PT1S"}}"#, "aws:sleep"),
        ])
    func onCancelTargets(waiting: String, action: String) throws {
        let call = #"{"name": "A", "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "ListDocuments"}, "FIELD": "step:W"}"#
        let onCancel = "[\(call.replacingOccurrences(of: "FIELD", with: "onCancel")), \(waiting)]"
        #expect(F.refusal(steps: onCancel) == "Step A: onCancel may not go to W, an \(action) step")
        let onFailure = "[\(call.replacingOccurrences(of: "FIELD", with: "onFailure")), \(waiting)]"
        #expect(try F.definition(steps: onFailure).steps[0].onFailure == .step("W"))
    }

    @Test("onCancel may go to a step that acts")
    func onCancelToAction() throws {
        let definition = try F.definition(
            steps: #"""
                [
                  {"name": "A", "action": "aws:pause", "onCancel": "step:Cleanup"},
                  {"name": "Cleanup", "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "ListDocuments"}}
                ]
                """#)
        #expect(definition.steps[0].onCancel == .step("Cleanup"))
    }

    @Test(
        "every {{ }} reference must name a parameter, a step, a global or the execution id",
        arguments: [
            (#"{"Message": "{{ Missing }}"}"#, "Step A: {{ Missing }} is not a parameter of this document"),
            (#"{"Message": "host {{Missing}} is down"}"#, "Step A: {{ Missing }} is not a parameter of this document"),
            (#"{"Message": "{{ Ghost.Out }}"}"#, "Step A: {{ Ghost.… }} names no step of this document"),
            (
                #"{"Message": "{{ssm:/hikeshi/token}}"}"#,
                "Step A: {{ ssm:/hikeshi/token }} is not a variable a runbook can use (Parameter Store values are not available to steps)"
            ),
            (#"{"Message": "{{ global:TODAY }}"}"#, "Step A: {{ global:TODAY }} is not a variable a runbook can use"),
            (#"{"Message": "{{ automation:STEP }}"}"#, "Step A: {{ automation:STEP }} is not a variable a runbook can use"),
            (#"{"Message": "{{ }}"}"#, "Step A: {{  }} is not a variable a runbook can use"),
        ])
    func unknownReferences(inputs: String, message: String) {
        let steps = #"[{"name": "A", "action": "aws:pause", "inputs": \#(inputs)}, {"name": "B", "action": "aws:pause"}]"#
        #expect(F.refusal(steps: steps, parameters: #"{"Host": {"type": "String"}}"#) == message)
    }

    @Test("references inside lists and mappings of inputs are checked too")
    func nestedReferences() {
        let steps = #"""
            [{"name": "A", "action": "aws:executeAwsApi",
              "inputs": {"Service": "ssm", "Api": "AddTags", "Tags": [{"Key": "owner", "Value": "{{ Owner }}"}]}}]
            """#
        #expect(F.refusal(steps: steps) == "Step A: {{ Owner }} is not a parameter of this document")
        #expect(F.refusal(steps: steps, parameters: #"{"Owner": {"type": "String"}}"#) == nil)
    }

    @Test("parameters, step outputs, globals and the execution id are references a runbook can use")
    func knownReferences() throws {
        let definition = try F.definition(
            steps: #"""
                [
                  {"name": "Call", "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "GetDocument", "Name": "{{Host}}"},
                   "outputs": [{"Name": "Arn", "Selector": "$.Arn"}]},
                  {"name": "Say", "action": "aws:pause",
                   "inputs": {"Message": "{{ Call.Arn }} {{ global:ACCOUNT_ID }} {{ global:REGION }} {{ global:AWS_PARTITION }} {{ global:DATE }} {{ global:DATE_TIME }} {{ automation:EXECUTION_ID }}"}}
                ]
                """#,
            parameters: #"{"Host": {"type": "String"}}"#)
        #expect(definition.steps.count == 2)
    }

    @Test(
        "parameters are checked: names, types and rules",
        arguments: [
            (#"{"my-host": {"type": "String"}}"#, "Parameter name my-host must be 1 to 50 letters, digits or underscores"),
            (
                #"{"Host": {"type": "Float"}}"#,
                "Parameter Host has no type or an unknown one; use one of String, StringList, Integer, Boolean, MapList, StringMap"
            ),
            (
                #"{"Host": {"default": "x"}}"#,
                "Parameter Host has no type or an unknown one; use one of String, StringList, Integer, Boolean, MapList, StringMap"
            ),
            (
                #"{"Host": "String"}"#,
                "Parameter Host has no type or an unknown one; use one of String, StringList, Integer, Boolean, MapList, StringMap"
            ),
            (#"{"Host": {"type": "String", "allowedValues": "a"}}"#, "Parameter Host: allowedValues must be a list"),
            (#"{"Host": {"type": "String", "allowedPattern": 5}}"#, "Parameter Host: allowedPattern must be a string"),
            (#"{"Host": {"type": "String", "allowedPattern": "web-("}}"#, "Parameter Host: allowedPattern web-( is not a valid regular expression"),
            (#"["Host"]"#, "parameters must be a mapping of names"),
        ])
    func parameterRules(parameters: String, message: String) {
        #expect(F.refusal(steps: #"[{"name": "A", "action": "aws:pause"}]"#, parameters: parameters) == message)
    }

    @Test("a parameter name of 50 characters is accepted, 51 refused")
    func parameterNameLength() {
        let fifty = String(repeating: "p", count: 50)
        #expect(F.refusal(steps: #"[{"name": "A", "action": "aws:pause"}]"#, parameters: #"{"\#(fifty)": {"type": "String"}}"#) == nil)
        #expect(
            F.refusal(steps: #"[{"name": "A", "action": "aws:pause"}]"#, parameters: #"{"\#(fifty)p": {"type": "String"}}"#)?.hasPrefix(
                "Parameter name ppp")
                == true)
    }

    @Test(
        "the document's outputs must be step.Output of its steps",
        arguments: [
            (#"["Ghost.Out"]"#, "outputs: Ghost.Out is not step.Output of a step of this document"),
            (#"["A"]"#, "outputs: A is not step.Output of a step of this document"),
            (#""A.Out""#, #"outputs must be a list of "step.Output" strings"#),
            (#"[1]"#, #"outputs must be a list of "step.Output" strings"#),
        ])
    func documentOutputs(outputs: String, message: String) {
        #expect(F.refusal(steps: #"[{"name": "A", "action": "aws:pause"}]"#, outputs: outputs) == message)
    }

    @Test("assumeRole must be a string")
    func assumeRole() {
        var document = F.document(steps: #"[{"name": "A", "action": "aws:pause"}]"#)
        if case .object(var fields) = document {
            fields["assumeRole"] = .number(1)
            document = .object(fields)
        }
        #expect(F.refusal(document) == "assumeRole must be a string")
    }
}
