import Foundation
import HikeshiCore
import SQLKit

/// A condition on timeline events; conditions are joined with AND.
public enum TimelinePredicate: Sendable, Equatable {
    /// Happened strictly before the instant.
    case before(Date)
    /// Happened strictly after the instant.
    case after(Date)
    /// The type is one of the values.
    case typeIn([String])
}

/// Timeline events of incidents.
public struct TimelineRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "event_id, incident_arn, account_id, event_time, event_type, event_data, event_references, updated_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts an event.
    public func insert(_ event: TimelineEvent) async throws {
        try await sql.raw(
            """
            INSERT INTO timeline_events (\(unsafeRaw: Self.columns))
            VALUES (\(bind: event.eventID), \(bind: event.incidentArn), \(bind: event.accountID), \(bind: event.eventTime.millisecondsSince1970),
                    \(bind: event.eventType), \(bind: event.eventData), \(bind: try StoredJSON.encode(event.eventReferences)),
                    \(bind: event.updatedAt.millisecondsSince1970))
            """
        ).run()
    }

    /// The event with this id on the incident.
    public func event(id: String, incidentArn: String) async throws -> TimelineEvent? {
        try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM timeline_events WHERE event_id = \(bind: id) AND incident_arn = \(bind: incidentArn)"
        ).first().map(Self.record)
    }

    /// Events in time order (`ascending` or not), matching every predicate, after `cursor`.
    public func list(incidentArn: String, matching predicates: [TimelinePredicate], ascending: Bool, after cursor: String?, limit: Int)
        async throws -> ListPage<TimelineEvent>
    {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM timeline_events WHERE incident_arn = \(bind: incidentArn)"
        for predicate in predicates {
            switch predicate {
            case .before(let instant):
                query += " AND event_time < \(bind: instant.millisecondsSince1970)"
            case .after(let instant):
                query += " AND event_time > \(bind: instant.millisecondsSince1970)"
            case .typeIn(let types):
                if types.isEmpty {
                    query += " AND 1 = 0"
                } else {
                    query += " AND event_type IN (\(SQLList(types.map { SQLBind($0) })))"
                }
            }
        }
        if let cursor, let split = cursor.firstIndex(of: "|"), let millis = Int64(cursor[..<split]) {
            let id = String(cursor[cursor.index(after: split)...])
            if ascending {
                query += " AND (event_time > \(bind: millis) OR (event_time = \(bind: millis) AND event_id > \(bind: id)))"
            } else {
                query += " AND (event_time < \(bind: millis) OR (event_time = \(bind: millis) AND event_id < \(bind: id)))"
            }
        }
        query += ascending ? " ORDER BY event_time ASC, event_id" : " ORDER BY event_time DESC, event_id DESC"
        query += " LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map(Self.record)
        let items = Array(records.prefix(limit))
        let next = records.count > limit ? items.last.map { "\($0.eventTime.millisecondsSince1970)|\($0.eventID)" } : nil
        return ListPage(items: items, nextCursor: next)
    }

    /// Saves an event's fields.
    public func update(_ event: TimelineEvent) async throws {
        try await sql.raw(
            """
            UPDATE timeline_events SET event_time = \(bind: event.eventTime.millisecondsSince1970), event_type = \(bind: event.eventType),
                event_data = \(bind: event.eventData), event_references = \(bind: try StoredJSON.encode(event.eventReferences)),
                updated_at = \(bind: event.updatedAt.millisecondsSince1970)
            WHERE event_id = \(bind: event.eventID) AND incident_arn = \(bind: event.incidentArn)
            """
        ).run()
    }

    /// Deletes an event.
    public func delete(id: String, incidentArn: String) async throws {
        try await sql.raw("DELETE FROM timeline_events WHERE event_id = \(bind: id) AND incident_arn = \(bind: incidentArn)").run()
    }

    private static func record(_ row: any SQLRow) throws -> TimelineEvent {
        TimelineEvent(
            eventID: try row.decode(column: "event_id", as: String.self),
            incidentArn: try row.decode(column: "incident_arn", as: String.self),
            accountID: try row.decode(column: "account_id", as: String.self),
            eventTime: Date(millisecondsSince1970: try row.decode(column: "event_time", as: Int64.self)),
            eventType: try row.decode(column: "event_type", as: String.self),
            eventData: try row.decode(column: "event_data", as: String.self),
            eventReferences: try StoredJSON.decode(
                [TimelineReference].self, from: try row.decode(column: "event_references", as: String.self), what: "event references"),
            updatedAt: Date(millisecondsSince1970: try row.decode(column: "updated_at", as: Int64.self))
        )
    }
}
