import Foundation
import HikeshiCore
import SQLKit

/// Communications on cases.
public struct SupportCommunicationRepository: Sendable {
    private let sql: any SQLDatabase
    private static let columns = "id, case_id, author, submitted_by, body, document, created_at"

    /// A repository over a connection or transaction.
    public init(_ sql: any SQLDatabase) {
        self.sql = sql
    }

    /// Inserts a communication.
    public func insert(_ record: SupportCommunication) async throws {
        try await sql.raw(
            """
            INSERT INTO support_communications (\(unsafeRaw: Self.columns))
            VALUES (\(bind: record.id), \(bind: record.caseID), \(bind: record.author.rawValue), \(bind: record.submittedBy), \(bind: record.body),
                    \(bind: try StoredJSON.encode(record.details)), \(bind: record.createdAt.millisecondsSince1970))
            """
        ).run()
    }

    /// Saves a communication's details (its rating).
    public func updateDetails(id: String, details: CommunicationDetails) async throws {
        try await sql.raw("UPDATE support_communications SET document = \(bind: try StoredJSON.encode(details)) WHERE id = \(bind: id)").run()
    }

    /// The communication with this id on the case.
    public func communication(id: String, caseID: String) async throws -> SupportCommunication? {
        try await sql.raw(
            "SELECT \(unsafeRaw: Self.columns) FROM support_communications WHERE id = \(bind: id) AND case_id = \(bind: caseID)"
        ).first().map(Self.record)
    }

    /// A case's communications, newest first, after `cursor` (`<created ms>/<id>`), optionally within a time range.
    public func list(caseID: String, after: Date?, before: Date?, cursor: String?, limit: Int) async throws -> ListPage<SupportCommunication> {
        var query: SQLQueryString = "SELECT \(unsafeRaw: Self.columns) FROM support_communications WHERE case_id = \(bind: caseID)"
        if let after {
            query += " AND created_at >= \(bind: after.millisecondsSince1970)"
        }
        if let before {
            query += " AND created_at <= \(bind: before.millisecondsSince1970)"
        }
        if let cursor, let slash = cursor.firstIndex(of: "/"), let millis = Int64(cursor[..<slash]) {
            let id = String(cursor[cursor.index(after: slash)...])
            query += " AND (created_at < \(bind: millis) OR (created_at = \(bind: millis) AND id < \(bind: id)))"
        }
        query += " ORDER BY created_at DESC, id DESC LIMIT \(bind: limit + 1)"
        let records = try await sql.raw(query).all().map(Self.record)
        let items = Array(records.prefix(limit))
        let next = records.count > limit ? items.last.map { "\($0.createdAt.millisecondsSince1970)/\($0.id)" } : nil
        return ListPage(items: items, nextCursor: next)
    }

    /// The agent and rating of each rated agent reply written at or after `from` and before `to` (the desk report's
    /// period), reading only the replies' documents; nil when the period holds more than `limit` agent replies.
    public func ratedReplies(from: Date, to: Date, limit: Int) async throws -> [(agentID: String, rating: Int)]? {
        let rows = try await sql.raw(
            """
            SELECT id, document FROM support_communications \
            WHERE author = \(bind: CommunicationAuthor.agent.rawValue) \
            AND created_at >= \(bind: from.millisecondsSince1970) AND created_at < \(bind: to.millisecondsSince1970) \
            LIMIT \(bind: limit + 1)
            """
        ).all()
        guard rows.count <= limit else { return nil }
        var rated: [(agentID: String, rating: Int)] = []
        for row in rows {
            let document = try row.decode(column: "document", as: String.self)
            guard document != Self.plainDetails else { continue }
            let id = try row.decode(column: "id", as: String.self)
            let details = try StoredJSON.decode(CommunicationDetails.self, from: document, what: "communication \(id)")
            if let rating = details.rating, let agentID = details.agentID {
                rated.append((agentID, rating))
            }
        }
        return rated
    }

    /// The newest `limit` communications of each case, newest first, in one query, with each case's cursor to the rest
    /// (as ``list(caseID:after:before:cursor:limit:)`` would give for its first page).
    ///
    /// One `LIMIT` per case, joined by `UNION ALL`, each read backwards from the index on (case, time, id): a windowed
    /// `ROW_NUMBER()` over all the cases' communications cost five times as much on SQLite (a sort, and temporary
    /// tables whose pages SQLite zeroes), and every row of a long case was ranked to keep six.
    public func newest(caseIDs: [String], limit: Int) async throws -> [String: ListPage<SupportCommunication>] {
        var pages: [String: ListPage<SupportCommunication>] = [:]
        // SQLite joins at most 500 selects in one statement; a listing asks for at most 100 cases.
        for start in stride(from: 0, to: caseIDs.count, by: 100) {
            let chunk = caseIDs[start..<min(start + 100, caseIDs.count)]
            var query: SQLQueryString = ""
            for (index, caseID) in chunk.enumerated() {
                if index > 0 { query += " UNION ALL " }
                query += """
                    SELECT * FROM (
                        SELECT \(unsafeRaw: Self.columns) FROM support_communications WHERE case_id = \(bind: caseID)
                        ORDER BY created_at DESC, id DESC LIMIT \(bind: limit + 1)
                    ) AS newest\(unsafeRaw: String(index))
                    """
            }
            let rows = try await sql.raw(query).all().map(Self.record)
            // Each case's rows newest first, whatever order the engine joined them in.
            for (caseID, records) in Dictionary(grouping: rows, by: \.caseID) {
                let ordered = records.sorted { ($0.createdAt, $0.id) > ($1.createdAt, $1.id) }
                let items = Array(ordered.prefix(limit))
                let next = ordered.count > limit ? items.last.map { "\($0.createdAt.millisecondsSince1970)/\($0.id)" } : nil
                pages[caseID] = ListPage(items: items, nextCursor: next)
            }
        }
        return pages
    }

    /// The stored text of a communication with nothing but its body: no CC, attachments, agent or rating.
    private static let plainDetails = try? StoredJSON.encode(CommunicationDetails())

    private static func record(_ row: any SQLRow) throws -> SupportCommunication {
        let id = try row.decode(column: "id", as: String.self)
        let document = try row.decode(column: "document", as: String.self)
        // Most communications carry nothing but their body: their document is the plain one's text, compared instead
        // of parsed (a DescribeCases reads a hundred).
        let details =
            document == plainDetails
            ? CommunicationDetails() : try StoredJSON.decode(CommunicationDetails.self, from: document, what: "communication \(id)")
        return SupportCommunication(
            id: id,
            caseID: try row.decode(column: "case_id", as: String.self),
            author: try StoredValue.decode(CommunicationAuthor.self, row, column: "author"),
            submittedBy: try row.decode(column: "submitted_by", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            details: details,
            createdAt: Date(millisecondsSince1970: try row.decode(column: "created_at", as: Int64.self))
        )
    }
}
