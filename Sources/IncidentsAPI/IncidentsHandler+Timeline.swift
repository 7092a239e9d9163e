import AWSProtocol
import Foundation
import HikeshiCore
import SSMIncidentsModel
import Storage

extension IncidentsHandler {
    /// The event types people may write; the others are the service's own.
    static let userEventTypes: Set<String> = ["Custom Event", "Note"]

    /// Adds a `Custom Event` or a `Note` to an incident's timeline.
    public func createTimelineEvent(_ input: SSMIncidents.CreateTimelineEventInput, context: AWSRequestContext) async throws
        -> SSMIncidents.CreateTimelineEventOutput
    {
        guard Self.userEventTypes.contains(input.eventType) else {
            throw IncidentsError.invalid("eventType", "eventType must be 'Custom Event' or 'Note'")
        }
        let now = clock.now()
        let caller = context.accountID
        let references = (input.eventReferences ?? []).map(TimelineReference.init)
        let (eventID, note) = try await write(context.logger) { tx -> (String, Bool) in
            let row = try await self.incident(input.incidentRecordArn, action: "CreateTimelineEvent", context: context, tx: tx)
            let (eventID, created) = try await tx.idempotency.once(
                accountID: caller,
                operation: "CreateTimelineEvent",
                token: input.clientToken,
                requestHash: try AWSInputFingerprint.of(input, ignoring: "clientToken"),
                at: now,
                mismatch: { Self.tokenReused(input.clientToken) }
            ) {
                let eventID = EventID.next(at: now)
                try await tx.timeline.insert(
                    TimelineEvent(
                        eventID: eventID,
                        incidentArn: row.arn,
                        accountID: row.accountID,
                        eventTime: input.eventTime,
                        eventType: input.eventType,
                        eventData: input.eventData,
                        eventReferences: references,
                        updatedAt: now
                    )
                )
                if input.eventType == "Note" {
                    var notification = IncidentNotification(
                        incidentArn: row.arn,
                        accountID: row.accountID,
                        event: .note,
                        actor: context.principalArn,
                        text: Self.noteText(input.eventData)
                    )
                    notification.snapshot = .init(title: row.title, impact: row.impact, status: row.status)
                    try await self.enqueue(IncidentNotification.jobKind, notification, dueAt: now, on: tx)
                }
                return eventID
            }
            return (eventID, created && input.eventType == "Note")
        }
        if note { notifier?.wake() }
        return SSMIncidents.CreateTimelineEventOutput(eventId: eventID, incidentRecordArn: input.incidentRecordArn)
    }

    /// Returns one timeline event.
    public func getTimelineEvent(_ input: SSMIncidents.GetTimelineEventInput, context: AWSRequestContext) async throws
        -> SSMIncidents.GetTimelineEventOutput
    {
        let record = try await read(context.logger) { tx in
            let row = try await self.incident(input.incidentRecordArn, action: "GetTimelineEvent", context: context, tx: tx)
            guard let event = try await tx.timeline.event(id: input.eventId, incidentArn: row.arn) else {
                throw IncidentsError.notFound(input.eventId, type: "TIMELINE_EVENT")
            }
            return event
        }
        return SSMIncidents.GetTimelineEventOutput(
            event: SSMIncidents.TimelineEvent(
                eventData: record.eventData,
                eventId: record.eventID,
                eventReferences: Self.references(record),
                eventTime: record.eventTime,
                eventType: record.eventType,
                eventUpdatedTime: record.updatedAt,
                incidentRecordArn: record.incidentArn
            )
        )
    }

    /// Lists an incident's timeline, by event time (ascending by default), with time and type filters.
    public func listTimelineEvents(_ input: SSMIncidents.ListTimelineEventsInput, context: AWSRequestContext) async throws
        -> SSMIncidents.ListTimelineEventsOutput
    {
        let (records, nextToken) = try await timelinePage(input, context: context)
        return SSMIncidents.ListTimelineEventsOutput(
            eventSummaries: records.map { record in
                SSMIncidents.EventSummary(
                    eventId: record.eventID,
                    eventReferences: Self.references(record),
                    eventTime: record.eventTime,
                    eventType: record.eventType,
                    eventUpdatedTime: record.updatedAt,
                    incidentRecordArn: record.incidentArn
                )
            },
            nextToken: nextToken
        )
    }

    /// The same page as `ListTimelineEvents` (same filters, order, tokens and checks), each event whole as
    /// `GetTimelineEvent` gives it: for the web console, which shows a page of the timeline in one read instead of one
    /// `GetTimelineEvent` per event.
    public func timelineEvents(_ input: SSMIncidents.ListTimelineEventsInput, context: AWSRequestContext) async throws
        -> (events: [SSMIncidents.TimelineEvent], nextToken: String?)
    {
        let (records, nextToken) = try await timelinePage(input, context: context)
        let events = records.map { record in
            SSMIncidents.TimelineEvent(
                eventData: record.eventData, eventId: record.eventID, eventReferences: Self.references(record), eventTime: record.eventTime,
                eventType: record.eventType, eventUpdatedTime: record.updatedAt, incidentRecordArn: record.incidentArn)
        }
        return (events, nextToken)
    }

    private func timelinePage(_ input: SSMIncidents.ListTimelineEventsInput, context: AWSRequestContext) async throws
        -> (records: [TimelineEvent], nextToken: String?)
    {
        let predicates = try Self.timelinePredicates(input.filters ?? [])
        let ascending = input.sortOrder != .descending
        let scope = "ListTimelineEvents:" + (ascending ? "asc" : "desc")
        let cursor = try PaginationToken.decode(input.nextToken, scope: scope, field: "nextToken")
        let limit = Self.pageSize(input.maxResults)
        let page = try await read(context.logger) { tx in
            let row = try await self.incident(input.incidentRecordArn, action: "ListTimelineEvents", context: context, tx: tx)
            return try await tx.timeline.list(
                incidentArn: row.arn,
                matching: predicates,
                ascending: ascending,
                after: cursor,
                limit: limit
            )
        }
        return (page.items, page.nextCursor.map { PaginationToken.encode($0, scope: scope) })
    }

    /// Changes a timeline event; its type may only become `Custom Event` or `Note`.
    public func updateTimelineEvent(_ input: SSMIncidents.UpdateTimelineEventInput, context: AWSRequestContext) async throws
        -> SSMIncidents.UpdateTimelineEventOutput
    {
        if let type = input.eventType, !Self.userEventTypes.contains(type) {
            throw IncidentsError.invalid("eventType", "eventType must be 'Custom Event' or 'Note'")
        }
        let now = clock.now()
        let references = input.eventReferences.map { $0.map(TimelineReference.init) }
        try await write(context.logger) { tx in
            let row = try await self.incident(input.incidentRecordArn, action: "UpdateTimelineEvent", context: context, tx: tx)
            let timeline = tx.timeline
            guard var event = try await timeline.event(id: input.eventId, incidentArn: row.arn) else {
                throw IncidentsError.notFound(input.eventId, type: "TIMELINE_EVENT")
            }
            guard Self.userEventTypes.contains(event.eventType) else {
                throw IncidentsError.invalid("eventId", "\(event.eventType) events are written by the service and cannot be changed")
            }
            if let data = input.eventData { event.eventData = data }
            if let time = input.eventTime { event.eventTime = time }
            if let type = input.eventType { event.eventType = type }
            if let references { event.eventReferences = references }
            event.updatedAt = now
            try await timeline.update(event)
        }
        return SSMIncidents.UpdateTimelineEventOutput()
    }

    /// Deletes a timeline event.
    public func deleteTimelineEvent(_ input: SSMIncidents.DeleteTimelineEventInput, context: AWSRequestContext) async throws
        -> SSMIncidents.DeleteTimelineEventOutput
    {
        try await write(context.logger) { tx in
            let row = try await self.incident(input.incidentRecordArn, action: "DeleteTimelineEvent", context: context, tx: tx)
            let timeline = tx.timeline
            guard let event = try await timeline.event(id: input.eventId, incidentArn: row.arn) else {
                throw IncidentsError.notFound(input.eventId, type: "TIMELINE_EVENT")
            }
            guard Self.userEventTypes.contains(event.eventType) else {
                throw IncidentsError.invalid("eventId", "\(event.eventType) events are written by the service and cannot be deleted")
            }
            try await timeline.delete(id: input.eventId, incidentArn: row.arn)
        }
        return SSMIncidents.DeleteTimelineEventOutput()
    }

    /// The stored references of an event; an empty list is no references.
    static func references(_ record: TimelineEvent) -> [SSMIncidents.EventReference]? {
        record.eventReferences.isEmpty ? nil : record.eventReferences.map(\.wire)
    }

    /// The text of a note's data: its `content` when it is JSON with one, else the data as given.
    static func noteText(_ data: String) -> String {
        if let object = try? JSONSerialization.jsonObject(with: Data(data.utf8)) as? [String: Any], let content = object["content"] as? String {
            return content
        }
        return data
    }

    /// The timeline filters as storage predicates.
    static func timelinePredicates(_ filters: [SSMIncidents.Filter]) throws -> [TimelinePredicate] {
        try filters.enumerated().map { index, filter in
            switch (filter.key, filter.condition) {
            case ("eventTime", .before(let instant)): return .before(instant)
            case ("eventTime", .after(let instant)): return .after(instant)
            case ("eventType", .equals(.stringValues(let values))): return .typeIn(values)
            case ("eventTime", _):
                throw IncidentsError.invalid("filters.\(index + 1).member.condition", "eventTime takes a before or after condition")
            case ("eventType", _):
                throw IncidentsError.invalid("filters.\(index + 1).member.condition", "eventType takes an equals condition with stringValues")
            default:
                throw IncidentsError.invalid("filters.\(index + 1).member.key", "Unknown filter key \(filter.key); use eventTime or eventType")
            }
        }
    }
}
