import Foundation
import Testing

@testable import HikeshiCore

@Suite("AutomationExecution storage: a Codable round trip keeps every state")
struct AutomationExecutionCodableTests {
    typealias F = AutomationFixtures
    typealias E = AutomationEngineTests

    /// The value after encoding as the store does (sorted keys, unescaped slashes) and decoding.
    static func roundTrip<Value: Codable>(_ value: Value) throws -> Value {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try JSONDecoder().decode(Value.self, from: encoder.encode(value))
    }

    static let runbook = #"""
        [
          {"name": "Approve", "action": "aws:approve", "inputs": {"Approvers": ["\#(F.alice)", "\#(F.bob)"], "MinRequiredApprovals": 2},
           "onCancel": "step:Undo"},
          {"name": "Fix", "action": "aws:executeScript", "maxAttempts": 2, "onFailure": "step:Undo",
           "inputs": {"Runtime": "python3.12", "Handler": "h", "Script": "def h(e, c): return e", "InputPayload": {"n": "{{ Count }}", "hosts": "{{ Hosts }}"}},
           "outputs": [{"Name": "N", "Selector": "$.Payload.n", "Type": "Integer"}]},
          {"name": "Wait", "action": "aws:waitForAwsResourceProperty", "onFailure": "Continue",
           "inputs": {"Service": "ssm", "Api": "GetOpsItem", "OpsItemId": "oi-1", "PropertySelector": "$.OpsItem.Status", "DesiredValues": ["Resolved"]}},
          {"name": "Child", "action": "aws:executeAutomation", "inputs": {"DocumentName": "Notify", "RuntimeParameters": {"Flag": true, "Missing": null}}},
          {"name": "Nap", "action": "aws:sleep", "inputs": {"Duration": "PT1H"}, "isEnd": true, "onCancel": "step:Undo"},
          {"name": "Undo", "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "UpdateOpsItem", "Status": "Open"}}
        ]
        """#

    static let parameters = #"""
        {"Count": {"type": "Integer", "default": 1, "allowedValues": [1, 2]}, "Hosts": {"type": "StringList", "default": ["a/b", "ü"]},
         "Note": {"type": "String", "default": null, "allowedPattern": "^.*$"}}
        """#

    /// An execution at each stage of the runbook, with every kind of phase on the way.
    static func stages() throws -> [AutomationExecution] {
        var execution = F.execution(
            try F.definition(steps: runbook, parameters: parameters, outputs: #"["Fix.N"]"#),
            parameters: ["Count": .number(2), "Hosts": .array([.string("a/b"), .string("ü")]), "Note": .string("")])
        execution.opsItemID = "oi-1"
        execution.clientToken = "token-1"
        execution.parentID = "parent-1"
        var stages = [execution]
        _ = execution.advance(now: F.start)
        stages.append(execution)
        try F.signal(&execution, .approve, as: F.alice, payload: ["Comment": ["looks \"fine\"\n"]], at: F.at(1))
        try F.signal(&execution, .approve, as: F.bob, at: F.at(2))
        var demand = execution.advance(now: F.at(2))
        stages.append(execution)
        let first = try F.launch(demand)
        #expect(execution.finishLaunch(first.index, first.launchID, result: .failure("boom"), now: F.at(3)) == true)
        stages.append(execution)
        demand = try E.report(
            &execution, execution.advance(now: F.at(3)), .response(F.value(#"{"Payload": {"n": 7, "none": null, "x": 0.25}}"#)), at: F.at(4))
        stages.append(execution)
        let wait = try F.launch(demand)
        #expect(execution.finishLaunch(wait.index, wait.launchID, result: .notYet("Open"), now: F.at(5)) == true)
        stages.append(execution)
        _ = execution.advance(now: F.at(3_700))
        stages.append(execution)
        execution.childStarted(index: 3, executionID: "child-1")
        stages.append(execution)
        execution.childFinished(index: 3, status: .success, outputs: ["A.B": .number(1)], failure: nil, now: F.at(3_800))
        _ = execution.advance(now: F.at(3_800))
        stages.append(execution)
        try execution.stop(.cancel, now: F.at(3_801))
        stages.append(execution)
        _ = execution.advance(now: F.at(3_801))
        stages.append(execution)
        try execution.stop(.cancel, now: F.at(3_802))
        stages.append(execution)
        return stages
    }

    @Test("every stage of a run decodes to an equal execution")
    func stages() throws {
        let stages = try Self.stages()
        #expect(stages.count == 12)
        #expect(stages.last?.status == .cancelled && stages.last?.criticalFailure == false)
        for (index, stage) in stages.enumerated() {
            #expect(try Self.roundTrip(stage) == stage, "stage \(index)")
        }
    }

    @Test("the stages cover every phase a step can be in")
    func coversPhases() throws {
        let phases = try Self.stages().flatMap { $0.steps.map(\.phase) }
        func has(_ test: (AutomationStepPhase) -> Bool) -> Bool { phases.contains(where: test) }
        #expect(has { $0 == .idle } && has { $0 == .retrying })
        #expect(has { if case .awaitingSignal(let deadline?) = $0 { deadline == F.at(7 * 86_400) } else { false } })
        #expect(has { if case .launched = $0 { true } else { false } } && has { if case .polling = $0 { true } else { false } })
        #expect(has { $0 == .child(executionID: nil) } && has { $0 == .child(executionID: "child-1") })
        #expect(has { if case .sleeping = $0 { true } else { false } })
    }

    @Test("a parameter whose default is null keeps a null default, so it stays optional")
    func nullDefault() throws {
        let definition = try F.definition(
            steps: #"[{"name": "A", "action": "aws:pause"}]"#, parameters: #"{"Note": {"type": "String", "default": null}}"#)
        #expect(definition.parameters["Note"]?.defaultValue == .null)
        let stored = try Self.roundTrip(definition)
        #expect(stored == definition)
        #expect(try AutomationParameters.resolve(stored.parameters, given: [:]) == ["Note": .string("")])
    }

    @Test("document values keep their JSON types: numbers are not booleans, numeric text stays text")
    func documentValues() throws {
        let value = DocumentValue.object([
            "one": .number(1), "zero": .number(0), "true": .bool(true), "text": .string("1"), "yes": .string("true"), "null": .null,
            "list": .array([.number(-2.5), .string(""), .array([]), .object([:])]),
        ])
        #expect(try Self.roundTrip(value) == value)
    }

    @Test("policies are stored as the document spells them; an unknown spelling is unreadable")
    func policies() throws {
        let encoder = JSONEncoder()
        #expect(
            String(decoding: try encoder.encode([StepFailurePolicy.abort, .continue, .step("Undo")]), as: UTF8.self)
                == #"["Abort","Continue","step:Undo"]"#)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(StepFailurePolicy.self, from: Data(#""Retry""#.utf8)) }
    }
}
