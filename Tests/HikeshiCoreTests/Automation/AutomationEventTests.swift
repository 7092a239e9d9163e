import Foundation
import Testing

@testable import HikeshiCore

@Suite("AutomationEvent.between: what changed between two states of an execution")
struct AutomationEventTests {
    typealias F = AutomationFixtures
    typealias E = AutomationEngineTests

    @Test("a step that begins waiting for a signal is one StepWaiting event")
    func waiting() throws {
        let before = try E.execution(#"{"name": "Nap", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}}"#, E.pause("Hold"))
        var after = before
        _ = after.advance(now: F.start)
        #expect(
            AutomationEvent.between(before, after) == [
                AutomationEvent(kind: .stepWaiting, stepName: "Hold", action: .pause, status: .waiting, message: nil)
            ])
        let again = after
        _ = after.advance(now: F.at(1))
        #expect(AutomationEvent.between(again, after).isEmpty, "a step that still waits is not news")
    }

    @Test("an approval that still waits after one approval is not news; its end is")
    func approvalEvents() throws {
        var execution = try E.execution(AutomationSignalsTests.approve())
        let fresh = execution
        _ = execution.advance(now: F.start)
        #expect(AutomationEvent.between(fresh, execution).map(\.kind) == [.stepWaiting])
        #expect(AutomationEvent.between(fresh, execution).first?.action == .approve)
        try F.signal(&execution, .approve, as: F.alice)
        let one = execution
        _ = execution.advance(now: F.at(1))
        #expect(AutomationEvent.between(one, execution).isEmpty)
        try F.signal(&execution, .approve, as: F.bob)
        let two = execution
        _ = execution.advance(now: F.at(2))
        #expect(
            AutomationEvent.between(two, execution) == [AutomationEvent(kind: .finished, stepName: nil, action: nil, status: .success, message: nil)])
    }

    @Test("a failed step and the end it causes are two events, in that order")
    func failure() throws {
        var execution = try E.execution(E.api("Call"), E.pause("Hold"))
        let launch = try F.launch(execution.advance(now: F.start))
        let before = execution
        #expect(execution.finishLaunch(launch.index, launch.launchID, result: .failure("boom"), now: F.at(1)) == true)
        #expect(
            AutomationEvent.between(before, execution) == [
                AutomationEvent(kind: .stepFailed, stepName: "Call", action: .executeAwsApi, status: .failed, message: "boom"),
                AutomationEvent(kind: .finished, stepName: nil, action: nil, status: .failed, message: "Step Call failed: boom"),
            ])
        #expect(AutomationEvent.between(execution, execution).isEmpty)
    }

    @Test("a timed-out step is a StepFailed event with its status")
    func timedOut() throws {
        var execution = try E.execution(E.pause("Hold", #""timeoutSeconds": 5"#))
        _ = execution.advance(now: F.start)
        let before = execution
        _ = execution.advance(now: F.at(5))
        #expect(
            AutomationEvent.between(before, execution) == [
                AutomationEvent(
                    kind: .stepFailed, stepName: "Hold", action: .pause, status: .timedOut, message: "Step Hold waited 5 seconds for a signal"),
                AutomationEvent(
                    kind: .finished, stepName: nil, action: nil, status: .timedOut,
                    message: "Step Hold timed out: Step Hold waited 5 seconds for a signal"),
            ])
    }

    @Test("an attempt that will be retried is not a failure yet")
    func retryIsQuiet() throws {
        var execution = try E.execution(E.api("Call", #""maxAttempts": 2"#))
        let launch = try F.launch(execution.advance(now: F.start))
        let before = execution
        #expect(execution.finishLaunch(launch.index, launch.launchID, result: .failure("boom"), now: F.at(1)) == true)
        _ = execution.advance(now: F.at(1))
        #expect(AutomationEvent.between(before, execution).isEmpty)
    }

    @Test("a failure the run continues past is a StepFailed event without an end")
    func continued() throws {
        var execution = try E.execution(E.api("Call", #""onFailure": "Continue""#), E.pause("Hold"))
        let launch = try F.launch(execution.advance(now: F.start))
        let before = execution
        #expect(execution.finishLaunch(launch.index, launch.launchID, result: .failure("boom"), now: F.at(1)) == true)
        _ = execution.advance(now: F.at(1))
        #expect(AutomationEvent.between(before, execution).map(\.kind) == [.stepFailed, .stepWaiting])
    }

    @Test("a record added for a step that runs again is compared with nothing")
    func newRecords() throws {
        var execution = try E.execution(
            E.pause("Hold"),
            #"{"name": "Again", "action": "aws:branch", "inputs": {"Choices": [{"NextStep": "Hold", "Variable": "{{ automation:EXECUTION_ID }}", "StringEquals": "exec-1"}]}}"#
        )
        _ = execution.advance(now: F.start)
        try F.signal(&execution, .resume)
        let before = execution
        _ = execution.advance(now: F.at(1))
        #expect(execution.steps.count == 3)
        #expect(
            AutomationEvent.between(before, execution) == [
                AutomationEvent(kind: .stepWaiting, stepName: "Hold", action: .pause, status: .waiting, message: nil)
            ])
    }

    @Test("a cancel is a Finished event with Cancelled, and the cancelled step is not a failure")
    func cancelled() throws {
        var execution = try E.execution(E.pause("Hold"))
        _ = execution.advance(now: F.start)
        let before = execution
        try execution.stop(.cancel, now: F.at(1))
        #expect(
            AutomationEvent.between(before, execution) == [
                AutomationEvent(kind: .finished, stepName: nil, action: nil, status: .cancelled, message: nil)
            ])
    }
}
