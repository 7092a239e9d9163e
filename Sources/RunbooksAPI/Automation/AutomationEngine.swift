import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import Scheduler
import Storage

/// Moves executions: the handler of `automation.advance` jobs. Each run locks the execution, lets it advance as far as
/// it can, commits the new state with the job for its next look (a sleep's end, a deadline), and launches outside
/// work (scripts, calls, webhooks) after the commit, reporting the result in a new transaction.
///
/// Durability: a step that waits is a committed state plus a committed job, so it survives `kill -9`. Outside work is
/// marked launched (with a deadline) before it starts; if the process dies while it runs, the job queued for the
/// deadline finds it still launched and fails the attempt as interrupted. Steps with effects (scripts, API calls,
/// webhooks) are not run again on their own; `maxAttempts` above 1 says they may be. Several nodes: the row lock
/// (PostgreSQL `FOR UPDATE`) lets one node at a time move an execution, and a launch is recorded before it runs, so no
/// two nodes run one step at once.
public struct AutomationEngine: JobHandler {
    /// The job kind.
    public let kind = AutomationStarter.jobKind

    private let store: any RunbooksStore
    private let clock: any HikeshiClock
    private let effects: any AutomationEffects
    private let scripts: ScriptPolicy
    private let isAdministrator: @Sendable (String) async -> Bool
    private let notifier: (any JobNotifier)?
    private let observer: (any AutomationObserver)?
    private let logger: Logger
    private let starter = AutomationStarter()

    /// Creates the engine.
    public init(
        store: any RunbooksStore, clock: any HikeshiClock, effects: any AutomationEffects, scripts: ScriptPolicy,
        isAdministrator: @escaping @Sendable (String) async -> Bool, notifier: (any JobNotifier)?, observer: (any AutomationObserver)? = nil,
        logger: Logger
    ) {
        self.store = store
        self.clock = clock
        self.effects = effects
        self.scripts = scripts
        self.isAdministrator = isAdministrator
        self.notifier = notifier
        self.observer = observer
        self.logger = logger
    }

    /// Moves the job's execution.
    public func run(_ job: Job) async throws {
        let payload = try job.payload(as: AutomationJob.self)
        try await drive(payload.executionId, job: job.id)
    }

    /// A wake-up job ran before its time and would queue itself again under its own id: the queue would fold the new
    /// job into the running one and remove both on completion. Failing the attempt puts the job back for a retry.
    struct EarlyLook: Error, CustomStringConvertible {
        var due: Date
        var description: String { "the execution's next look is due at \(due), later than this run" }
    }

    /// A launch to run after the commit.
    private struct Launch: Sendable {
        var execution: AutomationExecution
        var index: Int
        var launchID: String
    }

    /// Advances an execution until it waits; then runs its launch, if any, in the background.
    func drive(_ id: String, job: String? = nil) async throws {
        var logger = self.logger
        logger[metadataKey: "automation.execution_id"] = .string(id)
        guard let launch = try await step(id, job: job, logger: logger) else { return }
        let engine = self
        Task { await engine.perform(launch, logger: logger) }
    }

    /// One transaction: lock, advance, save, queue the next look. Returns outside work to run.
    private func step(
        _ id: String, job: String? = nil, report: (index: Int, launchID: String, result: AutomationLaunchResult)? = nil, logger: Logger
    ) async throws -> Launch? {
        let now = clock.now()
        let (launch, events) = try await store.write(logger: logger) { tx -> (Launch?, [AutomationEvent]) in
            guard var execution = try await tx.automationExecutions.execution(id: id, forUpdate: tx.locksRows) else { return (nil, []) }
            let before = execution
            if let report {
                execution.finishLaunch(report.index, report.launchID, result: report.result, now: now)
            }
            if case .at(let index) = execution.cursor, case .child(let childID?) = execution.steps[index].phase,
                let child = try await tx.automationExecutions.execution(id: childID), child.status.isTerminal
            {
                execution.childFinished(index: index, status: child.status, outputs: child.outputs, failure: child.failureMessage, now: now)
            }
            var demand = execution.advance(now: now)
            while case .startChild(let index) = demand {
                await startChild(of: &execution, index: index, now: now, in: tx, logger: logger)
                demand = execution.advance(now: now)
            }
            var launch: Launch?
            switch demand {
            case .none:
                break
            case .wake(let at):
                let wake = "automation-\(id)-\(at.millisecondsSince1970)"
                guard wake != job else { throw EarlyLook(due: at) }
                try await tx.jobs.enqueue(kind: kind, payload: AutomationJob(executionId: id), dueAt: at, now: now, id: wake)
            case .launch(let index, let launchID):
                if case .launched(_, let deadline, _) = execution.steps[index].phase {
                    try await tx.jobs.enqueue(
                        kind: kind, payload: AutomationJob(executionId: id), dueAt: deadline, now: now, id: "automation-\(launchID)")
                }
                launch = Launch(execution: execution, index: index, launchID: launchID)
            case .startChild:
                break
            }
            guard execution != before else { return (launch, []) }
            let events = try await Self.save(execution, was: before, observer: observer, now: now, in: tx)
            return (launch, events)
        }
        if !events.isEmpty {
            notifier?.wake()
            for event in events {
                logger.info(
                    "automation event",
                    metadata: ["automation.event": .string(event.kind.rawValue), "automation.step": .string(event.stepName ?? "")])
            }
        }
        return launch
    }

    /// Queues a look at an execution, retried for as long as an outage may last.
    static func look(at id: String, due: Date, now: Date, in tx: any RunbooksTransaction) async throws {
        try await tx.jobs.enqueue(
            kind: AutomationStarter.jobKind, payload: AutomationJob(executionId: id), dueAt: due, now: now, maxAttempts: AutomationStarter.jobAttempts
        )
    }

    /// Saves a changed execution with what follows from the change, in the caller's transaction: its parent's next look
    /// when it ended, and its events for the observer. Every change of an execution goes through here.
    static func save(
        _ execution: AutomationExecution, was before: AutomationExecution, observer: (any AutomationObserver)?, now: Date,
        in tx: any RunbooksTransaction
    ) async throws -> [AutomationEvent] {
        try await tx.automationExecutions.update(execution, now: now)
        if execution.status.isTerminal, !before.status.isTerminal, let parent = execution.parentID {
            try await look(at: parent, due: now, now: now, in: tx)
        }
        // A child whose parent step ended without it (stopped, timed out, the parent cancelled) is cancelled too.
        for record in before.steps {
            guard case .child(let childID?) = record.phase,
                !execution.steps.contains(where: { $0.id == record.id && $0.phase == record.phase }) || execution.status.isTerminal,
                var child = try await tx.automationExecutions.execution(id: childID, forUpdate: tx.locksRows), !child.status.isTerminal
            else { continue }
            let was = child
            child.abandon(now: now)
            _ = try await save(child, was: was, observer: observer, now: now, in: tx)
        }
        let events = AutomationEvent.between(before, execution)
        if let observer, !events.isEmpty {
            try await observer.record(events, of: execution, now: now, in: tx)
        }
        return events
    }

    /// Starts the child of an `aws:executeAutomation` step in the parent's transaction, or fails the step.
    private func startChild(of execution: inout AutomationExecution, index: Int, now: Date, in tx: any RunbooksTransaction, logger: Logger) async {
        let inputs = execution.steps[index].inputs ?? [:]
        var parameters: [String: [String]] = [:]
        for (name, value) in inputs["RuntimeParameters"]?.object ?? [:] { parameters[name] = value.wireList }
        let request = AutomationStartRequest(
            documentName: inputs["DocumentName"]?.string ?? "", documentVersion: inputs["DocumentVersion"]?.string, parameters: parameters,
            parentID: execution.id, opsItemID: execution.opsItemID, incidentArn: execution.incidentArn, principal: execution.executedBy,
            depth: execution.depth + 1)
        let caller = AutomationCaller(accountID: execution.accountID, region: execution.region, accessKey: execution.callerKey)
        do {
            let (child, _) = try await starter.start(request, as: caller, now: now, in: tx, logger: logger)
            execution.childStarted(index: index, executionID: child.id)
        } catch let error as RunbooksError {
            execution.childFinished(
                index: index, status: .failed, outputs: [:], failure: "The child runbook did not start: \(error.message)", now: now)
        } catch {
            execution.childFinished(index: index, status: .failed, outputs: [:], failure: "The child runbook did not start", now: now)
        }
    }

    /// Runs a launch and reports it; keeps going while the execution asks for more outside work.
    private func perform(_ first: Launch, logger: Logger) async {
        var next: Launch? = first
        while let launch = next {
            let result = await supervised(launch, logger: logger)
            next = nil
            for attempt in 1...5 {
                do {
                    next = try await step(launch.execution.id, report: (launch.index, launch.launchID, result), logger: logger)
                    break
                } catch {
                    // Tried again a few times; after that the deadline job finds the launch unreported and decides.
                    logger.error(
                        "could not record a step's result",
                        metadata: ["error": .string(String(describing: error)), "automation.attempt": .stringConvertible(attempt)])
                    try? await Task.sleep(for: .seconds(1 << attempt))
                }
            }
        }
    }

    /// How often running outside work checks that its step still wants it.
    static let supervisionInterval: Duration = .seconds(2)

    /// Runs a launch while checking, every couple of seconds, that the step still waits for it: a step that was stopped,
    /// cancelled or given up (on any node) cancels the work — a script's process is killed — instead of letting it run on.
    private func supervised(_ launch: Launch, logger: Logger) async -> AutomationLaunchResult {
        await withTaskGroup(of: AutomationLaunchResult?.self) { group in
            group.addTask { await self.outcome(of: launch, logger: logger) }
            group.addTask {
                while !Task.isCancelled {
                    try? await Task.sleep(for: Self.supervisionInterval)
                    guard !Task.isCancelled else { return nil }
                    let current: AutomationExecution?
                    do {
                        current = try await store.read(logger: logger) { tx in try await tx.automationExecutions.execution(id: launch.execution.id) }
                    } catch {
                        continue  // a read that fails says nothing either way; the work goes on
                    }
                    guard let current, Self.stillLaunched(current, launch) else {
                        return .failure("The step no longer waits for this work; it was stopped")
                    }
                }
                return nil
            }
            var result: AutomationLaunchResult = .failure("The work did not report")
            if let first = await group.next(), let value = first { result = value }
            group.cancelAll()
            return result
        }
    }

    /// Whether the execution's step still waits for this launch.
    private static func stillLaunched(_ execution: AutomationExecution, _ launch: Launch) -> Bool {
        guard execution.steps.indices.contains(launch.index), case .launched(let id, _, _) = execution.steps[launch.index].phase else { return false }
        return id == launch.launchID
    }

    /// What the launched step comes to.
    private func outcome(of launch: Launch, logger: Logger) async -> AutomationLaunchResult {
        let execution = launch.execution
        let record = execution.steps[launch.index]
        guard let step = execution.definition.step(named: record.stepName) else { return .failure("The step is not in the runbook") }
        let inputs = record.inputs ?? [:]
        let caller = AutomationCaller(accountID: execution.accountID, region: execution.region, accessKey: execution.callerKey)
        let timeout = TimeInterval(step.attemptTimeout)
        switch step.action {
        case .executeScript:
            if let refusal = await scriptRefusal(for: execution) { return .failure(refusal) }
            return await effects.runScript(
                AutomationScript(
                    runtime: inputs["Runtime"]?.string ?? "", handler: inputs["Handler"]?.string ?? "", source: inputs["Script"]?.string ?? "",
                    payload: inputs["InputPayload"] ?? .object([:]), timeout: timeout, executionID: execution.id,
                    startBy: Self.startBy(record, timeout: timeout)),
                logger: logger)
        case .executeAwsApi, .waitForAwsResourceProperty, .assertAwsResourceProperty:
            let reserved: Set<String> = ["Service", "Api", "PropertySelector", "DesiredValues"]
            let parameters = inputs.filter { !reserved.contains($0.key) }
            let result = await effects.call(
                service: inputs["Service"]?.string ?? "", operation: inputs["Api"]?.string ?? "", parameters: parameters, as: caller, logger: logger)
            guard step.action != .executeAwsApi, case .response(let response) = result else { return result }
            return Self.compare(response, selector: inputs["PropertySelector"]?.string ?? "", desired: inputs["DesiredValues"], action: step.action)
        case .invokeWebhook:
            var headers: [String: String] = ["content-type": "application/json"]
            for (key, value) in inputs["Headers"]?.object ?? [:] { headers[key] = value.wireText }
            let body = inputs["Body"].map { $0.string ?? $0.jsonText } ?? ""
            return await effects.postWebhook(
                url: inputs["Url"]?.string ?? "", method: inputs["Method"]?.string ?? "POST", headers: headers, body: body, timeout: timeout,
                logger: logger)
        case .pause, .sleep, .approve, .branch, .executeAutomation:
            return .failure("\(step.action.rawValue) does not run outside the engine")
        }
    }

    /// The latest a launched step's work may start: its deadline less the time the work may take, so work that starts
    /// late still ends before the engine gives the step up.
    static func startBy(_ record: AutomationStepRecord, timeout: TimeInterval) -> Date {
        guard case .launched(_, let deadline, _) = record.phase else { return .distantPast }
        return deadline.addingTimeInterval(-timeout)
    }

    /// Why the execution may not run a script under the operator's policy, or `nil`.
    func scriptRefusal(for execution: AutomationExecution) async -> String? {
        switch scripts {
        case .all: return nil
        case .none: return "This server runs no aws:executeScript steps (--allow-scripts none)"
        case .admin:
            guard await isAdministrator(execution.accountID) else {
                return "This server runs aws:executeScript steps only for the administrator's account (--allow-scripts admin)"
            }
            return nil
        }
    }

    /// A property check: `response` when the selected value is one of `desired`, else `notYet` (wait) or a failure
    /// (assert).
    static func compare(_ response: DocumentValue, selector: String, desired: DocumentValue?, action: RunbookStepAction) -> AutomationLaunchResult {
        guard let path = JSONSelector(selector) else { return .failure("PropertySelector \(selector) is not a JSONPath Hikeshi reads") }
        let wanted = Set((desired?.array ?? desired.map { [$0] } ?? []).map(\.wireText))
        let selected = path.select(in: response)
        let seen = selected.map { $0.array.map { $0.map(\.wireText) } ?? [$0.wireText] } ?? []
        let matches = !seen.isEmpty && seen.allSatisfy { wanted.contains($0) }
        if matches { return .response(response) }
        let shown = seen.isEmpty ? "nothing" : seen.joined(separator: ", ")
        if action == .assertAwsResourceProperty {
            return .failure("\(selector) is \(shown), not one of \(wanted.sorted().joined(separator: ", "))")
        }
        return .notYet(shown)
    }
}
