import Foundation
import Testing

@testable import HikeshiCore

@Suite("AutomationExecution engine: advance and the reports of outside work")
struct AutomationEngineTests {
    typealias F = AutomationFixtures

    /// An `aws:executeAwsApi` step (JSON text), with extra fields.
    static func api(_ name: String, _ extra: String = "") -> String {
        #"{"name": "\#(name)", "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "ListDocuments"}\#(extra.isEmpty ? "" : ", " + extra)}"#
    }

    /// An `aws:pause` step.
    static func pause(_ name: String, _ extra: String = "") -> String {
        #"{"name": "\#(name)", "action": "aws:pause"\#(extra.isEmpty ? "" : ", " + extra)}"#
    }

    /// An `aws:executeScript` step.
    static func script(_ name: String, _ extra: String = "") -> String {
        #"{"name": "\#(name)", "action": "aws:executeScript", "inputs": {"Runtime": "python3.11", "Handler": "h", "Script": "def h(e, c): return 1"}\#(extra.isEmpty ? "" : ", " + extra)}"#
    }

    /// An execution of these steps (JSON texts).
    static func execution(_ steps: String..., parameters: String? = nil, values: [String: DocumentValue] = [:]) throws -> AutomationExecution {
        try F.execution(steps: "[" + steps.joined(separator: ", ") + "]", parameters: parameters, values: values)
    }

    /// Runs the current launch to `result` at `now`, then advances.
    @discardableResult
    static func report(_ execution: inout AutomationExecution, _ demand: AutomationDemand, _ result: AutomationLaunchResult, at now: Date)
        throws -> AutomationDemand
    {
        let (index, launchID) = try F.launch(demand)
        #expect(execution.finishLaunch(index, launchID, result: result, now: now) == true)
        return execution.advance(now: now)
    }

    // MARK: - Start

    @Test("a new execution has every step pending and is about to begin the first")
    func starts() throws {
        let execution = try Self.execution(Self.api("A"), Self.pause("B"))
        #expect(execution.status == .inProgress && execution.cursor == .next("A") && execution.stepRuns == 0)
        #expect(execution.steps.map(\.id) == ["step-1", "step-2"] && F.statuses(execution) == [.pending, .pending])
        #expect(execution.steps.map(\.attempts) == [0, 0] && execution.steps.allSatisfy { $0.phase == .idle })
        #expect(execution.currentStepName == "A" && execution.currentRecord == nil && execution.endedAt == nil)
        #expect(execution.arn == "arn:aws:ssm:eu-central-1:111111111111:automation-execution/exec-1")
        let interactive = F.execution(execution.definition, mode: .interactive)
        #expect(interactive.status == .waiting && interactive.cursor == .next("A"))
    }

    // MARK: - Sleep

    @Test("aws:sleep asks to be woken at its end, and ends then")
    func sleeps() throws {
        var execution = try Self.execution(#"{"name": "Nap", "action": "aws:sleep", "inputs": {"Duration": "PT10M"}}"#, Self.pause("Hold"))
        #expect(execution.advance(now: F.start) == .wake(at: F.at(600)))
        #expect(execution.cursor == .at(0) && execution.currentStepName == "Nap" && execution.stepRuns == 1)
        #expect(execution.steps[0].status == .inProgress && execution.steps[0].phase == .sleeping(until: F.at(600)))
        #expect(execution.steps[0].startedAt == F.start && execution.steps[0].attempts == 1 && execution.status == .inProgress)
        let asleep = execution
        #expect(execution.advance(now: F.at(599)) == .wake(at: F.at(600)))
        #expect(execution == asleep, "looking again before the end changes nothing")
        #expect(execution.advance(now: F.at(600)) == AutomationDemand.none)
        #expect(execution.steps[0].status == .success && execution.steps[0].endedAt == F.at(600) && execution.steps[0].phase == .idle)
        #expect(execution.steps[1].phase == .awaitingSignal(deadline: nil) && execution.status == .waiting && execution.currentStepName == "Hold")
    }

    @Test("aws:sleep until a time: a past time ends at once, a time beyond 7 days is cut to 7 days")
    func sleepsUntil() throws {
        var soon = try Self.execution(#"{"name": "Nap", "action": "aws:sleep", "inputs": {"Timestamp": "2030-03-17T18:00:00Z"}}"#)
        #expect(soon.advance(now: F.start) == .wake(at: try #require(ISODuration.timestamp("2030-03-17T18:00:00Z"))))
        var past = try Self.execution(#"{"name": "Nap", "action": "aws:sleep", "inputs": {"Timestamp": "2020-01-01T00:00:00Z"}}"#, Self.pause("Hold"))
        #expect(past.advance(now: F.start) == AutomationDemand.none)
        #expect(F.statuses(past) == [.success, .inProgress] && past.currentStepName == "Hold")
        var far = try Self.execution(#"{"name": "Nap", "action": "aws:sleep", "inputs": {"Timestamp": "2031-01-01T00:00:00Z"}}"#)
        #expect(far.advance(now: F.start) == .wake(at: F.at(604_799)))
    }

    @Test("a sleep's Duration from a parameter is checked when the step runs", arguments: ["soon", "P8D", "PT-1S"])
    func sleepDurationAtRun(duration: String) throws {
        var execution = try Self.execution(
            #"{"name": "Nap", "action": "aws:sleep", "inputs": {"Duration": "{{ D }}"}}"#, Self.pause("Hold"),
            parameters: #"{"D": {"type": "String"}}"#,
            values: ["D": .string(duration)])
        #expect(execution.advance(now: F.start) == AutomationDemand.none)
        let message = "inputs.Duration \(duration) is not an ISO 8601 duration up to 7 days"
        #expect(execution.steps[0].status == .failed && execution.steps[0].failureMessage == message)
        #expect(execution.status == .failed && execution.failureMessage == "Step Nap failed: \(message)")
        #expect(execution.steps[1].status == .pending && execution.endedAt == F.start && execution.cursor == .done)
    }

    @Test("a step whose input refers to an output not produced fails when it begins")
    func unresolvedInput() throws {
        var execution = try Self.execution(Self.pause("Hold", #""inputs": {"Message": "{{ Later.Out }}"}"#), Self.api("Later"))
        #expect(execution.advance(now: F.start) == AutomationDemand.none)
        #expect(
            execution.steps[0].status == .failed
                && execution.steps[0].failureMessage == "{{ Later.Out }} has no value: step Later has not produced output Out")
        #expect(execution.status == .failed)
    }

    // MARK: - Launches

    @Test("outside work is launched once with a deadline, and its response gives the step's outputs")
    func launches() throws {
        var execution = try Self.execution(
            Self.api(
                "Call",
                #""outputs": [{"Name": "Ping", "Selector": "$.List[0].PingStatus"}, {"Name": "Count", "Selector": "$.Count", "Type": "Integer"}, {"Name": "Ids", "Selector": "$..InstanceId", "Type": "StringList"}]"#
            ).replacingOccurrences(of: #""Api": "ListDocuments""#, with: #""Api": "DescribeInstanceInformation", "Filter": "{{ Host }}""#),
            Self.pause("Hold", #""inputs": {"Message": "{{ Call.Ping }} x{{ Call.Count }} {{ Call.Ids }}"}"#),
            parameters: #"{"Host": {"type": "String"}}"#, values: ["Host": .string("web-1")])
        let demand = execution.advance(now: F.start)
        let (index, launchID) = try F.launch(demand)
        #expect(index == 0 && execution.status == .inProgress)
        #expect(
            execution.steps[0].inputs == [
                "Service": .string("ssm"), "Api": .string("DescribeInstanceInformation"), "Filter": .string("web-1"),
            ])
        #expect(execution.steps[0].phase == .launched(launchID: launchID, deadline: F.at(60 + 30), pollUntil: nil))
        let launched = execution
        #expect(execution.advance(now: F.at(10)) == .wake(at: F.at(90)), "looking again does not launch again")
        #expect(execution == launched)

        let response = F.value(
            #"{"List": [{"InstanceId": "i-1", "PingStatus": "Online"}, {"InstanceId": "i-2", "PingStatus": "ConnectionLost"}], "Count": "2"}"#)
        #expect(execution.finishLaunch(index, launchID, result: .response(response), now: F.at(3)) == true)
        #expect(execution.steps[0].status == .success && execution.steps[0].endedAt == F.at(3))
        #expect(
            execution.steps[0].outputs == ["Ping": .string("Online"), "Count": .number(2), "Ids": .array([.string("i-1"), .string("i-2")])])
        #expect(execution.steps[0].response == response.jsonText)
        #expect(execution.advance(now: F.at(3)) == AutomationDemand.none)
        #expect(execution.steps[1].inputs?["Message"] == .string(#"Online x2 ["i-1", "i-2"]"#))
    }

    @Test("a report for another launch, another record or an ended execution changes nothing")
    func staleReports() throws {
        var execution = try Self.execution(Self.api("Call"), Self.pause("Hold"))
        let (index, launchID) = try F.launch(execution.advance(now: F.start))
        let launched = execution
        #expect(execution.finishLaunch(index, "not-the-launch", result: .failure("boom"), now: F.at(1)) == false)
        #expect(execution.finishLaunch(1, launchID, result: .failure("boom"), now: F.at(1)) == false)
        #expect(execution.finishLaunch(7, launchID, result: .failure("boom"), now: F.at(1)) == false)
        #expect(execution == launched)
        #expect(execution.finishLaunch(index, launchID, result: .response(.object([:])), now: F.at(1)) == true)
        #expect(execution.finishLaunch(index, launchID, result: .failure("late"), now: F.at(2)) == false, "a launch is reported once")
        #expect(execution.steps[0].status == .success && execution.steps[0].failureMessage == nil)
        try execution.stop(.cancel, now: F.at(3))
        #expect(execution.finishLaunch(index, launchID, result: .response(.object([:])), now: F.at(4)) == false)
    }

    @Test("a script's step keeps its Payload, a webhook's its ResponseCode and Response, and user outputs select from the response")
    func actionOutputs() throws {
        var execution = try Self.execution(
            Self.script("Fix", #""outputs": [{"Name": "Fixed", "Selector": "$.Payload.fixed", "Type": "Integer"}]"#),
            #"{"name": "Hook", "action": "aws:invokeWebhook", "inputs": {"Url": "https://hooks.example.com/x", "Body": "fixed {{ Fix.Fixed }}"}}"#,
            Self.pause("Hold"))
        var demand = execution.advance(now: F.start)
        demand = try Self.report(&execution, demand, .response(F.value(#"{"Payload": {"fixed": 3, "hosts": ["a"]}}"#)), at: F.at(1))
        #expect(execution.steps[0].outputs == ["Payload": F.value(#"{"fixed": 3, "hosts": ["a"]}"#), "Fixed": .number(3)])
        #expect(execution.steps[0].response == nil, "only executeAwsApi shows its response")
        #expect(execution.steps[1].inputs?["Body"] == .string("fixed 3"))
        demand = try Self.report(&execution, demand, .response(F.value(#"{"ResponseCode": 202, "Response": "queued"}"#)), at: F.at(2))
        #expect(execution.steps[1].outputs == ["ResponseCode": .number(202), "Response": .string("queued")])
        #expect(demand == AutomationDemand.none && execution.currentStepName == "Hold")
    }

    @Test("a script that returns no Payload has a null Payload")
    func nullPayload() throws {
        var execution = try Self.execution(Self.script("Fix"))
        try Self.report(&execution, execution.advance(now: F.start), .response(.object([:])), at: F.at(1))
        #expect(execution.steps[0].outputs == ["Payload": .null] && execution.status == .success)
    }

    @Test("an output that selects nothing, or a value not of its type, fails the step")
    func outputFailures() throws {
        var missing = try Self.execution(Self.api("Call", #""outputs": [{"Name": "Ping", "Selector": "$.Missing"}]"#))
        try Self.report(&missing, missing.advance(now: F.start), .response(F.value(#"{"Ping": "Online"}"#)), at: F.at(1))
        #expect(missing.steps[0].status == .failed && missing.steps[0].failureMessage == "Output Ping: $.Missing selects nothing in the response")
        #expect(missing.status == .failed && missing.failureMessage == "Step Call failed: Output Ping: $.Missing selects nothing in the response")

        var mistyped = try Self.execution(Self.api("Call", #""outputs": [{"Name": "Count", "Selector": "$.Count", "Type": "Integer"}]"#))
        try Self.report(&mistyped, mistyped.advance(now: F.start), .response(F.value(#"{"Count": "many"}"#)), at: F.at(1))
        #expect(mistyped.steps[0].failureMessage == "Output Count: the selected value is not a Integer" && mistyped.status == .failed)
    }

    @Test("a failed launch fails the step and, by default, the execution; a timed-out one times both out")
    func failures() throws {
        var failed = try Self.execution(Self.api("Call"), Self.pause("Hold"))
        #expect(try Self.report(&failed, failed.advance(now: F.start), .failure("AccessDenied"), at: F.at(5)) == AutomationDemand.none)
        #expect(F.statuses(failed) == [.failed, .pending])
        #expect(failed.status == .failed && failed.failureMessage == "Step Call failed: AccessDenied" && failed.endedAt == F.at(5))
        #expect(failed.cursor == .done && failed.currentStepName == nil)

        var slow = try Self.execution(Self.api("Call"), Self.pause("Hold"))
        try Self.report(&slow, slow.advance(now: F.start), .timedOut("no answer in 60 seconds"), at: F.at(60))
        #expect(F.statuses(slow) == [.timedOut, .pending])
        #expect(slow.status == .timedOut && slow.failureMessage == "Step Call timed out: no answer in 60 seconds")
    }

    // MARK: - Retries

    @Test("maxAttempts: a failed attempt waits as retrying, then the next look launches again")
    func retries() throws {
        var execution = try Self.execution(Self.api("Call", #""maxAttempts": 3"#), Self.pause("Hold"))
        let first = try F.launch(execution.advance(now: F.start))
        #expect(execution.finishLaunch(first.index, first.launchID, result: .failure("Throttled"), now: F.at(1)) == true)
        #expect(execution.steps[0].phase == .retrying && execution.steps[0].status == .inProgress)
        #expect(execution.steps[0].attempts == 1 && execution.steps[0].failureMessage == "Throttled")
        #expect(execution.status == .inProgress && execution.failureMessage == nil)

        let second = try F.launch(execution.advance(now: F.at(1)))
        #expect(second.index == 0 && second.launchID != first.launchID && execution.steps[0].attempts == 2)
        #expect(execution.steps[0].failureMessage == nil, "a new attempt clears the last one's message")
        #expect(
            execution.finishLaunch(first.index, first.launchID, result: .response(.object([:])), now: F.at(2)) == false, "the first launch is stale")
        #expect(execution.finishLaunch(second.index, second.launchID, result: .timedOut("slow"), now: F.at(2)) == true)

        let third = try F.launch(execution.advance(now: F.at(2)))
        #expect(execution.steps[0].attempts == 3 && execution.stepRuns == 1, "retries are attempts of one step run, in one record")
        #expect(execution.finishLaunch(third.index, third.launchID, result: .failure("Throttled again"), now: F.at(3)) == true)
        #expect(execution.steps[0].status == .failed && execution.status == .failed)
        #expect(execution.failureMessage == "Step Call failed: Throttled again" && execution.steps.count == 2)
    }

    @Test("an attempt that succeeds after a failure leaves the step a success")
    func retrySucceeds() throws {
        var execution = try Self.execution(Self.api("Call", #""maxAttempts": 2"#))
        var demand = try Self.report(&execution, execution.advance(now: F.start), .failure("Throttled"), at: F.at(1))
        demand = try Self.report(&execution, demand, .response(.object([:])), at: F.at(2))
        #expect(demand == AutomationDemand.none)
        #expect(execution.steps[0].status == .success && execution.steps[0].attempts == 2 && execution.steps[0].failureMessage == nil)
        #expect(execution.status == .success && execution.failureMessage == nil)
    }

    // MARK: - Property checks

    @Test("aws:waitForAwsResourceProperty checks every 5 seconds until its timeout, then times out")
    func waitsForProperty() throws {
        let wait =
            #"{"name": "Wait", "action": "aws:waitForAwsResourceProperty", "timeoutSeconds": 20, "inputs": {"Service": "ssm", "Api": "GetOpsItem", "PropertySelector": "$.OpsItem.Status", "DesiredValues": ["Resolved"]}}"#
        var execution = try Self.execution(wait, Self.pause("Hold"))
        let first = try F.launch(execution.advance(now: F.start))
        #expect(execution.steps[0].phase == .launched(launchID: first.launchID, deadline: F.at(20 + 30), pollUntil: F.at(20)))
        #expect(execution.finishLaunch(first.index, first.launchID, result: .notYet("Open"), now: F.at(1)) == true)
        #expect(execution.steps[0].phase == .polling(next: F.at(6), deadline: F.at(20)) && execution.steps[0].status == .inProgress)
        #expect(execution.advance(now: F.at(3)) == .wake(at: F.at(6)))
        let second = try F.launch(execution.advance(now: F.at(6)))
        #expect(second.launchID != first.launchID && execution.steps[0].attempts == 1, "a check is not an attempt")
        #expect(execution.finishLaunch(second.index, second.launchID, result: .notYet("InProgress"), now: F.at(20)) == true)
        #expect(execution.steps[0].status == .timedOut)
        #expect(execution.steps[0].failureMessage == "Step Wait saw InProgress, not a wanted value, before its timeout")
        #expect(execution.status == .timedOut && execution.steps[1].status == .pending)
    }

    @Test("a property wait whose polling reaches its deadline between checks times out when next looked at")
    func pollingDeadline() throws {
        let wait =
            #"{"name": "Wait", "action": "aws:waitForAwsResourceProperty", "timeoutSeconds": 8, "inputs": {"Service": "ssm", "Api": "GetOpsItem", "PropertySelector": "$.OpsItem.Status", "DesiredValues": ["Resolved"]}}"#
        var execution = try Self.execution(wait)
        let first = try F.launch(execution.advance(now: F.start))
        #expect(execution.finishLaunch(first.index, first.launchID, result: .notYet("Open"), now: F.at(7)) == true)
        #expect(execution.steps[0].phase == .polling(next: F.at(12), deadline: F.at(8)))
        #expect(execution.advance(now: F.at(7)) == .wake(at: F.at(12)))
        #expect(execution.advance(now: F.at(12)) == AutomationDemand.none)
        #expect(execution.steps[0].failureMessage == "Step Wait did not see a wanted value before its timeout" && execution.status == .timedOut)
    }

    @Test("a property wait's single check may last a minute; its default timeout is an hour")
    func waitDefaults() throws {
        let wait =
            #"{"name": "Wait", "action": "aws:waitForAwsResourceProperty", "inputs": {"Service": "ssm", "Api": "GetOpsItem", "PropertySelector": "$.OpsItem.Status", "DesiredValues": ["Resolved"]}}"#
        var execution = try Self.execution(wait, Self.pause("Hold"))
        let first = try F.launch(execution.advance(now: F.start))
        #expect(execution.steps[0].phase == .launched(launchID: first.launchID, deadline: F.at(60 + 30), pollUntil: F.at(3_600)))
        #expect(
            execution.finishLaunch(first.index, first.launchID, result: .response(F.value(#"{"OpsItem": {"Status": "Resolved"}}"#)), now: F.at(2))
                == true)
        #expect(execution.steps[0].status == .success && execution.steps[0].outputs.isEmpty)
    }

    @Test("aws:assertAwsResourceProperty succeeds on a response and fails on a failure")
    func asserts() throws {
        let assert =
            #"{"name": "Check", "action": "aws:assertAwsResourceProperty", "inputs": {"Service": "ssm", "Api": "GetOpsItem", "PropertySelector": "$.OpsItem.Status", "DesiredValues": ["Open"]}}"#
        var good = try Self.execution(assert)
        try Self.report(&good, good.advance(now: F.start), .response(.object([:])), at: F.at(1))
        #expect(good.status == .success)
        var bad = try Self.execution(assert)
        try Self.report(&bad, bad.advance(now: F.start), .failure("$.OpsItem.Status is Resolved, not one of Open"), at: F.at(1))
        #expect(bad.status == .failed && bad.failureMessage == "Step Check failed: $.OpsItem.Status is Resolved, not one of Open")
    }

    // MARK: - Deadlines of launched work

    @Test("a step with effects that never reports is failed as interrupted when its deadline passes, not timed out")
    func interrupted() throws {
        var execution = try Self.execution(Self.script("Fix"), Self.pause("Hold"))
        let launch = try F.launch(execution.advance(now: F.start))
        #expect(execution.steps[0].phase == .launched(launchID: launch.launchID, deadline: F.at(600 + 30), pollUntil: nil))
        #expect(execution.advance(now: F.at(629)) == .wake(at: F.at(630)))
        #expect(execution.advance(now: F.at(630)) == AutomationDemand.none)
        #expect(execution.steps[0].status == .failed)
        #expect(
            execution.steps[0].failureMessage
                == "Step Fix was interrupted: the Hikeshi process running it stopped before it reported, so it is not run again on its own")
        #expect(execution.status == .failed && execution.failureMessage?.hasPrefix("Step Fix failed: Step Fix was interrupted") == true)
        #expect(execution.finishLaunch(launch.index, launch.launchID, result: .response(.object([:])), now: F.at(631)) == false)
    }

    @Test(
        "every action with effects is failed as interrupted, never timed out, when its launch outlives the deadline",
        arguments: [
            (#"{"name": "Act", "action": "aws:executeAwsApi", "inputs": {"Service": "ssm", "Api": "UpdateOpsItem"}}"#, 60.0),
            (#"{"name": "Act", "action": "aws:invokeWebhook", "inputs": {"Url": "https://hooks.example.com/x"}}"#, 30),
            (#"{"name": "Act", "action": "aws:executeScript", "inputs": {"Runtime": "python3.13", "Handler": "h", "Script": "x"}}"#, 600),
        ])
    func interruptedActions(step: String, timeout: TimeInterval) throws {
        var execution = try Self.execution(step)
        _ = try F.launch(execution.advance(now: F.start))
        let deadline = F.at(timeout + AutomationExecution.launchGrace)
        #expect(execution.advance(now: deadline.addingTimeInterval(-1)) == .wake(at: deadline))
        _ = execution.advance(now: deadline)
        #expect(execution.steps[0].status == .failed && execution.status == .failed)
        #expect(execution.steps[0].failureMessage?.hasPrefix("Step Act was interrupted") == true)
    }

    @Test("an interrupted step with attempts left is launched again, as its maxAttempts allow")
    func interruptedRetries() throws {
        var execution = try Self.execution(Self.script("Fix", #""maxAttempts": 2, "timeoutSeconds": 100"#))
        let first = try F.launch(execution.advance(now: F.start))
        #expect(execution.steps[0].phase == .launched(launchID: first.launchID, deadline: F.at(130), pollUntil: nil))
        let second = try F.launch(execution.advance(now: F.at(130)))
        #expect(second.launchID != first.launchID && execution.steps[0].attempts == 2)
        #expect(execution.steps[0].phase == .launched(launchID: second.launchID, deadline: F.at(260), pollUntil: nil))
    }

    @Test("a step without effects that never reports times out at its deadline")
    func unreportedCheck() throws {
        let assert =
            #"{"name": "Check", "action": "aws:assertAwsResourceProperty", "inputs": {"Service": "ssm", "Api": "GetOpsItem", "PropertySelector": "$.OpsItem.Status", "DesiredValues": ["Open"]}}"#
        var execution = try Self.execution(assert)
        _ = try F.launch(execution.advance(now: F.start))
        #expect(execution.advance(now: F.at(90)) == AutomationDemand.none)
        #expect(execution.steps[0].status == .timedOut && execution.steps[0].failureMessage == "Step Check did not report before its deadline")
        #expect(execution.status == .timedOut)
    }

    // MARK: - Flow

    @Test("onFailure Abort ends the execution Failed and leaves later steps pending")
    func abort() throws {
        var execution = try Self.execution(Self.api("Call"), Self.api("Next"))
        try Self.report(&execution, execution.advance(now: F.start), .failure("boom"), at: F.at(1))
        #expect(F.statuses(execution) == [.failed, .pending] && execution.status == .failed && execution.stepRuns == 1)
    }

    @Test("onFailure Continue goes on; the run ends Success when the failed step was not critical")
    func continueNotCritical() throws {
        var execution = try Self.execution(Self.api("Call", #""onFailure": "Continue""#), Self.api("Next"))
        let demand = try Self.report(&execution, execution.advance(now: F.start), .failure("boom"), at: F.at(1))
        #expect(execution.status == .inProgress && execution.currentStepName == "Next" && execution.failureMessage == nil)
        try Self.report(&execution, demand, .response(.object([:])), at: F.at(2))
        #expect(F.statuses(execution) == [.failed, .success])
        #expect(execution.status == .success && execution.failureMessage == nil && !execution.criticalFailure)
    }

    @Test("onFailure Continue on a critical step goes on, and the run ends Failed with the step's message")
    func continueCritical() throws {
        var execution = try Self.execution(Self.api("Call", #""onFailure": "Continue", "isCritical": true"#), Self.api("Next"))
        let demand = try Self.report(&execution, execution.advance(now: F.start), .failure("boom"), at: F.at(1))
        #expect(execution.status == .inProgress && execution.criticalFailure)
        try Self.report(&execution, demand, .response(.object([:])), at: F.at(2))
        #expect(F.statuses(execution) == [.failed, .success])
        #expect(execution.status == .failed && execution.failureMessage == "Step Call failed: boom")
    }

    @Test("onFailure step:NAME jumps there; the failure still decides the end by isCritical", arguments: [true, false])
    func onFailureStep(critical: Bool) throws {
        var execution = try Self.execution(
            Self.api("Call", #""onFailure": "step:Recover", "isCritical": \#(critical)"#), Self.api("Skipped"), Self.api("Recover"))
        let demand = try Self.report(&execution, execution.advance(now: F.start), .failure("boom"), at: F.at(1))
        #expect(execution.currentStepName == "Recover")
        try Self.report(&execution, demand, .response(.object([:])), at: F.at(2))
        #expect(F.statuses(execution) == [.failed, .pending, .success])
        #expect(execution.status == (critical ? .failed : .success))
        #expect(execution.failureMessage == (critical ? "Step Call failed: boom" : nil))
    }

    @Test("a failing step that is isEnd ends the run whatever onFailure says", arguments: [#""Continue""#, #""step:Other""#])
    func failingEnd(policy: String) throws {
        var execution = try Self.execution(Self.api("Call", #""onFailure": \#(policy), "isEnd": true, "isCritical": false"#), Self.api("Other"))
        #expect(try Self.report(&execution, execution.advance(now: F.start), .failure("boom"), at: F.at(1)) == AutomationDemand.none)
        #expect(F.statuses(execution) == [.failed, .pending] && execution.status == .success && execution.cursor == .done)
    }

    @Test("onFailure Continue on the last step ends the run")
    func continueLast() throws {
        var execution = try Self.execution(Self.api("Call", #""onFailure": "Continue""#))
        try Self.report(&execution, execution.advance(now: F.start), .failure("boom"), at: F.at(1))
        #expect(execution.status == .success && execution.cursor == .done)
    }

    @Test("onFailure Continue follows the failed step's nextStep")
    func continueNextStep() throws {
        var execution = try Self.execution(Self.api("Call", #""onFailure": "Continue", "nextStep": "Last""#), Self.api("Skipped"), Self.pause("Last"))
        try Self.report(&execution, execution.advance(now: F.start), .failure("boom"), at: F.at(1))
        #expect(execution.currentStepName == "Last" && F.statuses(execution) == [.failed, .pending, .inProgress])
    }

    @Test("isEnd ends the run Success after the step, and nextStep jumps over steps")
    func isEndAndNextStep() throws {
        var execution = try Self.execution(
            Self.api("A", #""nextStep": "C""#), Self.api("B"), Self.api("C", #""isEnd": true"#), Self.api("D"))
        var demand = try Self.report(&execution, execution.advance(now: F.start), .response(.object([:])), at: F.at(1))
        demand = try Self.report(&execution, demand, .response(.object([:])), at: F.at(2))
        #expect(demand == AutomationDemand.none)
        #expect(F.statuses(execution) == [.success, .pending, .success, .pending])
        #expect(execution.status == .success && execution.endedAt == F.at(2) && execution.stepRuns == 2)
    }

    // MARK: - Branch

    static let branch = #"""
        {"name": "Route", "action": "aws:branch", "inputs": {"Choices": [
          {"NextStep": "Big", "Variable": "{{ Size }}", "NumericGreater": 100},
          {"NextStep": "Prod", "And": [{"Variable": "{{ Env }}", "EqualsIgnoreCase": "prod"}, {"Not": {"Variable": "{{ Dry }}", "BooleanEquals": true}}]}
        ]DEFAULT}}
        """#

    static func branching(size: Int, env: String, dry: Bool, fallback: Bool) throws -> AutomationExecution {
        var execution = try Self.execution(
            Self.branch.replacingOccurrences(of: "DEFAULT", with: fallback ? #", "Default": "Small""# : ""),
            Self.pause("Next"), Self.pause("Big"), Self.pause("Prod"), Self.pause("Small"),
            parameters: #"{"Size": {"type": "Integer"}, "Env": {"type": "String"}, "Dry": {"type": "Boolean"}}"#,
            values: ["Size": .number(Double(size)), "Env": .string(env), "Dry": .bool(dry)])
        _ = execution.advance(now: F.start)
        return execution
    }

    @Test("aws:branch goes to the first choice that holds, else to Default")
    func branches() throws {
        #expect(try Self.branching(size: 101, env: "prod", dry: false, fallback: true).currentStepName == "Big")
        #expect(try Self.branching(size: 100, env: "PROD", dry: false, fallback: true).currentStepName == "Prod")
        #expect(try Self.branching(size: 5, env: "prod", dry: true, fallback: true).currentStepName == "Small")
        let taken = try Self.branching(size: 101, env: "dev", dry: true, fallback: false)
        #expect(taken.steps[0].status == .success && taken.steps[0].inputs?["Choices"] != nil && F.statuses(taken)[1] == .pending)
    }

    @Test("aws:branch with no choice that holds and no Default ends the run Success")
    func branchEnds() throws {
        let execution = try Self.branching(size: 5, env: "dev", dry: false, fallback: false)
        #expect(execution.status == .success && execution.cursor == .done && execution.currentStepName == nil)
        #expect(F.statuses(execution) == [.success, .pending, .pending, .pending, .pending])
    }

    @Test("aws:branch compares a step's output, and a reference as the compared value")
    func branchOnOutputs() throws {
        var execution = try Self.execution(
            Self.api("Load", #""outputs": [{"Name": "Cpu", "Selector": "$.Cpu", "Type": "Integer"}]"#),
            #"{"name": "Route", "action": "aws:branch", "inputs": {"Choices": [{"NextStep": "Hot", "Variable": "{{ Load.Cpu }}", "NumericGreaterOrEquals": "{{ Limit }}"}], "Default": "Cool"}}"#,
            Self.pause("Hot"), Self.pause("Cool"),
            parameters: #"{"Limit": {"type": "Integer", "default": 90}}"#, values: ["Limit": .number(90)])
        try Self.report(&execution, execution.advance(now: F.start), .response(F.value(#"{"Cpu": 93}"#)), at: F.at(1))
        #expect(execution.currentStepName == "Hot")
    }

    // MARK: - Loops

    @Test("a runbook that loops is stopped after 1000 step runs, Failed")
    func loopCap() throws {
        var execution = try Self.execution(#"{"name": "Loop", "action": "aws:sleep", "inputs": {"Duration": "PT0S"}, "nextStep": "Loop"}"#)
        #expect(execution.advance(now: F.start) == AutomationDemand.none)
        #expect(execution.status == .failed && execution.stepRuns == AutomationExecution.maximumStepRuns)
        #expect(execution.steps.count == 1_000 && execution.steps.allSatisfy { $0.status == .success })
        #expect(Set(execution.steps.map(\.id)).count == 1_000, "each run has its own record")
        #expect(execution.failureMessage == "The execution ran 1000 steps; a runbook that runs longer is likely in a loop")
    }

    @Test("a step that runs again gets a new record; earlier records keep their outputs")
    func rerunRecords() throws {
        var execution = try Self.execution(
            Self.api("Count", #""outputs": [{"Name": "N", "Selector": "$.N", "Type": "Integer"}]"#),
            #"{"name": "Again", "action": "aws:branch", "inputs": {"Choices": [{"NextStep": "Count", "Variable": "{{ Count.N }}", "NumericLesser": 2}]}}"#
        )
        var demand = try Self.report(&execution, execution.advance(now: F.start), .response(F.value(#"{"N": 1}"#)), at: F.at(1))
        demand = try Self.report(&execution, demand, .response(F.value(#"{"N": 2}"#)), at: F.at(2))
        #expect(demand == AutomationDemand.none && execution.status == .success)
        #expect(F.names(execution) == ["Count", "Again", "Count", "Again"])
        #expect(execution.steps.map { $0.outputs["N"] } == [.number(1), nil, .number(2), nil])
        #expect(execution.latestOutput(step: "Count", output: "N") == .number(2) && execution.stepRuns == 4)
    }

    // MARK: - Child executions

    static let child =
        #"{"name": "Child", "action": "aws:executeAutomation", "inputs": {"DocumentName": "Restart", "RuntimeParameters": {"Host": "{{ Host }}"}}}"#

    @Test("aws:executeAutomation asks for a child, waits for it and takes its outputs")
    func childSucceeds() throws {
        var execution = try Self.execution(
            Self.child, Self.pause("Hold"), parameters: #"{"Host": {"type": "String"}}"#, values: ["Host": .string("web-1")])
        #expect(execution.advance(now: F.start) == .startChild(index: 0))
        #expect(execution.steps[0].inputs?["RuntimeParameters"] == .object(["Host": .string("web-1")]))
        #expect(execution.advance(now: F.start) == .startChild(index: 0), "until it is started, the child is asked for again")
        execution.childStarted(index: 0, executionID: "child-1")
        #expect(execution.steps[0].phase == .child(executionID: "child-1"))
        #expect(execution.steps[0].outputs == ["ExecutionId": .string("child-1"), "Status": .string("InProgress")])
        #expect(execution.advance(now: F.at(1)) == AutomationDemand.none)
        execution.childFinished(index: 0, status: .success, outputs: ["Fix.Count": .number(2), "A.B": .string("x")], failure: nil, now: F.at(9))
        #expect(execution.steps[0].status == .success && execution.steps[0].endedAt == F.at(9))
        #expect(
            execution.steps[0].outputs == [
                "ExecutionId": .string("child-1"), "Status": .string("Success"), "Output": .array([.string("A.B=x"), .string("Fix.Count=2")]),
            ])
        #expect(execution.advance(now: F.at(9)) == AutomationDemand.none && execution.currentStepName == "Hold")
    }

    @Test("a child that fails, times out or never starts fails the step with the matching status")
    func childFails() throws {
        var failed = try Self.execution(Self.child, parameters: #"{"Host": {"type": "String"}}"#, values: ["Host": .string("a")])
        _ = failed.advance(now: F.start)
        failed.childStarted(index: 0, executionID: "child-1")
        failed.childFinished(index: 0, status: .failed, outputs: [:], failure: nil, now: F.at(1))
        #expect(failed.steps[0].status == .failed && failed.steps[0].failureMessage == "The child execution child-1 ended Failed")
        #expect(failed.status == .failed)

        var slow = try Self.execution(Self.child, parameters: #"{"Host": {"type": "String"}}"#, values: ["Host": .string("a")])
        _ = slow.advance(now: F.start)
        slow.childStarted(index: 0, executionID: "child-2")
        slow.childFinished(index: 0, status: .timedOut, outputs: [:], failure: nil, now: F.at(1))
        #expect(slow.steps[0].status == .timedOut && slow.status == .timedOut)

        var unborn = try Self.execution(Self.child, parameters: #"{"Host": {"type": "String"}}"#, values: ["Host": .string("a")])
        _ = unborn.advance(now: F.start)
        unborn.childFinished(index: 0, status: .failed, outputs: [:], failure: "The child runbook did not start: no such document", now: F.at(1))
        #expect(unborn.steps[0].failureMessage == "The child runbook did not start: no such document")
        #expect(unborn.steps[0].outputs["ExecutionId"] == nil && unborn.status == .failed)
    }

    @Test("child reports for another record or a step that is not waiting for a child change nothing")
    func childStale() throws {
        var execution = try Self.execution(
            Self.pause("Hold"), Self.child, parameters: #"{"Host": {"type": "String"}}"#, values: ["Host": .string("a")])
        _ = execution.advance(now: F.start)
        let waiting = execution
        execution.childStarted(index: 0, executionID: "x")
        execution.childStarted(index: 1, executionID: "x")
        execution.childFinished(index: 1, status: .success, outputs: [:], failure: nil, now: F.at(1))
        execution.childFinished(index: 0, status: .success, outputs: [:], failure: nil, now: F.at(1))
        #expect(execution == waiting)
    }
}
