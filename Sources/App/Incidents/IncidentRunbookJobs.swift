import Foundation
import HikeshiCore
import IncidentsAPI
import Logging
import RunbooksAPI
import Scheduler
import Storage

/// Starts an incident's runbook (`incident.runbook-start` jobs, queued with the incident): reads the plan's
/// `ssmAutomation` action, fills in its dynamic parameters, starts the execution through the automation engine and
/// records it on the incident — all in one transaction, so the incident never shows a start that did not happen. A
/// start the runbook refuses (a missing document, parameters it does not take) is recorded on the timeline with why.
struct IncidentRunbookStartJob: JobHandler {
    let kind = IncidentRunbookStart.jobKind
    let store: any IncidentRunbooksStore
    let clock: any HikeshiClock
    let notifier: (any JobNotifier)?
    let logger: Logger

    /// The access key id the in-process calls of an incident's runbooks carry (they run as the plan's role).
    static let incidentManagerKey = "IncidentManager"

    func run(_ job: Job) async throws {
        let start = try job.payload(as: IncidentRunbookStart.self)
        let logger = {
            var logger = self.logger
            logger[metadataKey: "incident.arn"] = .string(start.incidentArn)
            return logger
        }()
        let now = clock.now()
        let started = try await store.write(logger: logger) { tx -> Bool in
            try await tx.lock(key: start.incidentArn)
            guard let (incident, runbook) = try await IncidentRunbooks.runbook(for: start, in: tx) else { return false }
            let account = try await Self.account(for: runbook, incident: incident, in: tx)
            let request = AutomationStartRequest(
                documentName: runbook.documentName, documentVersion: runbook.documentVersion,
                parameters: try await IncidentRunbooks.parameters(of: runbook, for: incident, in: tx),
                clientToken: Self.clientToken(incident: incident.arn, index: start.index), incidentArn: incident.arn, principal: runbook.roleArn)
            let caller = AutomationCaller(accountID: account, region: incident.region, accessKey: Self.incidentManagerKey)
            do {
                let (execution, _) = try await AutomationStarter().start(request, as: caller, now: now, in: tx, logger: logger)
                try await IncidentRunbooks.recordStart(of: runbook, executionArn: execution.arn, on: incident, now: now, in: tx)
                return true
            } catch let error as RunbooksError {
                try await IncidentRunbooks.recordStartFailure(of: runbook, message: error.message, on: incident, now: now, in: tx)
                logger.warning("incident runbook did not start", metadata: ["runbook.document": .string(runbook.documentName)])
                return false
            }
        }
        if started { notifier?.wake() }
    }

    /// The account a runbook runs in: the plan owner's, or for `IMPACTED_ACCOUNT` the account of the incident's
    /// triggering resource when that account exists on this server.
    static func account(for runbook: RunbookAction, incident: Incident, in tx: any IncidentRunbooksTransaction) async throws -> String {
        guard runbook.targetAccount == .impactedAccount, let source = incident.source.resourceArn, let arn = ARN(source), !arn.account.isEmpty,
            arn.account != incident.accountID, try await tx.accounts.account(arn.account) != nil
        else { return incident.accountID }
        return arn.account
    }

    /// A client token (36 characters, as the model wants) that is the same each time the job runs: the record's UUID
    /// with the runbook's index in its last two digits.
    static func clientToken(incident arn: String, index: Int) -> String? {
        guard let last = arn.split(separator: "/").last, last.count == 36 else { return nil }
        return last.dropLast(2) + String(format: "%02x", index % 256)
    }
}

/// Tells incidents about the executions their runbooks started: queues an `incident.runbook-event` job with each event,
/// in the engine's transaction.
struct IncidentRunbookObserver: AutomationObserver {
    func record(_ events: [AutomationEvent], of execution: AutomationExecution, now: Date, in transaction: any RunbooksTransaction) async throws {
        guard let incidentArn = execution.incidentArn else { return }
        for event in events {
            let payload = IncidentRunbookEvent(
                incidentArn: incidentArn, accountID: IncidentRunbookEvent.account(of: incidentArn) ?? execution.accountID, executionID: execution.id,
                executionArn: execution.arn, event: event)
            try await transaction.jobs.enqueue(kind: IncidentRunbookEvent.jobKind, payload: payload, dueAt: now, now: now)
        }
    }
}

/// An execution's event for its incident's timeline.
struct IncidentRunbookEvent: Codable, Sendable {
    static let jobKind = "incident.runbook-event"
    var incidentArn: String
    var accountID: String
    var executionID: String
    var executionArn: String
    var event: AutomationEvent

    /// The account in an incident record's ARN.
    static func account(of incidentArn: String) -> String? {
        ARN(incidentArn).map(\.account)
    }
}

/// Writes runbook events on incidents' timelines (and chat notes for steps that wait for people).
struct IncidentRunbookEventJob: JobHandler {
    let kind = IncidentRunbookEvent.jobKind
    let store: any IncidentsStore
    let clock: any HikeshiClock
    let notifier: (any JobNotifier)?
    let logger: Logger

    func run(_ job: Job) async throws {
        let payload = try job.payload(as: IncidentRunbookEvent.self)
        let now = clock.now()
        try await store.write(logger: logger) { tx in
            try await IncidentRunbooks.recordEvent(
                payload.event, executionID: payload.executionID, executionArn: payload.executionArn, incidentArn: payload.incidentArn,
                accountID: payload.accountID, now: now, in: tx)
        }
        notifier?.wake()
    }
}
