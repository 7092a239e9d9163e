import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import Storage
import Synchronization

/// Starts executions: finds the runbook the caller may run, reads the version into a definition, types and checks the
/// parameters, and stores the execution with the job that moves it, in the caller's transaction.
public struct AutomationStarter: Sendable {
    /// The job kind that moves executions.
    public static let jobKind = "automation.advance"
    /// The most tags a start may give (AWS's limit; more can be added later).
    static let startTagLimit = 5
    /// The most executions an account runs at once (children included).
    public static let runningLimit = 1_000
    /// How many times the engine's jobs for an execution are retried (with the scheduler's capped backoff, about a week):
    /// an execution must outlive a long database outage.
    static let jobAttempts = 1_000

    let resolver = DocumentResolver()
    /// Definitions already read, shared by every starter of the process.
    static let definitions = DefinitionCache()

    /// Creates a starter.
    public init() {}

    /// Starts an execution, or returns the one a reused client token started (with `created` false); the execution's
    /// first look is queued in `transaction`.
    public func start(
        _ request: AutomationStartRequest, as caller: AutomationCaller, now: Date, in transaction: any RunbooksTransaction, logger: Logger
    )
        async throws -> (execution: AutomationExecution, created: Bool)
    {
        guard request.depth <= AutomationExecution.maximumDepth else {
            throw RunbooksError.invalidExecutionParameters("Runbooks started by runbooks nest at most \(AutomationExecution.maximumDepth) deep")
        }
        guard request.tags.count <= Self.startTagLimit else {
            throw RunbooksError.invalidExecutionParameters("A start gives at most \(Self.startTagLimit) tags; add more with AddTagsToResource")
        }
        let context = AWSRequestContext(
            accountID: caller.accountID, region: caller.region, accessKeyID: caller.accessKey, requestID: "", logger: logger)
        let resolved: ResolvedDocument
        do {
            resolved = try await resolver.resolve(
                request.documentName, version: request.documentVersion, versionName: nil, context: context, in: transaction)
        } catch let error as RunbooksError {
            if error == .invalidDocument(request.documentName) { throw RunbooksError.automationDefinitionNotFound(request.documentName) }
            throw RunbooksError.automationDefinitionVersionNotFound(error.message)
        }
        guard resolved.document.kind == .automation else { throw RunbooksError.automationDefinitionNotFound(request.documentName) }
        let definition: RunbookDefinition
        do {
            definition = try Self.definitions.definition(content: resolved.version.content, format: resolved.version.format) {
                try RunbookDefinition.read(try DocumentText.parse(resolved.version.content, format: resolved.version.format))
            }
        } catch let error as DocumentContentError {
            throw RunbooksError.invalidExecutionParameters(
                "Version \(resolved.version.version) of \(resolved.document.name) cannot run: \(error.message)")
        }
        let parameters: [String: DocumentValue]
        do {
            parameters = try AutomationParameters.resolve(definition.parameters, given: request.parameters)
        } catch {
            throw RunbooksError.invalidExecutionParameters(error.message)
        }
        if let token = request.clientToken,
            let existing = try await transaction.automationExecutions.execution(
                clientToken: token, accountID: caller.accountID, region: caller.region)
        {
            guard existing.documentName == request.documentName, existing.parameters == parameters, existing.mode == request.mode else {
                throw RunbooksError.idempotentMismatch(token)
            }
            return (existing, false)
        }
        guard try await transaction.automationExecutions.runningCount(accountID: caller.accountID) < Self.runningLimit else {
            throw RunbooksError.executionLimit(Self.runningLimit)
        }
        let execution = AutomationExecution(
            id: UUID().uuidString.lowercased(), accountID: caller.accountID, region: caller.region, documentName: request.documentName,
            documentVersion: String(resolved.version.version), mode: request.mode, executedBy: request.principal ?? caller.principalArn,
            callerKey: caller.accessKey, parameters: parameters, definition: definition, startedAt: now, parentID: request.parentID,
            opsItemID: request.opsItemID, clientToken: request.clientToken, incidentArn: request.incidentArn, depth: request.depth)
        try await transaction.automationExecutions.insert(execution, now: now)
        if !request.tags.isEmpty {
            try await transaction.tags.set(request.tags, on: execution.arn, accountID: caller.accountID)
        }
        try await transaction.jobs.enqueue(
            kind: Self.jobKind, payload: AutomationJob(executionId: execution.id), dueAt: now, now: now, maxAttempts: Self.jobAttempts)
        return (execution, true)
    }
}

/// Definitions read from version content, kept for the next start of the same content: parsing and reading the content
/// was most of a start's work, done while the start holds the write transaction (SQLite's one writer). A definition
/// depends on the content and its format alone, so an entry never goes stale; a failed read is not kept.
final class DefinitionCache: Sendable {
    private struct Key: Hashable {
        var content: String
        var format: DocumentContentFormat
    }

    /// How many definitions are kept; a full cache starts over.
    static let capacity = 32
    private let entries = Mutex<[Key: RunbookDefinition]>([:])

    /// The definition of `content`, from the cache or from `read`.
    func definition(content: String, format: DocumentContentFormat, read: () throws -> RunbookDefinition) throws -> RunbookDefinition {
        let key = Key(content: content, format: format)
        if let known = entries.withLock({ $0[key] }) { return known }
        let definition = try read()
        entries.withLock { entries in
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = definition
        }
        return definition
    }
}
