import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import SSMModel
import Scheduler
import Storage

/// The Automation operations of the `ssm` API: starting runbooks, reading their executions and steps, signals and stops.
/// The engine (``AutomationEngine``) moves executions; these operations change them only through their transitions, in
/// a transaction that also queues the engine's next look.
public struct AutomationHandler: SSMAutomationAPI {
    let store: any RunbooksStore
    let clock: any HikeshiClock
    let notifier: (any JobNotifier)?
    let observer: (any AutomationObserver)?
    let starter = AutomationStarter()

    /// The most executions one page lists.
    static let pageLimit = 50

    /// Creates the handler.
    public init(store: any RunbooksStore, clock: any HikeshiClock, notifier: (any JobNotifier)?, observer: (any AutomationObserver)? = nil) {
        self.store = store
        self.clock = clock
        self.notifier = notifier
        self.observer = observer
    }

    /// Starts a runbook; parameters are typed and checked now, so a bad one fails the start, naming it.
    public func startAutomationExecution(_ input: SSM.StartAutomationExecutionRequest, context: AWSRequestContext) async throws
        -> SSM.StartAutomationExecutionResult
    {
        if input.targets?.isEmpty == false || input.targetMaps?.isEmpty == false || input.targetParameterName != nil {
            throw RunbooksError.invalidTarget("Hikeshi runs runbooks once, not over targets: leave out Targets, TargetMaps and TargetParameterName")
        }
        if input.targetLocations?.isEmpty == false || input.targetLocationsURL != nil {
            throw RunbooksError.invalidExecutionParameters("Hikeshi runs runbooks in the caller's account and region: leave out TargetLocations")
        }
        let tags = Dictionary((input.tags ?? []).map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
        let request = AutomationStartRequest(
            documentName: input.documentName, documentVersion: input.documentVersion, parameters: input.parameters ?? [:],
            mode: input.mode.map(AutomationMode.init(wire:)) ?? .auto, clientToken: input.clientToken, tags: tags)
        let caller = AutomationCaller(accountID: context.accountID, region: context.region, accessKey: context.accessKeyID)
        let now = clock.now()
        let start = { @Sendable in
            try await store.write(logger: context.logger) { tx in
                try await starter.start(request, as: caller, now: now, in: tx, logger: context.logger)
            }
        }
        let execution: AutomationExecution
        let created: Bool
        do {
            (execution, created) = try await start()
        } catch let error as StorageError where error.kind == .conflict && request.clientToken != nil {
            // Another start with the same client token committed first: answer with its execution, as a replay would.
            (execution, created) = try await start()
        }
        if created {
            notifier?.wake()
            context.logger.info(
                "automation started",
                metadata: ["automation.execution_id": .string(execution.id), "automation.document": .string(execution.documentName)])
        }
        return SSM.StartAutomationExecutionResult(automationExecutionId: execution.id)
    }

    /// One execution with its steps.
    public func getAutomationExecution(_ input: SSM.GetAutomationExecutionRequest, context: AWSRequestContext) async throws
        -> SSM.GetAutomationExecutionResult
    {
        let execution = try await store.read(logger: context.logger) { tx in
            try await tx.automationExecutions.execution(id: input.automationExecutionId, accountID: context.accountID, region: context.region)
        }
        guard let execution else { throw RunbooksError.executionNotFound(input.automationExecutionId) }
        return SSM.GetAutomationExecutionResult(automationExecution: execution.wire)
    }

    /// The caller's executions, newest first, filtered (values of one key are alternatives; keys all apply).
    public func describeAutomationExecutions(_ input: SSM.DescribeAutomationExecutionsRequest, context: AWSRequestContext) async throws
        -> SSM.DescribeAutomationExecutionsResult
    {
        let query = try Self.query(input.filters ?? [])
        let cursor = try RunbooksHandler.cursor(input.nextToken, scope: "automation-executions")
        if let cursor, !AutomationExecutionRepository.isCursor(cursor) { throw RunbooksError.invalidNextToken }
        let limit = min(input.maxResults ?? Self.pageLimit, Self.pageLimit)
        let page = try await store.read(logger: context.logger) { tx in
            try await tx.automationExecutions.list(accountID: context.accountID, region: context.region, matching: query, after: cursor, limit: limit)
        }
        return SSM.DescribeAutomationExecutionsResult(
            automationExecutionMetadataList: page.items.map(\.wireMetadata),
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "automation-executions") })
    }

    /// An execution's step records, in the order they were made (or reversed), filtered.
    public func describeAutomationStepExecutions(_ input: SSM.DescribeAutomationStepExecutionsRequest, context: AWSRequestContext) async throws
        -> SSM.DescribeAutomationStepExecutionsResult
    {
        let execution = try await store.read(logger: context.logger) { tx in
            try await tx.automationExecutions.execution(id: input.automationExecutionId, accountID: context.accountID, region: context.region)
        }
        guard let execution else { throw RunbooksError.executionNotFound(input.automationExecutionId) }
        let keep = try Self.stepFilter(input.filters ?? [])
        var records = execution.steps.filter(keep)
        if input.reverseOrder == true { records.reverse() }
        let scope = "automation-steps-\(execution.id)"
        let start =
            try RunbooksHandler.cursor(input.nextToken, scope: scope).map { text -> Int in
                guard let offset = Int(text), offset >= 0, offset <= records.count else { throw RunbooksError.invalidNextToken }
                return offset
            } ?? 0
        let limit = min(input.maxResults ?? Self.pageLimit, Self.pageLimit)
        let end = min(start + limit, records.count)
        return SSM.DescribeAutomationStepExecutionsResult(
            stepExecutions: records[start..<end].map { execution.wireStep($0) },
            nextToken: end < records.count ? PaginationToken.encode(String(end), scope: scope) : nil)
    }

    /// Resumes, approves, rejects, starts or stops a step.
    public func sendAutomationSignal(_ input: SSM.SendAutomationSignalRequest, context: AWSRequestContext) async throws
        -> SSM.SendAutomationSignalResult
    {
        guard let signal = AutomationSignal(rawValue: input.signalType.rawValue) else {
            throw RunbooksError.invalidSignal("Signal \(input.signalType.rawValue) is not one Hikeshi takes")
        }
        try await change(input.automationExecutionId, context: context) { execution, now throws(AutomationSignalError) in
            try execution.receive(signal, payload: input.payload ?? [:], principal: context.principalArn, accessKey: context.accessKeyID, now: now)
        }
        return SSM.SendAutomationSignalResult()
    }

    /// A signal from chat (a `/hikeshi resume|approve|reject` command): the execution is looked up by id in the chat
    /// channel's account, in whichever region it runs, and signalled by `principal`.
    public func chatSignal(_ signal: AutomationSignal, executionID: String, comment: String?, accountID: String, principal: String, logger: Logger)
        async throws
    {
        let found = try await store.read(logger: logger) { tx in try await tx.automationExecutions.execution(id: executionID) }
        guard let found, found.accountID == accountID else { throw RunbooksError.executionNotFound(executionID) }
        let context = AWSRequestContext(
            accountID: accountID, region: found.region, accessKeyID: principal, requestID: UUID().uuidString, logger: logger)
        let payload = comment.map { ["Comment": [$0]] } ?? [:]
        try await change(executionID, context: context) { execution, now throws(AutomationSignalError) in
            try execution.receive(signal, payload: payload, principal: context.principalArn, accessKey: principal, now: now)
        }
    }

    /// Cancels an execution (its current step's `onCancel` steps run first) or completes it.
    public func stopAutomationExecution(_ input: SSM.StopAutomationExecutionRequest, context: AWSRequestContext) async throws
        -> SSM.StopAutomationExecutionResult
    {
        let kind: AutomationStopKind = input.type == .complete ? .complete : .cancel
        try await change(input.automationExecutionId, context: context) { execution, now throws(AutomationSignalError) in
            try execution.stop(kind, now: now)
        }
        return SSM.StopAutomationExecutionResult()
    }

    /// Applies a transition to the caller's execution under its lock, and queues the engine's next look.
    private func change(
        _ id: String, context: AWSRequestContext,
        _ transition: @escaping @Sendable (inout AutomationExecution, Date) throws(AutomationSignalError) -> Void
    ) async throws {
        let now = clock.now()
        try await store.write(logger: context.logger) { tx in
            guard
                var execution = try await tx.automationExecutions.execution(
                    id: id, accountID: context.accountID, region: context.region, forUpdate: tx.locksRows)
            else { throw RunbooksError.executionNotFound(id) }
            let before = execution
            do {
                try transition(&execution, now)
            } catch let error as AutomationSignalError {
                throw RunbooksError(error)
            }
            _ = try await AutomationEngine.save(execution, was: before, observer: observer, now: now, in: tx)
            try await tx.jobs.enqueue(kind: AutomationStarter.jobKind, payload: AutomationJob(executionId: id), dueAt: now, now: now)
        }
        notifier?.wake()
    }

    /// The listing query for `DescribeAutomationExecutions` filters; keys Hikeshi cannot filter on are `InvalidFilterKey`.
    static func query(_ filters: [SSM.AutomationExecutionFilter]) throws -> AutomationExecutionQuery {
        var query = AutomationExecutionQuery()
        for filter in filters {
            switch filter.key {
            case .documentNamePrefix: query.namePrefixes += filter.values
            case .executionStatus:
                for value in filter.values {
                    guard let status = AutomationStatus(rawValue: value) else {
                        throw RunbooksError.invalidFilterValue(
                            "ExecutionStatus \(value) is not one of \(AutomationStatus.allCases.map(\.rawValue).joined(separator: ", "))")
                    }
                    query.statuses.append(status)
                }
            case .executionId: query.ids += filter.values
            case .parentExecutionId: query.parentIDs += filter.values
            case .opsItemId: query.opsItemIDs += filter.values
            case .tagKey: query.tagKeys += filter.values
            case .startTimeBefore, .startTimeAfter:
                for value in filter.values {
                    guard let date = ISODuration.timestamp(value) else {
                        throw RunbooksError.invalidFilterValue("\(filter.key.rawValue) \(value) is not an ISO 8601 time such as 2026-12-01T00:00:00Z")
                    }
                    if filter.key == .startTimeBefore {
                        query.startedBefore = min(query.startedBefore ?? date, date)
                    } else {
                        query.startedAfter = max(query.startedAfter ?? date, date)
                    }
                }
            case .automationType:
                guard filter.values.allSatisfy({ $0 == "Local" || $0 == "CrossAccount" }) else {
                    throw RunbooksError.invalidFilterValue("AutomationType is Local or CrossAccount")
                }
                if !filter.values.contains("Local") { query.ids = ["-none-"] }
            case .currentAction, .targetResourceGroup, .automationSubtype:
                throw RunbooksError.invalidFilterKey(filter.key.rawValue)
            }
        }
        return query
    }

    /// The test `DescribeAutomationStepExecutions` filters make of a step record.
    static func stepFilter(_ filters: [SSM.StepExecutionFilter]) throws -> @Sendable (AutomationStepRecord) -> Bool {
        var tests: [@Sendable (AutomationStepRecord) -> Bool] = []
        for filter in filters {
            let values = Set(filter.values)
            switch filter.key {
            case .stepExecutionStatus:
                for value in values where AutomationStatus(rawValue: value) == nil {
                    throw RunbooksError.invalidFilterValue("StepExecutionStatus \(value) is not a status")
                }
                tests.append { values.contains($0.status.rawValue) }
            case .stepExecutionId: tests.append { values.contains($0.id) }
            case .stepName: tests.append { values.contains($0.stepName) }
            case .action: tests.append { values.contains($0.action.rawValue) }
            case .startTimeBefore, .startTimeAfter:
                let dates = try values.map { value in
                    guard let date = ISODuration.timestamp(value) else {
                        throw RunbooksError.invalidFilterValue("\(filter.key.rawValue) \(value) is not an ISO 8601 time")
                    }
                    return date
                }
                let before = filter.key == .startTimeBefore
                tests.append { record in
                    guard let start = record.startedAt else { return false }
                    return dates.contains { before ? start < $0 : start > $0 }
                }
            case .parentStepExecutionId, .parentStepIteration, .parentStepIteratorValue:
                // Hikeshi runs no aws:loop, so no step has a parent step.
                tests.append { _ in false }
            }
        }
        let all = tests
        return { record in all.allSatisfy { $0(record) } }
    }
}
