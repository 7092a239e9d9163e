import Foundation
import HikeshiCore
import IncidentsAPI
import Logging
import RunbooksAPI
import Scheduler
import Storage

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
