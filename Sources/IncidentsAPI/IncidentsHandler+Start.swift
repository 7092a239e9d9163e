import AWSProtocol
import Foundation
import HikeshiCore
import Logging
import Paging
import SSMIncidentsModel
import Storage

/// Timeline event types the service writes itself.
enum SystemEvent {
    static let trigger = "SSM Incident Trigger"
    static let recordUpdate = "SSM Incident Record Update"
    static let engagement = "SSM Contacts Engagement"
    static let automation = "SSM Automation Execution"
    static let acknowledgement = "Hikeshi Acknowledgement"
}

extension IncidentsHandler {
    /// Starts an incident from a trigger, or lets the open incident with the same dedupe string absorb it, in the
    /// caller's transaction (``TriggerBatcher`` runs several in one).
    ///
    /// Everything the plan asks for commits in that transaction: the record, its timeline, related items (involved
    /// resources and the parent OpsItem), engagements through the paging engine, the chat and notification job, and a job
    /// that starts each of the plan's runbooks.
    func begin(_ trigger: IncidentTrigger, accountID: String, region: String, now: Date, tx: any IncidentsTransaction) async throws -> TriggerOutcome
    {
        guard let plan = try await tx.responsePlans.plan(arn: trigger.responsePlanArn, accountID: accountID) else {
            throw IncidentsError.notFound(trigger.responsePlanArn, type: "RESPONSE_PLAN")
        }
        return try await begin(trigger, plan: plan, accountID: accountID, region: region, now: now, tx: tx)
    }

    /// ``begin(_:accountID:region:now:tx:)`` with the plan already loaded (`StartIncident` reads it to check access).
    func begin(_ trigger: IncidentTrigger, plan: ResponsePlan, accountID: String, region: String, now: Date, tx: any IncidentsTransaction)
        async throws
        -> TriggerOutcome
    {
        let dedupe = Self.dedupeString(plan: plan, trigger: trigger)
        let incidents = tx.incidents
        if !dedupe.isEmpty {
            // Serialises starts of the same problem across connections and nodes.
            try await tx.lock(key: accountID + "|" + dedupe)
            // A plan's own dedupe string joins incidents account-wide; an alert's identity only within its plan.
            let scope = plan.dedupes ? nil : plan.arn
            if let open = try await incidents.openRecordArn(dedupeString: dedupe, accountID: accountID, responsePlanArn: scope) {
                try await absorb(trigger, into: open, accountID: accountID, dedupeString: dedupe, now: now, tx: tx)
                return .absorbed(incidentArn: open)
            }
        }
        let opsItemID = Self.newOpsItemID()
        let incident = Incident.started(
            arn: Self.newIncidentArn(account: accountID, planName: plan.name),
            plan: plan,
            accountID: accountID,
            region: region,
            title: trigger.title,
            impact: trigger.impact,
            summary: trigger.summary,
            dedupeString: dedupe,
            source: IncidentSource(
                createdBy: trigger.createdBy,
                invokedBy: trigger.invokedBy,
                resourceArn: trigger.triggerArn,
                source: trigger.source
            ),
            opsItemID: opsItemID,
            at: now
        )
        let (arn, title, impact) = (incident.arn, incident.title, incident.impact)
        try await incidents.insert(incident)
        try await tx.tags.set(plan.template.incidentTags ?? [:], on: arn, accountID: accountID)
        try await addEvent(
            incidentArn: arn,
            accountID: accountID,
            type: SystemEvent.trigger,
            data: [
                "action": "created", "source": trigger.source, "title": title, "impact": String(impact),
                "triggerArn": trigger.triggerArn ?? "", "responsePlanArn": plan.arn,
            ].merging(Self.details(of: trigger)) { first, _ in first },
            time: trigger.timestamp > now ? now : trigger.timestamp,
            now: now,
            tx: tx
        )
        try await recordOpsItem(
            opsItemID, incidentArn: arn, title: title, summary: incident.summary, accountID: accountID, region: region, now: now, tx: tx)
        for resource in trigger.resources {
            try await addInvolvedResource(resource, incidentArn: arn, accountID: accountID, now: now, tx: tx)
        }
        for engagement in plan.engagements ?? [] {
            let request = EngagementRequest(
                contactArn: engagement,
                sender: "Incident Manager",
                subject: "Incident: \(title)",
                content: Self.engagementContent(title: title, impact: impact, summary: trigger.summary ?? plan.template.summary, arn: arn),
                incidentID: arn
            )
            let started = try await Engagements.begin(
                request,
                accountID: accountID,
                now: now,
                tx: tx
            )
            try await addEvent(
                incidentArn: arn,
                accountID: accountID,
                type: SystemEvent.engagement,
                data: ["contactArn": engagement, "engagementArn": started ?? "", "status": started == nil ? "CONTACT_NOT_FOUND" : "STARTED"],
                time: now,
                now: now,
                tx: tx
            )
        }
        for index in incident.pendingRunbooks.indices {
            // The runbook starts in a job of its own (the engine is another family's): it commits with the incident,
            // so a start is never lost, and a start that fails shows on the timeline.
            try await enqueue(
                IncidentRunbookStart.jobKind, IncidentRunbookStart(incidentArn: arn, accountID: accountID, index: index), dueAt: now, on: tx)
        }
        var created = IncidentNotification(incidentArn: arn, accountID: accountID, event: .created)
        created.snapshot = .init(title: title, impact: impact, status: .open)
        try await enqueue(IncidentNotification.jobKind, created, dueAt: now, on: tx)
        return .started(incidentArn: arn)
    }

    /// Records an absorbed trigger on the open incident: a timeline event and its involved resources.
    func absorb(_ trigger: IncidentTrigger, into arn: String, accountID: String, dedupeString: String, now: Date, tx: any IncidentsTransaction)
        async throws
    {
        try await addEvent(
            incidentArn: arn,
            accountID: accountID,
            type: SystemEvent.trigger,
            data: [
                "action": "absorbed", "source": trigger.source, "title": trigger.title ?? "", "triggerArn": trigger.triggerArn ?? "",
                "dedupeString": dedupeString,
            ].merging(Self.details(of: trigger)) { first, _ in first },
            time: now,
            now: now,
            tx: tx
        )
        for resource in trigger.resources {
            try await addInvolvedResource(resource, incidentArn: arn, accountID: accountID, now: now, tx: tx)
        }
    }

    /// The dedupe string of a start: the plan's, else the trigger's identity, else the trigger ARN; empty means none.
    static func dedupeString(plan: ResponsePlan, trigger: IncidentTrigger) -> String {
        if let dedupe = plan.template.dedupeString, !dedupe.isEmpty { return dedupe }
        if let key = trigger.dedupeKey, !key.isEmpty { return String(key.prefix(1000)) }
        return trigger.triggerArn ?? ""
    }

    /// The text pages carry.
    /// The trigger's detail line for its timeline event, when the alert gave one.
    static func details(of trigger: IncidentTrigger) -> [String: String] {
        trigger.details.map { ["details": $0] } ?? [:]
    }

    static func engagementContent(title: String, impact: Int, summary: String?, arn: String) -> String {
        var lines = ["\(title)", "Impact: \(impact) (\(impactName(impact)))"]
        if let summary, !summary.isEmpty { lines.append(summary) }
        lines.append("Incident: \(arn)")
        return lines.joined(separator: "\n")
    }

    /// Incident Manager's names of the impact levels.
    static func impactName(_ impact: Int) -> String {
        switch impact {
        case 1: "Critical"
        case 2: "High"
        case 3: "Medium"
        case 4: "Low"
        default: "No impact"
        }
    }

    /// Writes a system timeline event whose data is a JSON object of strings.
    func addEvent(
        incidentArn: String,
        accountID: String,
        type: String,
        data: [String: String],
        references: [TimelineReference] = [],
        time: Date,
        now: Date,
        tx: any IncidentsTransaction
    ) async throws {
        try await tx.timeline.insert(
            TimelineEvent(
                eventID: EventID.next(at: now),
                incidentArn: incidentArn,
                accountID: accountID,
                eventTime: time,
                eventType: type,
                eventData: try StoredJSON.encode(data),
                eventReferences: references,
                updatedAt: now
            )
        )
    }

    /// Adds an involved resource (an ARN) or a link (anything else) as a related item, once.
    func addInvolvedResource(_ resource: String, incidentArn: String, accountID: String, now: Date, tx: any IncidentsTransaction) async throws {
        let isArn = resource.hasPrefix("arn:")
        let item = RelatedItem(
            id: UUID().uuidString.lowercased(),
            kind: isArn ? .involvedResource : .other,
            value: isArn ? .arn(resource) : .url(resource),
            title: isArn ? nil : "Alert source"
        )
        try await tx.relatedItems.add(item, incidentArn: incidentArn, accountID: accountID, at: now)
    }

    /// A new incident record ARN of the account, under its plan's name.
    static func newIncidentArn(account: String, planName: String) -> String {
        arn(account: account, "incident-record/\(planName)/\(UUID().uuidString.lowercased())")
    }

    /// A new id for an incident's parent OpsItem.
    static func newOpsItemID() -> String {
        "oi-" + RandomToken.hex(bytes: 6)
    }

    /// The title of the incident's `PARENT` related item, as Incident Manager names it.
    static let parentItemTitle = "parentItem"

    /// Creates the parent OpsItem (an OpsItem OpsCenter serves, with its creation event and the incident as its
    /// `IsParentOf` related item) and links it as the incident's `PARENT` related item.
    func recordOpsItem(
        _ id: String, incidentArn: String, title: String, summary: String?, accountID: String, region: String, now: Date,
        tx: any IncidentsTransaction
    ) async throws {
        let opsItem = OpsItem.incidentParent(id: id, incidentTitle: title, summary: summary, accountID: accountID, region: region, at: now)
        try await tx.opsItems.insert(opsItem)
        try await tx.opsItemEvents.insert(try OpsItemEvent.recording(opsItem, eventID: UUID().uuidString.lowercased()), region: region)
        try await tx.opsItemRelatedItems.insert(
            OpsItem.incidentAssociation(
                associationID: UUID().uuidString.lowercased(), opsItemID: id, incidentArn: incidentArn, accountID: accountID, at: now))
        let item = RelatedItem(id: UUID().uuidString.lowercased(), kind: .parent, value: .arn(opsItem.arn), title: Self.parentItemTitle)
        try await tx.relatedItems.add(item, incidentArn: incidentArn, accountID: accountID, at: now)
    }
}
