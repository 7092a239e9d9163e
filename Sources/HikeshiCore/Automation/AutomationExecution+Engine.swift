import Foundation

extension AutomationExecution {
    /// How long the engine waits past a step's own timeout before it decides the step's process is gone.
    public static let launchGrace: TimeInterval = 30
    /// How often `aws:waitForAwsResourceProperty` checks.
    public static let pollInterval: TimeInterval = 5
    /// How early a look at a due time still counts as on time (stored times are whole milliseconds).
    static let tolerance: TimeInterval = 0.002

    /// Moves the execution as far as it can go on its own at `now` — beginning steps, ending sleeps and deadlines,
    /// taking branches — and says what it waits for next. Calling it again without a change is harmless.
    public mutating func advance(now: Date) -> AutomationDemand {
        while true {
            guard !status.isTerminal else { return .none }
            switch cursor {
            case .done:
                return .none
            case .next(let name):
                if mode == .interactive, released != name, status != .cancelling {
                    status = .waiting
                    return .none
                }
                released = nil
                guard stepRuns < Self.maximumStepRuns else {
                    finish(
                        .failed, message: "The execution ran \(Self.maximumStepRuns) steps; a runbook that runs longer is likely in a loop", now: now)
                    return .none
                }
                guard let step = definition.step(named: name) else {
                    finish(.failed, message: "Step \(name) is not in the runbook", now: now)
                    return .none
                }
                let index: Int
                if let pending = steps.firstIndex(where: { $0.stepName == name && $0.status == .pending && $0.attempts == 0 }) {
                    index = pending
                } else {
                    steps.append(AutomationStepRecord(id: UUID().uuidString.lowercased(), step: step))
                    index = steps.count - 1
                }
                stepRuns += 1
                cursor = .at(index)
                steps[index].startedAt = now
                if status != .cancelling { status = .inProgress }
                if let demand = begin(index, step: step, now: now) { return demand }
            case .at(let index):
                guard steps.indices.contains(index), let step = definition.step(named: steps[index].stepName) else {
                    finish(.failed, message: "The execution's step record is missing", now: now)
                    return .none
                }
                if let demand = check(index, step: step, now: now) { return demand }
            }
        }
    }

    /// Starts an attempt of the step at `index`: resolves its inputs and does what its action does at once, or sets up
    /// what it waits for. `nil` when the step already ended (the loop goes on).
    mutating func begin(_ index: Int, step: RunbookStep, now: Date) -> AutomationDemand? {
        steps[index].attempts += 1
        steps[index].status = .inProgress
        steps[index].failureMessage = nil
        let inputs: [String: DocumentValue]
        do {
            inputs = try resolveInputs(of: step, now: now)
        } catch {
            return fail(index, step: step, message: error.message, timedOut: false, now: now)
        }
        let inputBytes = inputs.values.reduce(0) { $0 + $1.jsonText.utf8.count }
        guard inputBytes <= Self.maximumStepInputBytes else {
            return fail(
                index, step: step, message: "The step's inputs hold \(inputBytes) bytes; a step takes at most \(Self.maximumStepInputBytes)",
                timedOut: false,
                now: now, retryable: false)
        }
        steps[index].inputs = inputs
        let deadline = step.effectiveTimeout.map { now.addingTimeInterval(TimeInterval($0)) }
        switch step.action {
        case .pause:
            steps[index].phase = .awaitingSignal(deadline: deadline)
            if status != .cancelling { status = .waiting }
            return deadline.map { .wake(at: $0) } ?? AutomationDemand.none
        case .approve:
            guard let approvers = inputs["Approvers"]?.array?.compactMap(\.string), !approvers.isEmpty else {
                return fail(index, step: step, message: "inputs.Approvers resolved to no approvers", timedOut: false, now: now)
            }
            // Checked at create only when Approvers is a list; a reference (or a literal next to a referred Approvers) is
            // checked here, once known, so 0 cannot approve with no decision and text cannot stand for 1.
            if let minimum = inputs["MinRequiredApprovals"] {
                guard let number = minimum.integer, number >= 1, number <= approvers.count else {
                    let message = "inputs.MinRequiredApprovals must be a whole number from 1 to the number of approvers (\(approvers.count))"
                    return fail(index, step: step, message: message, timedOut: false, now: now)
                }
            }
            steps[index].phase = .awaitingSignal(deadline: deadline)
            steps[index].outputs = ["ApprovalStatus": .string("Waiting")]
            if status != .cancelling { status = .waiting }
            return deadline.map { .wake(at: $0) } ?? AutomationDemand.none
        case .sleep:
            let until: Date
            if let text = inputs["Duration"]?.string {
                guard let seconds = ISODuration.seconds(text), seconds >= 0, seconds <= Double(RunbookInputs.maximumSleep) else {
                    return fail(
                        index, step: step, message: "inputs.Duration \(text) is not an ISO 8601 duration up to 7 days", timedOut: false, now: now)
                }
                until = now.addingTimeInterval(seconds)
            } else if let text = inputs["Timestamp"]?.string, let date = ISODuration.timestamp(text) {
                until = min(date, now.addingTimeInterval(TimeInterval(RunbookInputs.maximumSleep)))
            } else {
                return fail(index, step: step, message: "inputs.Timestamp is not an ISO 8601 time", timedOut: false, now: now)
            }
            steps[index].phase = .sleeping(until: until)
            return check(index, step: step, now: now)
        case .branch:
            return takeBranch(index, step: step, now: now)
        case .executeAutomation:
            steps[index].phase = .child(executionID: nil)
            steps[index].deadline = deadline
            return .startChild(index: index)
        case .executeScript, .executeAwsApi, .waitForAwsResourceProperty, .assertAwsResourceProperty, .invokeWebhook:
            return launch(index, step: step, now: now, deadline: deadline)
        }
    }

    private mutating func launch(_ index: Int, step: RunbookStep, now: Date, deadline: Date?) -> AutomationDemand {
        let launchID = UUID().uuidString.lowercased()
        let attempt = now.addingTimeInterval(TimeInterval(step.attemptTimeout))
        if step.action == .waitForAwsResourceProperty {
            // One check runs for at most a minute; the step's own deadline bounds the polling.
            let overall = deadline ?? attempt
            let check = min(overall, now.addingTimeInterval(60)).addingTimeInterval(Self.launchGrace)
            steps[index].phase = .launched(launchID: launchID, deadline: check, pollUntil: overall)
        } else {
            steps[index].phase = .launched(launchID: launchID, deadline: attempt.addingTimeInterval(Self.launchGrace), pollUntil: nil)
        }
        return .launch(index: index, launchID: launchID)
    }

    /// Looks at a running step: a sleep or deadline that passed, approvals that suffice, outside work that never came
    /// back. `nil` when the step ended (the loop goes on).
    private mutating func check(_ index: Int, step: RunbookStep, now: Date) -> AutomationDemand? {
        switch steps[index].phase {
        case .idle:
            // A record that ended without moving the cursor (not expected): go on as after success.
            return succeed(index, step: step, outputs: steps[index].outputs, now: now)
        case .retrying:
            return begin(index, step: step, now: now)
        case .sleeping(let until):
            // Stored times have millisecond precision, so a wake a fraction of a millisecond early still ends the sleep.
            if now.addingTimeInterval(Self.tolerance) >= until { return succeed(index, step: step, outputs: [:], now: now) }
            return .wake(at: until)
        case .awaitingSignal(let deadline):
            if step.action == .approve, let verdict = approvalVerdict(index, step: step) {
                if verdict {
                    return succeed(index, step: step, outputs: approvalOutputs(index, status: "Approved"), now: now)
                }
                steps[index].outputs = approvalOutputs(index, status: "Rejected")
                let who = steps[index].decisions.last { !$0.approved }
                let comment = who?.comment.map { ": \($0)" } ?? ""
                // A rejection is the approvers' answer, not a failure to try again: a new attempt would still hold it (and
                // the approver who gave it could not decide again), so it would only wait, showing Waiting, to fail.
                return fail(
                    index, step: step, message: "Rejected by \(who?.approver ?? "an approver")\(comment)", timedOut: false, now: now,
                    retryable: false)
            }
            if let deadline, now >= deadline {
                return fail(
                    index, step: step, message: "Step \(step.name) waited \(step.effectiveTimeout ?? 0) seconds for a signal", timedOut: true,
                    now: now)
            }
            if status != .cancelling { status = .waiting }
            return deadline.map { .wake(at: $0) } ?? AutomationDemand.none
        case .launched(_, let deadline, _):
            if now >= deadline {
                let message =
                    step.action.hasEffects
                    ? "Step \(step.name) was interrupted: the Hikeshi process running it stopped before it reported, so it is not run again on its own"
                    : "Step \(step.name) did not report before its deadline"
                return fail(index, step: step, message: message, timedOut: !step.action.hasEffects, now: now, retryable: true)
            }
            return .wake(at: deadline)
        case .polling(let next, let deadline):
            if now >= deadline {
                return fail(index, step: step, message: "Step \(step.name) did not see a wanted value before its timeout", timedOut: true, now: now)
            }
            if now.addingTimeInterval(Self.tolerance) >= next { return launch(index, step: step, now: now, deadline: deadline) }
            return .wake(at: next)
        case .child(let executionID):
            guard executionID != nil else { return .startChild(index: index) }
            if let deadline = steps[index].deadline {
                if now.addingTimeInterval(Self.tolerance) >= deadline {
                    return fail(
                        index, step: step, message: "The child execution did not end within \(step.effectiveTimeout ?? 0) seconds", timedOut: true,
                        now: now, retryable: false)
                }
                return .wake(at: deadline)
            }
            return AutomationDemand.none
        }
    }

    /// Reports outside work for the record at `index`; a report for a launch that is no longer current (the step was
    /// stopped, timed out or given up) changes nothing and returns `false`.
    @discardableResult
    public mutating func finishLaunch(_ index: Int, _ launchID: String, result: AutomationLaunchResult, now: Date) -> Bool {
        guard !status.isTerminal, cursor == .at(index), steps.indices.contains(index),
            case .launched(let current, _, let overall) = steps[index].phase,
            current == launchID, let step = definition.step(named: steps[index].stepName)
        else { return false }
        switch result {
        case .response(let response):
            if step.action == .waitForAwsResourceProperty || step.action == .assertAwsResourceProperty {
                _ = succeed(index, step: step, outputs: [:], now: now)
            } else {
                var outputs: [String: DocumentValue] = [:]
                switch step.action {
                case .executeScript: outputs["Payload"] = response.object?["Payload"] ?? .null
                case .invokeWebhook:
                    outputs["ResponseCode"] = response.object?["ResponseCode"] ?? .null
                    outputs["Response"] = response.object?["Response"] ?? .null
                default: break
                }
                steps[index].response = step.action == .executeAwsApi ? String(response.jsonText.prefix(4096)) : nil
                for output in step.outputs {
                    guard let selector = JSONSelector(output.selector), let selected = selector.select(in: response) else {
                        _ = fail(
                            index, step: step, message: "Output \(output.name): \(output.selector) selects nothing in the response", timedOut: false,
                            now: now, retryable: false)
                        return true
                    }
                    guard let value = AutomationParameters.convert(selected, to: output.type) else {
                        _ = fail(
                            index, step: step, message: "Output \(output.name): the selected value is not a \(output.type.rawValue)", timedOut: false,
                            now: now, retryable: false)
                        return true
                    }
                    outputs[output.name] = value
                }
                _ = succeed(index, step: step, outputs: outputs, now: now)
            }
        case .notYet(let seen):
            let deadline = overall ?? now
            if now >= deadline {
                _ = fail(
                    index, step: step, message: "Step \(step.name) saw \(seen), not a wanted value, before its timeout", timedOut: true, now: now)
            } else {
                steps[index].phase = .polling(next: now.addingTimeInterval(Self.pollInterval), deadline: deadline)
            }
        case .failure(let message):
            _ = fail(index, step: step, message: message, timedOut: false, now: now, retryable: true)
        case .timedOut(let message):
            _ = fail(index, step: step, message: message, timedOut: true, now: now, retryable: true)
        }
        return true
    }

    /// Records the child started for the `aws:executeAutomation` record at `index`.
    public mutating func childStarted(index: Int, executionID: String) {
        guard cursor == .at(index), steps.indices.contains(index), case .child = steps[index].phase else { return }
        steps[index].phase = .child(executionID: executionID)
        steps[index].outputs = ["ExecutionId": .string(executionID), "Status": .string(AutomationStatus.inProgress.rawValue)]
    }

    /// Reports how the child of the record at `index` ended (or that it could not start, with `failure`).
    public mutating func childFinished(
        index: Int, status childStatus: AutomationStatus, outputs: [String: DocumentValue], failure: String?, now: Date
    ) {
        guard !status.isTerminal, cursor == .at(index), steps.indices.contains(index), case .child(let id) = steps[index].phase,
            let step = definition.step(named: steps[index].stepName)
        else { return }
        var values: [String: DocumentValue] = ["Status": .string(childStatus.rawValue)]
        if let id { values["ExecutionId"] = .string(id) }
        values["Output"] = .array(outputs.keys.sorted().map { .string("\($0)=\(outputs[$0]?.wireText ?? "")") })
        steps[index].outputs = values
        if childStatus == .success {
            _ = succeed(index, step: step, outputs: values, now: now)
        } else {
            let message = failure ?? "The child execution \(id ?? "") ended \(childStatus.rawValue)"
            _ = fail(index, step: step, message: message, timedOut: childStatus == .timedOut, now: now)
        }
    }

    private mutating func takeBranch(_ index: Int, step: RunbookStep, now: Date) -> AutomationDemand? {
        let choices: [BranchChoice]
        let fallback: String?
        do {
            (choices, fallback) = try BranchChoice.read(step.inputs, step: step.name)
        } catch {
            return fail(index, step: step, message: error.message, timedOut: false, now: now)
        }
        let now = now
        let chosen = choices.first { choice in
            choice.condition.holds { variable in
                try? self.resolve(.string(variable), now: now)
            }
        }
        if let target = chosen?.nextStep ?? fallback {
            return succeed(index, step: step, outputs: [:], now: now, next: target)
        }
        // No choice holds and there is no Default: the run ends after this step (one of AWS's two pages says so; the
        // other says it goes on to the next step; ending is the choice that never runs a step nobody chose).
        _ = succeed(index, step: step, outputs: [:], now: now, next: nil, ends: true)
        return nil
    }

    /// Ends the record at `index` well and moves on: to `next` when given, else the step's `nextStep`, else the next step.
    mutating func succeed(
        _ index: Int, step: RunbookStep, outputs: [String: DocumentValue], now: Date, next: String? = nil, ends: Bool = false
    ) -> AutomationDemand? {
        let size = outputs.values.reduce(0) { $0 + $1.jsonText.utf8.count }
        if size > Self.maximumStepOutputBytes {
            return fail(
                index, step: step, message: "The step's outputs hold \(size) bytes; a step keeps at most \(Self.maximumStepOutputBytes)",
                timedOut: false,
                now: now, retryable: false)
        }
        if size > 0, outputBytes + size > Self.maximumOutputBytes {
            return fail(
                index, step: step, message: "The execution's outputs would pass \(Self.maximumOutputBytes) bytes; keep less in step outputs",
                timedOut: false, now: now, retryable: false)
        }
        steps[index].status = .success
        steps[index].endedAt = now
        steps[index].phase = .idle
        steps[index].outputs.merge(outputs) { _, new in new }
        if status == .waiting { status = .inProgress }
        let following = next ?? step.nextStep ?? definition.step(after: step.name)?.name
        if ends || step.isEnd || following == nil {
            finish(criticalFailure ? .failed : .success, message: nil, now: now)
            return nil
        }
        cursor = .next(following ?? "")
        return nil
    }

    /// Ends an attempt of the record at `index` with a failure: tries again while attempts remain (when `retryable`
    /// or the step's own failure), else records the failure and follows `onFailure`.
    mutating func fail(
        _ index: Int, step: RunbookStep, message: String, timedOut: Bool, now: Date, retryable: Bool = true
    ) -> AutomationDemand? {
        if retryable, steps[index].attempts < step.maxAttempts, status != .cancelling {
            steps[index].failureMessage = message
            steps[index].phase = .retrying
            return nil
        }
        steps[index].status = timedOut ? .timedOut : .failed
        steps[index].endedAt = now
        steps[index].phase = .idle
        steps[index].failureMessage = message
        if status == .waiting { status = .inProgress }
        if status == .cancelling {
            finish(.cancelled, message: nil, now: now)
            return nil
        }
        if step.isCritical { criticalFailure = true }
        let text = "Step \(step.name) \(timedOut ? "timed out" : "failed"): \(message)"
        switch step.onFailure {
        case .abort:
            finish(timedOut ? .timedOut : .failed, message: text, now: now)
        case .continue:
            if step.isCritical, failureMessage == nil { failureMessage = text }
            if let next = step.nextStep ?? definition.step(after: step.name)?.name, !step.isEnd {
                cursor = .next(next)
            } else {
                finish(criticalFailure ? .failed : .success, message: nil, now: now)
            }
        case .step(let target):
            if step.isCritical, failureMessage == nil { failureMessage = text }
            if step.isEnd {
                finish(criticalFailure ? .failed : .success, message: nil, now: now)
            } else {
                cursor = .next(target)
            }
        }
        return nil
    }

    /// Ends the execution.
    mutating func finish(_ final: AutomationStatus, message: String?, now: Date) {
        status = status == .cancelling ? .cancelled : final
        if let message { failureMessage = message }
        if status == .success || status == .cancelled, message == nil, !criticalFailure { failureMessage = nil }
        endedAt = now
        cursor = .done
        for index in steps.indices where !steps[index].status.isTerminal && steps[index].status != .pending {
            steps[index].status = .cancelled
            steps[index].endedAt = now
            steps[index].phase = .idle
        }
    }
}
