import Foundation
import HikeshiCore
import IncidentsAPI
import Logging
import RunbooksAPI
import Scheduler
import Storage

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
