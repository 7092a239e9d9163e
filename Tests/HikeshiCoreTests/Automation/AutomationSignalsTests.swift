import Foundation
import Testing

@testable import HikeshiCore

@Suite("AutomationExecution signals and stops: resume, approve, interactive steps, StopStep, Cancel and Complete")
struct AutomationSignalsTests {
    typealias F = AutomationFixtures
    typealias E = AutomationEngineTests

    static func approve(_ approvers: String = #"["\#(F.alice)", "\#(F.bob)", "AKIACAROL"]"#, _ extra: String = #""MinRequiredApprovals": 2"#)
        -> String
    {
        #"{"name": "Approve", "action": "aws:approve", "inputs": {"Approvers": \#(approvers), "Message": "Restart web-1?"\#(extra.isEmpty ? "" : ", " + extra)}}"#
    }

    // MARK: - Pause

    @Test("aws:pause waits with no deadline until Resume, then the run goes on")
    func pauseResume() throws {
        var execution = try E.execution(E.pause("Hold"), E.api("Next"))
        #expect(execution.advance(now: F.start) == AutomationDemand.none)
        #expect(execution.status == .waiting && execution.steps[0].phase == .awaitingSignal(deadline: nil))
        try F.signal(&execution, .resume, payload: ["StepName": ["Hold"]], at: F.at(5))
        #expect(execution.steps[0].status == .success && execution.steps[0].endedAt == F.at(5))
        #expect(execution.status == .inProgress && execution.cursor == .next("Next"))
        let (index, _) = try F.launch(execution.advance(now: F.at(5)))
        #expect(index == 1)
    }

    @Test("Resume is refused when the run is not paused, or names another or an unknown step")
    func resumeRefusals() throws {
        var execution = try E.execution(E.pause("Hold"), E.api("Next"))
        _ = execution.advance(now: F.start)
        #expect(
            F.signalRefusal(&execution, .resume, payload: ["StepName": ["Next"]])
                == .invalidSignal("Execution exec-1 is paused at step Hold, not Next"))
        #expect(
            F.signalRefusal(&execution, .resume, payload: ["StepName": ["Ghost"]])
                == .stepNotFound("Step Ghost is not a step of execution exec-1's runbook"))
        #expect(execution.status == .waiting && execution.steps[0].status == .inProgress)
        try F.signal(&execution, .resume)
        _ = execution.advance(now: F.start)
        #expect(F.signalRefusal(&execution, .resume) == .invalidSignal("Execution exec-1 is not paused"))
    }

    @Test("a pause with timeoutSeconds times out when nobody resumes it")
    func pauseTimeout() throws {
        var execution = try E.execution(E.pause("Hold", #""timeoutSeconds": 60"#), E.api("Next"))
        #expect(execution.advance(now: F.start) == .wake(at: F.at(60)))
        #expect(execution.advance(now: F.at(59)) == .wake(at: F.at(60)) && execution.status == .waiting)
        #expect(execution.advance(now: F.at(60)) == AutomationDemand.none)
        #expect(execution.steps[0].status == .timedOut && execution.steps[0].failureMessage == "Step Hold waited 60 seconds for a signal")
        #expect(execution.status == .timedOut && execution.failureMessage == "Step Hold timed out: Step Hold waited 60 seconds for a signal")
    }

    // MARK: - Approve

    @Test("aws:approve with MinRequiredApprovals 2 waits for two approvers, then records their decisions")
    func approvals() throws {
        var execution = try E.execution(Self.approve(), E.api("Restart"))
        #expect(execution.advance(now: F.start) == .wake(at: F.at(7 * 86_400)))
        #expect(execution.status == .waiting && execution.steps[0].outputs == ["ApprovalStatus": .string("Waiting")])

        try F.signal(&execution, .approve, as: F.alice, payload: ["Comment": ["go"]], at: F.at(10))
        #expect(execution.advance(now: F.at(10)) == .wake(at: F.at(7 * 86_400)), "one approval of two is not enough")
        #expect(execution.status == .waiting && execution.steps[0].status == .inProgress)

        #expect(
            F.signalRefusal(&execution, .approve, as: F.alice)
                == .invalidSignal("arn:aws:iam::111111111111:user/alice has already decided on step Approve"))
        #expect(
            F.signalRefusal(&execution, .approve, as: F.mallory)
                == .invalidSignal("arn:aws:iam::222222222222:user/mallory is not an approver of step Approve"))
        #expect(execution.steps[0].decisions.count == 1)

        try F.signal(&execution, .approve, as: F.carol, key: "AKIACAROL", at: F.at(20))
        let (index, _) = try F.launch(execution.advance(now: F.at(20)))
        #expect(index == 1 && execution.status == .inProgress)
        #expect(execution.steps[0].status == .success && execution.steps[0].endedAt == F.at(20))
        #expect(
            execution.steps[0].outputs == [
                "ApprovalStatus": .string("Approved"),
                "ApproverDecisions": .array([
                    .object(["Approver": .string(F.alice), "Decision": .string("Approve"), "Comment": .string("go")]),
                    .object(["Approver": .string(F.carol), "Decision": .string("Approve")]),
                ]),
            ])
        #expect(
            execution.steps[0].decisions == [
                ApprovalDecision(approver: F.alice, approved: true, comment: "go", at: F.at(10)),
                ApprovalDecision(approver: F.carol, approved: true, comment: nil, at: F.at(20)),
            ])
    }

    @Test("one rejection rejects the step, whatever approvals came before, and fails the run")
    func rejection() throws {
        var execution = try E.execution(Self.approve(), E.api("Restart"))
        _ = execution.advance(now: F.start)
        try F.signal(&execution, .approve, as: F.alice, at: F.at(1))
        try F.signal(&execution, .reject, as: F.bob, payload: ["Comment": ["not during peak"]], at: F.at(2))
        #expect(execution.advance(now: F.at(2)) == AutomationDemand.none)
        #expect(execution.steps[0].status == .failed && execution.steps[0].failureMessage == "Rejected by \(F.bob): not during peak")
        #expect(execution.steps[0].outputs["ApprovalStatus"] == .string("Rejected"))
        #expect(execution.steps[0].outputs["ApproverDecisions"]?.array?.count == 2)
        #expect(execution.status == .failed && execution.failureMessage == "Step Approve failed: Rejected by \(F.bob): not during peak")
        #expect(execution.steps[1].status == .pending)
    }

    @Test("a rejection is the approvers' answer: it is not asked again, whatever maxAttempts says")
    func rejectionNotRetried() throws {
        var execution = try E.execution(
            Self.approve(#"["\#(F.alice)", "\#(F.bob)"]"#, #""MinRequiredApprovals": 1"#).replacingOccurrences(
                of: "}}", with: #"}, "maxAttempts": 3}"#), E.api("Restart"))
        #expect(execution.definition.steps[0].maxAttempts == 3)
        _ = execution.advance(now: F.start)
        try F.signal(&execution, .reject, as: F.alice, at: F.at(1))
        #expect(execution.advance(now: F.at(1)) == AutomationDemand.none)
        #expect(execution.steps[0].status == .failed && execution.steps[0].attempts == 1)
        #expect(execution.status == .failed && execution.failureMessage == "Step Approve failed: Rejected by \(F.alice)")
    }

    @Test("an approval that times out with attempts left asks again with a new deadline")
    func approvalTimeoutRetries() throws {
        var execution = try E.execution(
            Self.approve(#"["\#(F.alice)"]"#, "").replacingOccurrences(of: "}}", with: #"}, "maxAttempts": 2, "timeoutSeconds": 100}"#))
        #expect(execution.advance(now: F.start) == .wake(at: F.at(100)))
        #expect(execution.advance(now: F.at(100)) == .wake(at: F.at(200)))
        #expect(execution.steps[0].attempts == 2 && execution.status == .waiting)
        #expect(execution.advance(now: F.at(200)) == AutomationDemand.none)
        #expect(execution.steps[0].status == .timedOut && execution.status == .timedOut)
    }

    @Test("an approval nobody answers times out after 7 days by default")
    func approvalTimeout() throws {
        var execution = try E.execution(Self.approve())
        _ = execution.advance(now: F.start)
        #expect(execution.advance(now: F.at(7 * 86_400)) == AutomationDemand.none)
        #expect(execution.steps[0].status == .timedOut && execution.steps[0].failureMessage == "Step Approve waited 604800 seconds for a signal")
        #expect(execution.status == .timedOut)
    }

    @Test("an approver entry may be the principal, its access key, the account root or the account id")
    func approverNames() throws {
        for (entry, principal, accepted) in [
            (F.bob, F.bob, true), ("AKIABOB", F.bob, true), ("arn:aws:iam::111111111111:root", F.carol, true), ("111111111111", F.carol, true),
            ("arn:aws:iam::111111111111:user/AKIABOB", F.bob, true),
            (F.alice, F.bob, false), ("arn:aws:iam::222222222222:root", F.mallory, false), ("222222222222", F.mallory, false),
        ] {
            var execution = try E.execution(Self.approve(#"["\#(entry)"]"#, ""))
            _ = execution.advance(now: F.start)
            let refusal = F.signalRefusal(&execution, .approve, as: principal, key: "AKIABOB")
            #expect((refusal == nil) == accepted, "\(entry) for \(principal)")
        }
    }

    @Test("approvers and the approvals needed may come from parameters")
    func approversFromParameters() throws {
        var execution = try E.execution(
            Self.approve(#""{{ People }}""#, #""MinRequiredApprovals": "{{ Needed }}""#), E.api("Restart"),
            parameters: #"{"People": {"type": "StringList"}, "Needed": {"type": "Integer"}}"#,
            values: ["People": .array([.string(F.alice), .string(F.bob)]), "Needed": .number(2)])
        _ = execution.advance(now: F.start)
        #expect(execution.steps[0].inputs?["Approvers"] == .array([.string(F.alice), .string(F.bob)]))
        try F.signal(&execution, .approve, as: F.alice, at: F.at(1))
        #expect(execution.advance(now: F.at(1)) == .wake(at: F.at(7 * 86_400)))
        try F.signal(&execution, .approve, as: F.bob, at: F.at(2))
        _ = try F.launch(execution.advance(now: F.at(2)))
        #expect(execution.steps[0].status == .success)
    }

    @Test(
        "approvals needed that come from a parameter are checked when the step runs",
        arguments: [DocumentValue.number(0), .number(3), .number(-1), .string("2")])
    func neededChecked(needed: DocumentValue) throws {
        var execution = try E.execution(
            Self.approve(#""{{ People }}""#, #""MinRequiredApprovals": "{{ Needed }}""#), E.api("Restart"),
            parameters: #"{"People": {"type": "StringList"}, "Needed": {"type": "String"}}"#,
            values: ["People": .array([.string(F.alice), .string(F.bob)]), "Needed": needed])
        #expect(execution.advance(now: F.start) == AutomationDemand.none)
        #expect(execution.steps[0].status == .failed && execution.steps[0].decisions.isEmpty)
        #expect(
            execution.steps[0].failureMessage == "inputs.MinRequiredApprovals must be a whole number from 1 to the number of approvers (2)")
        #expect(execution.status == .failed && execution.steps[1].status == .pending)
    }

    @Test("a literal MinRequiredApprovals next to approvers from a parameter is accepted at create and checked when the step runs")
    func literalNeededChecked() throws {
        var execution = try E.execution(
            Self.approve(#""{{ People }}""#, #""MinRequiredApprovals": 0"#), parameters: #"{"People": {"type": "StringList"}}"#,
            values: ["People": .array([.string(F.alice)])])
        _ = execution.advance(now: F.start)
        _ = execution.advance(now: F.at(1))
        #expect(execution.steps[0].status == .failed && execution.steps[0].outputs["ApprovalStatus"] != .string("Approved"))
        #expect(execution.status == .failed)
    }

    @Test("approvers from a parameter that resolve to nobody fail the step")
    func noApprovers() throws {
        var execution = try E.execution(
            Self.approve(#""{{ People }}""#, ""), parameters: #"{"People": {"type": "StringList"}}"#, values: ["People": .array([])])
        _ = execution.advance(now: F.start)
        #expect(execution.steps[0].failureMessage == "inputs.Approvers resolved to no approvers" && execution.status == .failed)
    }

    @Test("Approve and Reject are refused when no approval step waits")
    func approveWhenNotWaiting() throws {
        var execution = try E.execution(E.pause("Hold"))
        _ = execution.advance(now: F.start)
        #expect(F.signalRefusal(&execution, .approve) == .invalidSignal("Execution exec-1 is not waiting for an approval"))
        #expect(F.signalRefusal(&execution, .reject) == .invalidSignal("Execution exec-1 is not waiting for an approval"))
    }

    // MARK: - Interactive

    static let napA = #"{"name": "A", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}}"#
    static let napB = #"{"name": "B", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}}"#

    @Test("an interactive execution runs only the steps StartStep names, in the order named")
    func interactive() throws {
        var execution = F.execution(try F.definition(steps: "[\(Self.napA), \(Self.napB), \(E.pause("C"))]"), mode: .interactive)
        #expect(execution.advance(now: F.start) == AutomationDemand.none)
        #expect(execution.status == .waiting && execution.stepRuns == 0 && F.statuses(execution) == [.pending, .pending, .pending])
        #expect(execution.currentStepName == "A")

        try F.signal(&execution, .startStep, payload: ["StepName": ["B"]], at: F.at(1))
        #expect(execution.status == .inProgress && execution.cursor == .next("B"))
        #expect(execution.advance(now: F.at(1)) == AutomationDemand.none)
        #expect(F.statuses(execution) == [.pending, .success, .pending] && execution.status == .waiting && execution.currentStepName == "C")

        try F.signal(&execution, .startStep, payload: ["StepName": ["A"]], at: F.at(2))
        _ = execution.advance(now: F.at(2))
        #expect(F.statuses(execution) == [.success, .success, .pending] && execution.currentStepName == "B", "after A comes B again")

        try F.signal(&execution, .startStep, payload: ["StepName": ["C"]], at: F.at(3))
        _ = execution.advance(now: F.at(3))
        #expect(execution.steps[2].phase == .awaitingSignal(deadline: nil) && execution.status == .waiting)
        #expect(
            F.signalRefusal(&execution, .startStep, payload: ["StepName": ["A"]])
                == .invalidSignal("Execution exec-1 is running step C; StartStep waits until it ends"))
        try F.signal(&execution, .resume)
        #expect(execution.status == .success && execution.stepRuns == 3)
    }

    @Test("StartStep is refused without a step name, for an unknown step, and in Auto mode")
    func startStepRefusals() throws {
        var interactive = F.execution(try F.definition(steps: "[\(Self.napA)]"), mode: .interactive)
        _ = interactive.advance(now: F.start)
        #expect(F.signalRefusal(&interactive, .startStep) == .invalidSignal("StartStep needs the payload StepName"))
        #expect(
            F.signalRefusal(&interactive, .startStep, payload: ["StepName": ["Z"]])
                == .stepNotFound("Step Z is not a step of execution exec-1's runbook"))
        var auto = try E.execution(E.pause("Hold"))
        _ = auto.advance(now: F.start)
        #expect(
            F.signalRefusal(&auto, .startStep, payload: ["StepName": ["Hold"]])
                == .invalidSignal("StartStep is for executions started in Interactive mode"))
    }

    // MARK: - StopStep

    @Test("StopStep cancels the running step without retrying it; its onFailure decides what follows")
    func stopStep() throws {
        var execution = try E.execution(E.api("Call", #""maxAttempts": 3"#), E.pause("Hold"))
        let launch = try F.launch(execution.advance(now: F.start))
        try F.signal(&execution, .stopStep, as: F.bob, payload: ["StepExecutionId": ["step-1"]], at: F.at(4))
        #expect(execution.steps[0].status == .cancelled && execution.steps[0].endedAt == F.at(4) && execution.steps[0].phase == .idle)
        #expect(execution.status == .failed && execution.failureMessage == "Step Call failed: Stopped by a StopStep signal from \(F.bob)")
        #expect(execution.finishLaunch(launch.index, launch.launchID, result: .response(.object([:])), now: F.at(5)) == false)

        var going = try E.execution(E.api("Call", #""onFailure": "Continue""#), E.pause("Hold"))
        _ = going.advance(now: F.start)
        try F.signal(&going, .stopStep, payload: ["StepExecutionId": ["step-1"]], at: F.at(4))
        #expect(going.steps[0].status == .cancelled && going.cursor == .next("Hold"))
        _ = going.advance(now: F.at(4))
        #expect(going.status == .waiting && going.currentStepName == "Hold")
    }

    @Test("StopStep is refused without an id, for an unknown id and for a step not running")
    func stopStepRefusals() throws {
        var execution = try E.execution(E.pause("Hold"), E.api("Next"))
        _ = execution.advance(now: F.start)
        #expect(F.signalRefusal(&execution, .stopStep) == .invalidSignal("StopStep needs the payload StepExecutionId"))
        #expect(
            F.signalRefusal(&execution, .stopStep, payload: ["StepExecutionId": ["nope"]])
                == .stepNotFound("No step execution nope in execution exec-1"))
        #expect(
            F.signalRefusal(&execution, .stopStep, payload: ["StepExecutionId": ["step-2"]])
                == .invalidSignal("Step execution step-2 is not running"))
        #expect(F.signalRefusal(&execution, .revoke) == .invalidSignal("Revoke is for Change Manager requests, which Hikeshi does not run"))
    }

    // MARK: - Stop

    @Test("Cancel without onCancel steps ends the run Cancelled at once")
    func cancel() throws {
        var execution = try E.execution(E.pause("Hold"), E.api("Next"))
        _ = execution.advance(now: F.start)
        try execution.stop(.cancel, now: F.at(5))
        #expect(execution.status == .cancelled && execution.endedAt == F.at(5) && execution.cursor == .done)
        #expect(F.statuses(execution) == [.cancelled, .pending] && execution.steps[0].endedAt == F.at(5) && execution.failureMessage == nil)
        #expect(execution.advance(now: F.at(6)) == AutomationDemand.none)
    }

    @Test("Cancel during a step with onCancel runs the onCancel steps from there, then ends Cancelled")
    func cancelWorkflow() throws {
        var execution = try E.execution(
            E.api("Call", #""onCancel": "step:Undo""#), E.api("Next"), E.api("Undo"), E.api("Notify"))
        let call = try F.launch(execution.advance(now: F.start))
        try execution.stop(.cancel, now: F.at(5))
        #expect(execution.status == .cancelling && execution.cursor == .next("Undo") && execution.currentStepName == "Undo")
        #expect(execution.steps[0].status == .cancelled && execution.steps[0].phase == .idle)
        #expect(execution.finishLaunch(call.index, call.launchID, result: .response(.object([:])), now: F.at(6)) == false)

        var demand = execution.advance(now: F.at(6))
        #expect(try F.launch(demand).index == 2 && execution.status == .cancelling)
        demand = try E.report(&execution, demand, .response(.object([:])), at: F.at(7))
        #expect(try F.launch(demand).index == 3 && execution.status == .cancelling, "the onCancel steps run on from their first")
        try E.report(&execution, demand, .response(.object([:])), at: F.at(8))
        #expect(F.statuses(execution) == [.cancelled, .pending, .success, .success])
        #expect(execution.status == .cancelled && execution.endedAt == F.at(8) && execution.failureMessage == nil)
    }

    @Test("an onCancel step that fails is not retried, and the run still ends Cancelled")
    func cancelWorkflowFails() throws {
        var execution = try E.execution(E.api("Call", #""onCancel": "step:Undo""#), E.api("Undo", #""maxAttempts": 3"#))
        _ = execution.advance(now: F.start)
        try execution.stop(.cancel, now: F.at(1))
        try E.report(&execution, execution.advance(now: F.at(1)), .failure("boom"), at: F.at(2))
        #expect(execution.steps[1].status == .failed && execution.steps[1].attempts == 1)
        #expect(execution.status == .cancelled && execution.cursor == .done)
    }

    @Test("a second Cancel while the onCancel steps run ends the run Cancelled at once")
    func cancelTwice() throws {
        var execution = try E.execution(E.api("Call", #""onCancel": "step:Undo""#), E.api("Undo"))
        _ = execution.advance(now: F.start)
        try execution.stop(.cancel, now: F.at(1))
        _ = try F.launch(execution.advance(now: F.at(1)))
        try execution.stop(.cancel, now: F.at(2))
        #expect(execution.status == .cancelled && F.statuses(execution) == [.cancelled, .cancelled] && execution.endedAt == F.at(2))
    }

    @Test("an interactive execution runs its onCancel steps without waiting for StartStep")
    func cancelInteractive() throws {
        var execution = F.execution(try F.definition(steps: "[\(E.api("Call", #""onCancel": "step:Undo""#)), \(E.api("Undo"))]"), mode: .interactive)
        try F.signal(&execution, .startStep, payload: ["StepName": ["Call"]])
        _ = try F.launch(execution.advance(now: F.start))
        try execution.stop(.cancel, now: F.at(1))
        #expect(try F.launch(execution.advance(now: F.at(1))).index == 1)
    }

    @Test("Cancel of an interactive execution between steps ends it Cancelled")
    func cancelBetweenSteps() throws {
        var execution = F.execution(try F.definition(steps: "[\(E.api("Call", #""onCancel": "step:Undo""#)), \(E.api("Undo"))]"), mode: .interactive)
        _ = execution.advance(now: F.start)
        try execution.stop(.cancel, now: F.at(1))
        #expect(execution.status == .cancelled && F.statuses(execution) == [.pending, .pending])
    }

    @Test("Complete ends the run Success now, running no more steps")
    func complete() throws {
        var execution = try E.execution(E.api("Call"), E.pause("Hold"), E.api("Never"))
        try E.report(&execution, execution.advance(now: F.start), .response(.object([:])), at: F.at(1))
        try execution.stop(.complete, now: F.at(2))
        #expect(execution.status == .success && execution.endedAt == F.at(2) && execution.failureMessage == nil)
        #expect(F.statuses(execution) == [.success, .cancelled, .pending])
        #expect(execution.advance(now: F.at(3)) == AutomationDemand.none)
    }

    @Test("an ended execution can neither be stopped nor signalled")
    func ended() throws {
        var execution = try E.execution(E.pause("Hold"))
        _ = execution.advance(now: F.start)
        try F.signal(&execution, .resume)
        #expect(execution.status == .success)
        for kind in AutomationStopKind.allCases {
            #expect(throws: AutomationSignalError.invalidStatusUpdate("Execution exec-1 has ended (Success); it cannot be stopped")) {
                try execution.stop(kind, now: F.at(1))
            }
        }
        for signal in AutomationSignal.allCases {
            #expect(
                F.signalRefusal(&execution, signal, payload: ["StepName": ["Hold"]])
                    == .invalidSignal("Execution exec-1 has ended (Success); it takes no signals"))
        }
        var cancelled = try E.execution(E.pause("Hold"))
        try cancelled.stop(.cancel, now: F.start)
        #expect(throws: AutomationSignalError.invalidStatusUpdate("Execution exec-1 has ended (Cancelled); it cannot be stopped")) {
            try cancelled.stop(.cancel, now: F.at(1))
        }
    }
}
