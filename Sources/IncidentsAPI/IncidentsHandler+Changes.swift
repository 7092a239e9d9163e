import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import Paging
import SSMIncidentsModel
import Storage

/// A change to an incident, from the API, a chat command or an alert that resolved.
struct IncidentChange: Sendable {
    var actor: String
    var title: String?
    var summary: String?
    var impact: Int?
    var status: SSMIncidents.IncidentRecordStatus?
    var chatChannel: SSMIncidents.ChatChannel?
    var notificationTargets: [SSMIncidents.NotificationTargetItem]?
}

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
    /// Applies a change, writing timeline events and queuing chat notifications for what changed.
    func apply(_ change: IncidentChange, to row: IncidentRecordRow, stored original: StoredIncident, now: Date, tx: any IncidentsTransaction)
        async throws
    {
        var stored = original
        var updated = row
        var changes: [String: String] = [:]
        var notifications: [IncidentNotification] = []
        if let title = change.title, title != stored.record.title {
            changes["title"] = title
            stored.record.title = title
            updated.title = title
            notifications.append(IncidentNotification(incidentArn: row.arn, accountID: row.accountID, event: .titleChanged, actor: change.actor))
        }
        if let summary = change.summary, summary != stored.record.summary {
            changes["summary"] = summary
            stored.record.summary = summary
        }
        if let impact = change.impact, impact != stored.record.impact {
            changes["impact"] = String(impact)
            notifications.append(
                IncidentNotification(
                    incidentArn: row.arn,
                    accountID: row.accountID,
                    event: .impactChanged,
                    oldImpact: stored.record.impact,
                    actor: change.actor
                )
            )
            stored.record.impact = impact
            updated.impact = impact
        }
        if let chatChannel = change.chatChannel {
            stored.record.chatChannel = chatChannel
            changes["chatChannel"] = "updated"
        }
        if let targets = change.notificationTargets {
            stored.record.notificationTargets = targets
            changes["notificationTargets"] = "updated"
        }
        if let status = change.status, status != stored.record.status {
            changes["status"] = status.rawValue
            stored.record.status = status
            updated.status = IncidentStatus(status)
            switch status {
            case .resolved:
                stored.record.resolvedTime = now
                updated.resolvedAt = now
                try await stopEngagements(of: row, reason: "Incident resolved", now: now, tx: tx)
                if let opsItemID = stored.opsItemID {
                    try await tx.opsItems.setStatus("Resolved", id: opsItemID, accountID: row.accountID, at: now)
                }
                notifications.append(IncidentNotification(incidentArn: row.arn, accountID: row.accountID, event: .resolved, actor: change.actor))
            case .open:
                stored.record.resolvedTime = nil
                updated.resolvedAt = nil
                if let opsItemID = stored.opsItemID {
                    try await tx.opsItems.setStatus("Open", id: opsItemID, accountID: row.accountID, at: now)
                }
                notifications.append(IncidentNotification(incidentArn: row.arn, accountID: row.accountID, event: .reopened, actor: change.actor))
            }
        }
        guard !changes.isEmpty else { return }
        stored.record.lastModifiedBy = change.actor
        stored.record.lastModifiedTime = now
        updated.updatedAt = now
        updated.document = try StoredJSON.encode(stored)
        try await tx.incidents.update(updated)
        changes["modifiedBy"] = change.actor
        try await addEvent(
            incidentArn: row.arn, accountID: row.accountID, type: SystemEvent.recordUpdate, data: changes, time: now, now: now, tx: tx)
        let snapshot = IncidentNotification.Snapshot(title: updated.title, impact: updated.impact, status: updated.status)
        for var notification in notifications {
            notification.snapshot = snapshot
            try await enqueue(IncidentNotification.jobKind, notification, dueAt: now, on: tx)
        }
    }

    /// Stops every engagement the incident started.
    func stopEngagements(of row: IncidentRecordRow, reason: String, now: Date, tx: any IncidentsTransaction) async throws {
        for engagement in try await tx.engagements.engagements(incidentID: row.arn, accountID: row.accountID) {
            try await Engagements.end(engagement, reason: reason, now: now, tx: tx)
        }
    }

    /// Carries out a responder's action on an incident of `accountID` (from a chat command).
    ///
    /// `incident` is the record's ARN or its last path component (the id chat messages show).
    public func respond(_ action: ResponderAction, incident: String, actor: String, accountID: String, logger: Logger) async throws -> String {
        let now = clock.now()
        let arn: String = try await write { tx in
            let incidents = tx.incidents
            let resolved: IncidentRecordRow?
            if incident.hasPrefix("arn:") {
                resolved = try await incidents.record(arn: incident, accountID: accountID)
            } else if !incident.isEmpty, incident.allSatisfy({ $0.isHexDigit || $0 == "-" }) {
                resolved = try await incidents.record(idSuffix: incident.lowercased(), accountID: accountID)
            } else {
                resolved = nil
            }
            guard let row = resolved else { throw IncidentsError.notFound(incident, type: "INCIDENT_RECORD") }
            var stored = try StoredJSON.decode(StoredIncident.self, from: row.document, what: "incident record")
            switch action {
            case .acknowledge:
                for engagement in try await tx.engagements.engagements(incidentID: row.arn, accountID: accountID) {
                    try await tx.engagements.stopEscalation(arn: engagement.arn, at: now)
                }
                if stored.acknowledgedAt == nil {
                    stored.acknowledgedAt = now
                    var updated = row
                    updated.document = try StoredJSON.encode(stored)
                    try await incidents.update(updated)
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
                var change = IncidentChange(actor: actor)
                change.status = .resolved
                try await self.apply(change, to: row, stored: stored, now: now, tx: tx)
            }
            return row.arn
        }
        notifier?.wake()
        logger.info("responder action", metadata: ["incident.arn": .string(arn), "responder.action": "\(action)"])
        return arn
    }

    /// Adds a `Note` event and tells the chat channels.
    func addNote(_ text: String, author: String, row: IncidentRecordRow, now: Date, tx: any IncidentsTransaction) async throws {
        try await tx.timeline.insert(
            TimelineEventRecord(
                eventID: EventID.next(at: now),
                incidentArn: row.arn,
                accountID: row.accountID,
                eventTime: now,
                eventType: "Note",
                eventData: try StoredJSON.encode(["content": text, "author": author]),
                eventReferences: "[]",
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
        let arn: String? = try await write { tx in
            guard let planRecord = try await tx.responsePlans.plan(arn: trigger.responsePlanArn, accountID: accountID) else {
                throw IncidentsError.notFound(trigger.responsePlanArn, type: "RESPONSE_PLAN")
            }
            let plan = try StoredJSON.decode(StoredPlan.self, from: planRecord.document, what: "response plan")
            let dedupe = Self.dedupeString(plan: plan, trigger: trigger)
            let scope = Self.planDedupes(plan) ? nil : plan.arn
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
                let stored = try StoredJSON.decode(StoredIncident.self, from: row.document, what: "incident record")
                var change = IncidentChange(actor: trigger.createdBy)
                change.status = .resolved
                try await self.apply(change, to: row, stored: stored, now: now, tx: tx)
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
