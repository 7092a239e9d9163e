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
    /// triggering resource — only when that account exists on this server and is the one that started the incident
    /// (through a plan shared with it). The triggering ARN alone is the caller's word, so it never moves a runbook into
    /// an account that did not ask for it.
    static func account(for runbook: RunbookAction, incident: Incident, in tx: any IncidentRunbooksTransaction) async throws -> String {
        guard runbook.targetAccount == .impactedAccount, let source = incident.source.resourceArn, let arn = ARN(source), !arn.account.isEmpty,
            arn.account != incident.accountID, ARN(incident.source.createdBy)?.account == arn.account,
            try await tx.accounts.account(arn.account) != nil
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
