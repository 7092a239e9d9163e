import AWSProtocol
import Foundation
import HikeshiCore
import SSMIncidentsModel
import Storage

extension IncidentsHandler {
    /// Starts an incident from a response plan (the caller's, or one shared with it).
    public func startIncident(_ input: SSMIncidents.StartIncidentInput, context: AWSRequestContext) async throws
        -> SSMIncidents.StartIncidentOutput
    {
        let now = clock.now()
        let caller = context.accountID
        let related = input.relatedItems ?? []
        let (arn, _) = try await write(context.logger) { tx in
            try await tx.idempotency.once(
                accountID: caller,
                operation: "StartIncident",
                token: input.clientToken,
                requestHash: try AWSInputFingerprint.of(input, ignoring: "clientToken"),
                at: now,
                mismatch: { Self.tokenReused(input.clientToken) }
            ) {
                let plan = try await self.plan(input.responsePlanArn, action: "StartIncident", context: context, tx: tx)
                let trigger = IncidentTrigger(
                    responsePlanArn: plan.arn,
                    source: input.triggerDetails?.source ?? "aws.ssm-incidents.custom",
                    triggerArn: input.triggerDetails?.triggerArn,
                    title: input.title,
                    impact: input.impact,
                    timestamp: input.triggerDetails?.timestamp ?? now,
                    rawData: input.triggerDetails?.rawData,
                    createdBy: context.principalArn,
                    invokedBy: input.triggerDetails == nil ? nil : "ssm-incidents"
                )
                let outcome = try await self.begin(
                    trigger, plan: plan, accountID: plan.accountID, region: context.region, now: now, tx: tx)
                if case .started(let arn) = outcome {
                    for item in related {
                        try await self.addRelatedItem(item, incidentArn: arn, accountID: plan.accountID, now: now, tx: tx)
                    }
                }
                return outcome.incidentArn
            }
        }
        notifier?.wake()
        context.logger.info("incident started", metadata: ["incident.arn": .string(arn)])
        return SSMIncidents.StartIncidentOutput(incidentRecordArn: arn)
    }

    /// Returns an incident record.
    public func getIncidentRecord(_ input: SSMIncidents.GetIncidentRecordInput, context: AWSRequestContext) async throws
        -> SSMIncidents.GetIncidentRecordOutput
    {
        let incident = try await read(context.logger) { tx in
            try await self.incident(input.arn, action: "GetIncidentRecord", context: context, tx: tx)
        }
        return SSMIncidents.GetIncidentRecordOutput(incidentRecord: incident.wire)
    }

    /// Lists the caller's incident records, newest first: filters are ANDed, the values of one filter ORed.
    public func listIncidentRecords(_ input: SSMIncidents.ListIncidentRecordsInput, context: AWSRequestContext) async throws
        -> SSMIncidents.ListIncidentRecordsOutput
    {
        let predicates = try Self.incidentPredicates(input.filters ?? [])
        let cursor = try PaginationToken.decode(input.nextToken, scope: "ListIncidentRecords", field: "nextToken")
        let account = context.accountID
        let limit = Self.pageSize(input.maxResults)
        let page = try await read(context.logger) { tx in
            try await tx.incidents.list(accountID: account, matching: predicates, after: cursor, limit: limit)
        }
        return SSMIncidents.ListIncidentRecordsOutput(
            incidentRecordSummaries: page.items.map(\.wireSummary),
            nextToken: page.nextCursor.map { PaginationToken.encode($0, scope: "ListIncidentRecords") }
        )
    }

    /// Changes an incident: title, summary, impact, status, chat channel, notification targets.
    public func updateIncidentRecord(_ input: SSMIncidents.UpdateIncidentRecordInput, context: AWSRequestContext) async throws
        -> SSMIncidents.UpdateIncidentRecordOutput
    {
        let now = clock.now()
        let principal = context.principalArn
        try await write(context.logger) { tx in
            let incident = try await self.incident(input.arn, action: "UpdateIncidentRecord", context: context, tx: tx, forUpdate: true)
            let edit = IncidentEdit(
                title: input.title,
                summary: input.summary,
                impact: input.impact,
                status: input.status.map(IncidentStatus.init),
                chatChannel: input.chatChannel.map(IncidentChatChannel.init),
                notificationTopics: NotificationTopics.domain(input.notificationTargets)
            )
            try await self.apply(edit, by: principal, to: incident, now: now, tx: tx)
        }
        notifier?.wake()
        return SSMIncidents.UpdateIncidentRecordOutput()
    }

    /// Deletes an incident record with its timeline and related items.
    public func deleteIncidentRecord(_ input: SSMIncidents.DeleteIncidentRecordInput, context: AWSRequestContext) async throws
        -> SSMIncidents.DeleteIncidentRecordOutput
    {
        let account = context.accountID
        try await write(context.logger) { tx in
            guard try await tx.incidents.record(arn: input.arn, accountID: account) != nil else {
                // Deleting what is not there succeeds, as in Incident Manager.
                return
            }
            try await tx.incidents.delete(arn: input.arn)
            try await tx.tags.removeAll(from: input.arn, accountID: account)
        }
        return SSMIncidents.DeleteIncidentRecordOutput()
    }

    /// Loads an incident the caller may act on with `action`: its own, or one whose plan is shared with it.
    /// `forUpdate` locks the record's row (PostgreSQL) for a change that rewrites it.
    func incident(_ arn: String, action: String, context: AWSRequestContext, tx: any IncidentsTransaction, forUpdate: Bool = false) async throws
        -> Incident
    {
        guard let row = try await tx.incidents.record(arn: arn, accountID: nil, forUpdate: forUpdate && tx.locksRows) else {
            throw IncidentsError.notFound(arn, type: "INCIDENT_RECORD")
        }
        if row.accountID != context.accountID {
            try await Self.requireShared(planArn: row.responsePlanArn, action: action, resource: arn, context: context, tx: tx)
        }
        return row
    }

    /// The list filters as storage predicates; unknown keys and mismatched conditions are validation errors.
    static func incidentPredicates(_ filters: [SSMIncidents.Filter]) throws -> [IncidentPredicate] {
        try filters.enumerated().map { index, filter in
            let field = "filters.\(index + 1).member.condition"
            switch (filter.key, filter.condition) {
            case ("creationTime", .before(let instant)): return .createdBefore(instant)
            case ("creationTime", .after(let instant)): return .createdAfter(instant)
            case ("resolvedTime", .before(let instant)): return .resolvedBefore(instant)
            case ("resolvedTime", .after(let instant)): return .resolvedAfter(instant)
            case ("impact", .equals(.integerValues(let values))): return .impactIn(values)
            case ("status", .equals(.stringValues(let values))): return .statusIn(values)
            case ("createdBy", .equals(.stringValues(let values))): return .createdByIn(values)
            case ("creationTime", _), ("resolvedTime", _):
                throw IncidentsError.invalid(field, "\(filter.key) takes a before or after condition")
            case ("impact", _):
                throw IncidentsError.invalid(field, "impact takes an equals condition with integerValues")
            case ("status", _), ("createdBy", _):
                throw IncidentsError.invalid(field, "\(filter.key) takes an equals condition with stringValues")
            default:
                throw IncidentsError.invalid(
                    "filters.\(index + 1).member.key",
                    "Unknown filter key \(filter.key); use creationTime, resolvedTime, impact, status or createdBy"
                )
            }
        }
    }

    /// The conflict of a client token reused with other parameters.
    static func tokenReused(_ token: String?) -> IncidentsError {
        IncidentsError.conflict(token ?? "", type: "", "The client token was used with other parameters")
    }
}
