import Foundation
import Testing

@testable import HikeshiCore

@Suite("AutomationExecution limits: output and input sizes, child deadlines, abandoned children, due times")
struct AutomationLimitsTests {
    typealias F = AutomationFixtures
    typealias E = AutomationEngineTests

    @Test("a step whose outputs pass the step limit fails without a retry, keeping nothing")
    func stepOutputLimit() throws {
        var execution = try E.execution(E.script("Big", #""maxAttempts": 3"#))
        let huge = String(repeating: "x", count: AutomationExecution.maximumStepOutputBytes)
        try E.report(&execution, execution.advance(now: F.start), .response(.object(["Payload": .string(huge)])), at: F.at(1))
        #expect(execution.steps[0].status == .failed && execution.steps[0].attempts == 1)
        #expect(execution.steps[0].outputs.isEmpty && execution.status == .failed)
        #expect(execution.steps[0].failureMessage?.contains("a step keeps at most") == true)
    }

    @Test("an execution's outputs together stay under the execution limit")
    func executionOutputLimit() throws {
        let payload = String(repeating: "y", count: 100 * 1024)
        let steps = (1...11).map { E.script("S\($0)") }
        var execution = F.execution(try F.definition(steps: "[" + steps.joined(separator: ", ") + "]"))
        var demand = execution.advance(now: F.start)
        for second in 1...11 {
            guard case .launch = demand else { break }
            demand = try E.report(&execution, demand, .response(.object(["Payload": .string(payload)])), at: F.at(Double(second)))
        }
        #expect(execution.status == .failed)
        #expect(execution.outputBytes <= AutomationExecution.maximumOutputBytes)
        #expect(execution.steps.last { $0.status == .failed }?.failureMessage?.contains("would pass") == true)
    }

    @Test("a step's resolved inputs are capped")
    func inputLimit() throws {
        let big = String(repeating: "z", count: AutomationExecution.maximumStepInputBytes)
        var execution = try E.execution(
            E.pause("Hold", #""inputs": {"Message": "{{ Text }}"}"#), parameters: #"{"Text": {"type": "String"}}"#, values: ["Text": .string(big)])
        _ = execution.advance(now: F.start)
        #expect(execution.status == .failed && execution.steps[0].failureMessage?.contains("inputs hold") == true)
    }

    @Test("a child that outlives the step's timeoutSeconds times the step out")
    func childDeadline() throws {
        let child = #"{"name": "Child", "action": "aws:executeAutomation", "timeoutSeconds": 60, "inputs": {"DocumentName": "Other"}}"#
        var execution = try E.execution(child)
        #expect(execution.advance(now: F.start) == .startChild(index: 0))
        execution.childStarted(index: 0, executionID: "child-1")
        #expect(execution.advance(now: F.at(1)) == .wake(at: F.at(60)))
        _ = execution.advance(now: F.at(60))
        #expect(execution.steps[0].status == .timedOut && execution.status == .timedOut)
    }

    @Test("an abandoned execution ends Cancelled at once, without its onCancel steps")
    func abandon() throws {
        var execution = try E.execution(E.pause("Hold", #""onCancel": "step:Undo""#), E.api("Undo"))
        _ = execution.advance(now: F.start)
        execution.abandon(now: F.at(1))
        #expect(execution.status == .cancelled && F.statuses(execution) == [.cancelled, .pending])
        execution.abandon(now: F.at(2))
        #expect(execution.endedAt == F.at(1), "abandoning an ended execution changes nothing")
    }

    @Test("a look a fraction of a millisecond before a sleep's end still ends it")
    func tolerance() throws {
        var execution = try E.execution(#"{"name": "Nap", "action": "aws:sleep", "inputs": {"Duration": "PT10S"}}"#)
        #expect(execution.advance(now: F.start) == .wake(at: F.at(10)))
        _ = execution.advance(now: F.at(9.9995))
        #expect(execution.status == .success)
    }

    @Test("Contains on a list looks for an item; a condition on something unknown never holds, Not included")
    func branchLists() {
        let list: DocumentValue = .array([.string("web-1"), .string("db-1")])
        let lookup: (String) -> DocumentValue? = { $0 == "{{ Hosts }}" ? list : nil }
        #expect(BranchCondition.compare(variable: "{{ Hosts }}", .contains, .string("web-1")).holds(lookup))
        #expect(!BranchCondition.compare(variable: "{{ Hosts }}", .contains, .string("web")).holds(lookup))
        let unknown = BranchCondition.compare(variable: "{{ Missing }}", .stringEquals, .string("x"))
        #expect(!BranchCondition.not(unknown).holds(lookup))
        #expect(BranchCondition.or([unknown, .compare(variable: "{{ Hosts }}", .contains, .string("db-1"))]).holds(lookup))
    }
}
