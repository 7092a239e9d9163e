import Foundation
import HikeshiCore
import Storage

/// What an incident records about its runbooks, for the application's job that starts them and for the engine's events:
/// the start (the record's `automationExecutions`, an `AUTOMATION` related item and a timeline event), a start that
/// failed and why (a timeline event people can see), and steps that wait for people (a timeline event and a chat note).
public enum IncidentRunbooks {
    /// The timeline event of a start that failed (Incident Manager's name).
    public static let startFailureEvent = "SSM Automation Execution Start Failure for Incident"
    /// The timeline event of a start, a waiting step and the end (Hikeshi's name; Incident Manager's is not public).
    public static let executionEvent = SystemEvent.automation

    /// The incident and the runbook a start job names; `nil` when the incident is gone or has no such runbook.
    public static func runbook(for start: IncidentRunbookStart, in tx: any IncidentsTransaction) async throws -> (Incident, RunbookAction)? {
        guard let incident = try await tx.incidents.record(arn: start.incidentArn, accountID: start.accountID),
            incident.pendingRunbooks.indices.contains(start.index)
        else { return nil }
        return (incident, incident.pendingRunbooks[start.index])
    }

    /// The parameters a runbook starts with: the plan's fixed ones, then the dynamic ones — `INCIDENT_RECORD_ARN` as the
    /// record's ARN, `INVOLVED_RESOURCES` as the ARNs of its `INVOLVED_RESOURCE` related items.
    public static func parameters(of runbook: RunbookAction, for incident: Incident, in tx: any IncidentsTransaction) async throws -> [String:
        [String]]
    {
        var parameters = runbook.parameters ?? [:]
        for (name, value) in runbook.dynamicParameters ?? [:] {
            switch value {
            case .incidentRecordArn:
                parameters[name] = [incident.arn]
            case .involvedResources:
                var resources: [String] = []
                var cursor: String?
                repeat {
                    let page = try await tx.relatedItems.list(incidentArn: incident.arn, after: cursor, limit: 100)
                    for item in page.items where item.kind == .involvedResource {
                        if case .arn(let arn) = item.value { resources.append(arn) }
                    }
                    cursor = page.nextCursor
                } while cursor != nil
                parameters[name] = resources
            }
        }
        return parameters
    }

    /// Records a started execution on the incident (once, however often the job runs).
    public static func recordStart(
        of runbook: RunbookAction, executionArn: String, on incident: Incident, now: Date, in tx: any IncidentsTransaction
    ) async throws {
        guard !incident.automationExecutions.contains(executionArn) else { return }
        var changed = incident
        changed.recordAutomation(executionArn, at: now)
        try await tx.incidents.update(changed, at: now)
        let item = RelatedItem(id: UUID().uuidString.lowercased(), kind: .automation, value: .arn(executionArn), title: runbook.documentName)
        _ = try await tx.relatedItems.add(item, incidentArn: incident.arn, accountID: incident.accountID, at: now)
        try await event(
            SystemEvent.automation, on: incident,
            data: [
                "documentName": runbook.documentName, "documentVersion": runbook.documentVersion ?? "", "executionArn": executionArn,
                "status": "Started",
            ],
            references: [.resource(executionArn)], now: now, in: tx)
    }

    /// Records a start that failed, with why.
    public static func recordStartFailure(
        of runbook: RunbookAction, message: String, on incident: Incident, now: Date, in tx: any IncidentsTransaction
    )
        async throws
    {
        try await event(
            startFailureEvent, on: incident, data: ["documentName": runbook.documentName, "failureMessage": message], references: [], now: now, in: tx
        )
    }

    /// Records an execution's event on the incident's timeline; a step that waits for people is also a chat note.
    public static func recordEvent(
        _ event: AutomationEvent, executionID: String, executionArn: String, incidentArn: String, accountID: String, now: Date,
        in tx: any IncidentsTransaction
    ) async throws {
        guard let incident = try await tx.incidents.record(arn: incidentArn, accountID: accountID) else { return }
        var data = ["executionArn": executionArn, "event": event.kind.rawValue, "status": event.status.rawValue]
        if let step = event.stepName { data["stepName"] = step }
        if let message = event.message { data["failureMessage"] = message }
        try await Self.event(SystemEvent.automation, on: incident, data: data, references: [.resource(executionArn)], now: now, in: tx)
        guard event.kind == .stepWaiting, let step = event.stepName else { return }
        let signal = event.action == .approve ? "Approve" : "Resume"
        var note = IncidentNotification(incidentArn: incident.arn, accountID: incident.accountID, event: .note)
        note.actor = "Runbook"
        note.text =
            "Step \(step) waits for you. Continue with: aws ssm send-automation-signal --automation-execution-id \(executionID) --signal-type \(signal)"
        note.snapshot = .init(title: incident.title, impact: incident.impact, status: incident.status)
        try await tx.jobs.enqueue(kind: IncidentNotification.jobKind, payload: note, dueAt: now, now: now)
    }

    private static func event(
        _ type: String, on incident: Incident, data: [String: String], references: [TimelineReference], now: Date, in tx: any IncidentsTransaction
    ) async throws {
        try await tx.timeline.insert(
            TimelineEvent(
                eventID: EventID.next(at: now), incidentArn: incident.arn, accountID: incident.accountID, eventTime: now, eventType: type,
                eventData: try StoredJSON.encode(data), eventReferences: references, updatedAt: now))
    }
}
