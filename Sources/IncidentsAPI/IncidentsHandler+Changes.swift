import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import Paging
import SSMIncidentsModel
import Storage

/// What a responder does from chat.
public enum ResponderAction: Sendable, Equatable {
    /// Acknowledge: escalation stops, the incident stays open.
    case acknowledge
    /// Add a note to the timeline.
    case note(String)
    /// Resolve the incident.
    case resolve
}

extension IncidentsHandler {
    /// Applies an edit by `actor`, writing a timeline event and queuing chat notifications for what changed; resolving
    /// stops the incident's engagements and resolves its OpsItem, reopening reopens the OpsItem.
    func apply(_ edit: IncidentEdit, by actor: String, to original: Incident, now: Date, tx: any IncidentsTransaction) async throws {
        var incident = original
        let changes = incident.apply(edit, by: actor, at: now)
        guard !changes.isEmpty else { return }
        var data: [String: String] = ["modifiedBy": actor]
        var notifications: [IncidentNotification] = []
        let (arn, accountID) = (incident.arn, incident.accountID)
        if let title = changes.title {
            data["title"] = title
            notifications.append(IncidentNotification(incidentArn: arn, accountID: accountID, event: .titleChanged, actor: actor))
        }
        if let summary = changes.summary {
            data["summary"] = summary
        }
        if let previous = changes.previousImpact {
            data["impact"] = String(incident.impact)
            notifications.append(
                IncidentNotification(incidentArn: arn, accountID: accountID, event: .impactChanged, oldImpact: previous, actor: actor))
        }
        if changes.chatChannel { data["chatChannel"] = "updated" }
        if changes.notificationTopics { data["notificationTargets"] = "updated" }
        if let status = changes.status {
            data["status"] = status.rawValue
            switch status {
            case .resolved:
                try await stopEngagements(of: incident, reason: "Incident resolved", now: now, tx: tx)
                try await moveParentOpsItem(of: incident, to: .resolved, now: now, tx: tx)
                notifications.append(IncidentNotification(incidentArn: arn, accountID: accountID, event: .resolved, actor: actor))
            case .open:
                try await moveParentOpsItem(of: incident, to: .open, now: now, tx: tx)
                notifications.append(IncidentNotification(incidentArn: arn, accountID: accountID, event: .reopened, actor: actor))
            }
        }
        try await tx.incidents.update(incident, at: now)
        try await addEvent(incidentArn: arn, accountID: accountID, type: SystemEvent.recordUpdate, data: data, time: now, now: now, tx: tx)
        let snapshot = IncidentNotification.Snapshot(title: incident.title, impact: incident.impact, status: incident.status)
        for var notification in notifications {
            notification.snapshot = snapshot
            try await enqueue(IncidentNotification.jobKind, notification, dueAt: now, on: tx)
        }
    }

    /// Moves the incident's parent OpsItem to `status` as Incident Manager, with its event; a parent deleted through
    /// OpsCenter is left deleted, and one already there is left alone.
    func moveParentOpsItem(of incident: Incident, to status: OpsItemStatus, now: Date, tx: any IncidentsTransaction) async throws {
        guard let opsItemID = incident.opsItemID,
            var opsItem = try await tx.opsItems.item(id: opsItemID, accountID: incident.accountID, region: incident.region, forUpdate: tx.locksRows)
        else { return }
        let changes = try opsItem.apply(OpsItemEdit(status: status), by: OpsItem.incidentManagerArn(accountID: incident.accountID), at: now)
        guard !changes.isEmpty else { return }
        try await tx.opsItems.update(opsItem)
        try await tx.opsItemEvents.insert(
            try OpsItemEvent.recording(opsItem, changes: changes, eventID: UUID().uuidString.lowercased()), region: opsItem.region)
    }

    /// Stops every engagement the incident started.
    func stopEngagements(of row: Incident, reason: String, now: Date, tx: any IncidentsTransaction) async throws {
        for engagement in try await tx.engagements.engagements(incidentID: row.arn, accountID: row.accountID) {
            try await Engagements.end(engagement, reason: reason, now: now, tx: tx)
        }
    }

    /// Carries out a responder's action on an incident of `accountID` (from a chat command).
    ///
    /// `incident` is the record's ARN or its last path component (the id chat messages show).
    public func respond(_ action: ResponderAction, incident: String, actor: String, accountID: String, logger: Logger) async throws -> String {
        let now = clock.now()
        let arn: String = try await write(logger) { tx in
            let incidents = tx.incidents
            let resolved: Incident?
            if incident.hasPrefix("arn:") {
                resolved = try await incidents.record(arn: incident, accountID: accountID, forUpdate: tx.locksRows)
            } else if !incident.isEmpty, incident.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
                resolved = try await incidents.record(idSuffix: incident.lowercased(), accountID: accountID, forUpdate: tx.locksRows)
            } else {
                resolved = nil
            }
            guard var row = resolved else { throw IncidentsError.notFound(incident, type: "INCIDENT_RECORD") }
            switch action {
            case .acknowledge:
                for engagement in try await tx.engagements.engagements(incidentID: row.arn, accountID: accountID) {
                    try await tx.engagements.stopEscalation(arn: engagement.arn, at: now)
                }
                if row.acknowledge(at: now) {
                    try await incidents.update(row, at: now)
                }
                try await self.addEvent(
                    incidentArn: row.arn,
                    accountID: accountID,
                    type: SystemEvent.acknowledgement,
                    data: ["acknowledgedBy": actor],
                    time: now,
                    now: now,
                    tx: tx
                )
                var notification = IncidentNotification(incidentArn: row.arn, accountID: accountID, event: .acknowledged, actor: actor)
                notification.snapshot = .init(title: row.title, impact: row.impact, status: row.status)
                try await self.enqueue(IncidentNotification.jobKind, notification, dueAt: now, on: tx)
            case .note(let text):
                try await self.addNote(text, author: actor, row: row, now: now, tx: tx)
            case .resolve:
                try await self.apply(IncidentEdit(status: .resolved), by: actor, to: row, now: now, tx: tx)
            }
            return row.arn
        }
        notifier?.wake()
        logger.info("responder action", metadata: ["incident.arn": .string(arn), "responder.action": "\(action)"])
        return arn
    }

    /// Adds a `Note` event and tells the chat channels.
    func addNote(_ text: String, author: String, row: Incident, now: Date, tx: any IncidentsTransaction) async throws {
        try await tx.timeline.insert(
            TimelineEvent(
                eventID: EventID.next(at: now),
                incidentArn: row.arn,
                accountID: row.accountID,
                eventTime: now,
                eventType: "Note",
                eventData: try StoredJSON.encode(["content": text, "author": author]),
                eventReferences: [],
                updatedAt: now
            )
        )
        var notification = IncidentNotification(incidentArn: row.arn, accountID: row.accountID, event: .note, actor: author, text: text)
        notification.snapshot = .init(title: row.title, impact: row.impact, status: row.status)
        try await enqueue(IncidentNotification.jobKind, notification, dueAt: now, on: tx)
    }

    /// An alert source said the problem is over: a timeline event, and the incident resolved when `resolve`.
    ///
    /// Returns the incident concerned, or nil when no open incident has that dedupe string.
    public func alertResolved(_ trigger: IncidentTrigger, resolve: Bool, accountID: String, logger: Logger) async throws -> String? {
        let now = clock.now()
        let arn: String? = try await write(logger) { tx in
            guard let plan = try await tx.responsePlans.plan(arn: trigger.responsePlanArn, accountID: accountID) else {
                throw IncidentsError.notFound(trigger.responsePlanArn, type: "RESPONSE_PLAN")
            }
            let dedupe = Self.dedupeString(plan: plan, trigger: trigger)
            let scope = plan.dedupes ? nil : plan.arn
            guard !dedupe.isEmpty,
                let row = try await tx.incidents.openRecord(dedupeString: dedupe, accountID: accountID, responsePlanArn: scope)
            else {
                return nil
            }
            try await self.addEvent(
                incidentArn: row.arn,
                accountID: accountID,
                type: SystemEvent.trigger,
                data: ["action": "resolved", "source": trigger.source, "title": trigger.title ?? "", "triggerArn": trigger.triggerArn ?? ""],
                time: now,
                now: now,
                tx: tx
            )
            if resolve {
                try await self.apply(IncidentEdit(status: .resolved), by: trigger.createdBy, to: row, now: now, tx: tx)
            }
            return row.arn
        }
        notifier?.wake()
        if let arn {
            logger.info("alert resolved", metadata: ["incident.arn": .string(arn), "incident.auto_resolved": .stringConvertible(resolve)])
        }
        return arn
    }
}
